package kz.egov.workflow.notification;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import kz.egov.workflow.registry.EgovGatewayClient;
import kz.egov.workflow.registry.GatewayEndpoint;

/**
 * The real SMS gateway behind the e-gov gateway. Contract (docs/state-systems.md, "SMS gateway"):
 * {@code POST {base}/sms} with {@code {"phone", "text", "purpose"}}, answered 2xx with {@code {"accepted": true}}
 * (and the gateway's message id). Anything else, or no answer, is an outage: the caller answers 503 and keeps
 * nothing of the code.
 */
public class HttpSmsGateway implements SmsGateway {

  private final EgovGatewayClient gateway;

  public HttpSmsGateway(GatewayEndpoint endpoint, ObjectMapper json) {
    this.gateway = new EgovGatewayClient("SMS gateway", endpoint, json);
  }

  @Override
  public void send(TextMessage message) {
    JsonNode answer = gateway.post("/sms", Map.of("phone", message.phone(), "text", message.body(),
        "purpose", message.purpose()));
    if (!answer.path("accepted").asBoolean(false)) {
      throw gateway.malformed("the message was not accepted: " + answer);
    }
  }
}
