package kz.egov.workflow.payment;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.time.Duration;
import java.time.LocalDate;
import kz.egov.workflow.registry.GatewayEndpoint;
import kz.egov.workflow.registry.TestJson;
import kz.egov.workflow.registry.StateSystemUnavailableException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The payment gateway's HTTP adapter against a stub, and the payment check on top of it. */
class HttpPaymentGatewayTest {

  static WireMockServer gateway;
  HttpPaymentGateway payments;

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
    payments = new HttpPaymentGateway(GatewayEndpoint.of(gateway.baseUrl(), Duration.ofMillis(500),
        Duration.ofMillis(1000)), TestJson.MAPPER);
  }

  private void answer(String reference, String body) {
    gateway.stubFor(get(urlPathEqualTo("/payments")).withQueryParam("applicationReference", equalTo(reference))
        .willReturn(okJson(body)));
  }

  @Test
  void paymentsOfAnApplicationCountTowardsItsFee() {
    answer("APP-1", """
        [{"paymentId":"P-2","payerId":"040540000123","amountKzt":23250,"service":"scrap-metal-license",
          "applicationReference":"APP-1","paidAt":"2026-03-02T11:00:00+05:00"},
         {"paymentId":"P-1","payerId":"040540000123","amountKzt":20000.00,"service":"scrap-metal-license",
          "applicationReference":"APP-1","paidAt":"2026-03-02T10:00:00+05:00"}]""");
    answer("APP-2", "[]");

    assertThat(payments.paymentsFor("APP-1")).extracting(Payment::paymentId).containsExactly("P-1", "P-2");
    assertThat(payments.paymentsFor("APP-2")).isEmpty();

    PaymentCheck check = new PaymentCheck(payments, new FeeSchedule(FeeScheduleTest.PROPERTIES));
    assertThat(check.check("APP-1", "scrap-metal-license", RequestKind.ISSUANCE, LocalDate.of(2026, 3, 3)).complete())
        .isTrue();
    PaymentVerdict none = check.check("APP-2", "scrap-metal-license", RequestKind.ISSUANCE, LocalDate.of(2026, 3, 3));
    assertThat(none.complete()).isFalse();
    assertThat(none.reason()).startsWith("No payment for application APP-2; due 10 MCI × 4325 KZT");
  }

  @Test
  void failuresOfTheGatewayAreNotAnswers() {
    gateway.stubFor(get(urlPathEqualTo("/payments")).withQueryParam("applicationReference", equalTo("SLOW"))
        .willReturn(okJson("[]").withFixedDelay(2500)));
    gateway.stubFor(get(urlPathEqualTo("/payments")).withQueryParam("applicationReference", equalTo("DOWN"))
        .willReturn(aResponse().withStatus(502)));
    answer("OBJECT", "{\"payments\":[]}");
    answer("BAD", """
        [{"paymentId":"P-9","payerId":"040540000123","amountKzt":-5,"service":"scrap-metal-license",
          "applicationReference":"BAD","paidAt":"2026-03-02T10:00:00+05:00"}]""");
    answer("OTHER", """
        [{"paymentId":"P-8","payerId":"040540000123","amountKzt":5,"service":"scrap-metal-license",
          "applicationReference":"SOMEONE-ELSE","paidAt":"2026-03-02T10:00:00+05:00"}]""");

    assertThatThrownBy(() -> payments.paymentsFor("SLOW")).isInstanceOf(StateSystemUnavailableException.class)
        .hasMessageContaining("payment gateway").hasMessageContaining("no answer within");
    assertThatThrownBy(() -> payments.paymentsFor("DOWN")).isInstanceOf(StateSystemUnavailableException.class)
        .hasMessageContaining("HTTP 502");
    assertThatThrownBy(() -> payments.paymentsFor("OBJECT")).isInstanceOf(StateSystemUnavailableException.class)
        .hasMessageContaining("expected a JSON array");
    assertThatThrownBy(() -> payments.paymentsFor("BAD")).isInstanceOf(StateSystemUnavailableException.class)
        .hasMessageContaining("amountKzt: must be more than 0");
    assertThatThrownBy(() -> payments.paymentsFor("OTHER")).isInstanceOf(StateSystemUnavailableException.class)
        .hasMessageContaining("asked for OTHER");
  }
}
