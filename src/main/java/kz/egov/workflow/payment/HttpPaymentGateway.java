package kz.egov.workflow.payment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import kz.egov.workflow.registry.EgovGatewayClient;
import kz.egov.workflow.registry.GatewayEndpoint;

/**
 * Asks the real payment gateway: {@code GET {base}/payments?applicationReference=...} answers a JSON array
 * of payments (fields as in {@link Payment}); an empty array when nothing is paid.
 */
public class HttpPaymentGateway implements PaymentGateway {

  private final EgovGatewayClient client;
  public HttpPaymentGateway(GatewayEndpoint endpoint, ObjectMapper json) {
    this.client = new EgovGatewayClient("payment gateway", endpoint, json);
  }

  @Override
  public List<Payment> paymentsFor(String applicationReference) {
    JsonNode answer = client.get("/payments?applicationReference=" + EgovGatewayClient.segment(applicationReference))
        .orElseThrow(() -> client.malformed("404 for a payment search: wrong base URL?"));
    if (!answer.isArray()) {
      throw client.malformed("expected a JSON array of payments");
    }
    List<Payment> payments = new ArrayList<>();
    for (JsonNode node : answer) {
      Payment payment = client.read(node, Payment.class);
      List<String> problems = payment.problems(null, null);
      if (!problems.isEmpty()) {
        throw client.malformed(String.join("; ", problems));
      }
      if (!applicationReference.equals(payment.applicationReference())) {
        throw client.malformed("asked for " + applicationReference + ", got a payment for "
            + payment.applicationReference());
      }
      payments.add(payment);
    }
    payments.sort(Comparator.comparing(Payment::paidAt));
    return payments;
  }
}
