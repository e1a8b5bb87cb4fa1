package kz.egov.workflow.culturalexport2017;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import java.net.URI;
import java.time.Duration;
import kz.egov.workflow.notification.HttpSmsGateway;
import kz.egov.workflow.notification.TextMessage;
import kz.egov.workflow.registry.GatewayEndpoint;
import kz.egov.workflow.registry.StateSystemUnavailableException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The SMS gateway's HTTP adapter against a stub: the message and the credentials go out; a refusal is an outage. */
class HttpSmsGatewayTest {

  static WireMockServer gateway;
  HttpSmsGateway sms;

  @BeforeAll
  static void start() {
    gateway = new WireMockServer(wireMockConfig().dynamicPort());
    gateway.start();
  }

  @AfterAll
  static void stop() {
    gateway.stop();
  }

  @BeforeEach
  void reset() {
    gateway.resetAll();
    sms = gateway(Duration.ofSeconds(10));
  }

  private static HttpSmsGateway gateway(Duration readTimeout) {
    return new HttpSmsGateway(new GatewayEndpoint(URI.create(gateway.baseUrl() + "/egov"), Duration.ofSeconds(5),
        readTimeout, "egov", "secret"), new ObjectMapper());
  }

  @Test
  void sendsTheTextWithTheGatewayCredentials() {
    gateway.stubFor(post("/egov/sms").willReturn(okJson("{\"accepted\":true,\"messageId\":\"M-1\"}")));
    sms.send(new TextMessage("+77011234567", "eGov: код 123456", "one-time-password"));
    gateway.verify(postRequestedFor(urlEqualTo("/egov/sms"))
        .withHeader("Authorization", equalTo("Basic ZWdvdjpzZWNyZXQ="))
        .withRequestBody(equalToJson("{\"phone\":\"+77011234567\",\"text\":\"eGov: код 123456\","
            + "\"purpose\":\"one-time-password\"}")));
  }

  @Test
  void anErrorARefusalOrNoAnswerIsAnOutage() {
    gateway.stubFor(post("/egov/sms").willReturn(aResponse().withStatus(503)));
    TextMessage message = new TextMessage("+77011234567", "eGov: код 123456", "one-time-password");
    assertThatThrownBy(() -> sms.send(message)).isInstanceOf(StateSystemUnavailableException.class)
        .hasMessageContaining("HTTP 503");
    gateway.stubFor(post("/egov/sms").willReturn(okJson("{\"accepted\":false,\"reason\":\"unknown number\"}")));
    assertThatThrownBy(() -> sms.send(message)).isInstanceOf(StateSystemUnavailableException.class)
        .hasMessageContaining("not accepted");
    gateway.stubFor(post("/egov/sms").willReturn(okJson("{\"accepted\":true}").withFixedDelay(3000)));
    assertThatThrownBy(() -> gateway(Duration.ofMillis(1000)).send(message)).isInstanceOf(StateSystemUnavailableException.class)
        .hasMessageContaining("no answer within");
  }

  @Test
  void aNumberThatIsNotAKazakhMobileIsNoMessage() {
    assertThatThrownBy(() -> new TextMessage("87011234567", "text", "one-time-password"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("+7 and 10 digits");
  }
}
