package kz.egov.workflow.licensing;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.time.Duration;
import java.time.LocalDate;
import kz.egov.workflow.application.InvalidRequestException;
import kz.egov.workflow.registry.GatewayEndpoint;
import kz.egov.workflow.registry.TestJson;
import kz.egov.workflow.registry.StateSystemUnavailableException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The e-licensing register's HTTP adapter against a stub. */
class HttpLicensingRegisterTest {

  static WireMockServer elicensing;
  HttpLicensingRegister register;

  @BeforeAll
  static void start() {
    elicensing = new WireMockServer(wireMockConfig().dynamicPort());
    elicensing.start();
  }

  @AfterAll
  static void stop() {
    elicensing.stop();
  }

  @BeforeEach
  void reset() {
    elicensing.resetAll();
    register = new HttpLicensingRegister(GatewayEndpoint.of(elicensing.baseUrl() + "/el/", Duration.ofMillis(500),
        Duration.ofMillis(1000)), TestJson.MAPPER);
  }

  @Test
  void registersAnApplicationAndReadsTheNumberItWasGiven() {
    elicensing.stubFor(post("/el/applications").willReturn(okJson("""
        {"applicationNumber":"KZ-WKO-2026-000123","provider":"wko","applicantId":"040540000123",
         "service":"scrap-metal-license","requestKind":"issuance","reference":"APP-7",
         "registeredAt":"2026-03-02T10:00:00+05:00"}""")));

    RegisteredApplication registered = register.register(new ApplicationRegistration("wko", "040540000123",
        "scrap-metal-license", "issuance", "APP-7"));

    assertThat(registered.applicationNumber()).isEqualTo("KZ-WKO-2026-000123");
    elicensing.verify(postRequestedFor(urlEqualTo("/el/applications")).withRequestBody(equalToJson("""
        {"provider":"wko","applicantId":"040540000123","service":"scrap-metal-license","requestKind":"issuance",
         "reference":"APP-7"}""")));
  }

  @Test
  void aBadRegistrationIsRefusedBeforeAnythingIsSent() {
    assertThatThrownBy(() -> register.register(new ApplicationRegistration("WKO!", "040540000124", "x", "renewal",
        "APP-8"))).isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("provider:").hasMessageContaining("applicantId:").hasMessageContaining("requestKind:");
    assertThat(elicensing.getAllServeEvents()).isEmpty();
  }

  @Test
  void findsLicencesAndSaysWhenThereIsNone() {
    elicensing.stubFor(get("/el/licences/KZ-WKO-LIC-2025-000001").willReturn(okJson("""
        {"number":"KZ-WKO-LIC-2025-000001","holderId":"110840001237","holderName":"ТОО","activity":"лом",
         "provider":"wko","status":"ACTIVE","issuedOn":"2025-04-10","version":1}""")));
    elicensing.stubFor(get("/el/licences/NONE").willReturn(aResponse().withStatus(404)));
    elicensing.stubFor(get("/el/licences?holder=110840001237").willReturn(okJson("""
        [{"number":"KZ-WKO-LIC-2025-000001","holderId":"110840001237","holderName":"ТОО","activity":"лом",
         "provider":"wko","status":"ACTIVE","issuedOn":"2025-04-10","version":1}]""")));

    assertThat(register.licence("KZ-WKO-LIC-2025-000001")).get().extracting(Licence::status)
        .isEqualTo(LicenceStatus.ACTIVE);
    assertThat(register.licence("NONE")).isEmpty();
    assertThat(register.licencesOf("110840001237")).hasSize(1);
  }

  @Test
  void outagesAndMalformedAnswersAreFailures() {
    elicensing.stubFor(post("/el/applications").willReturn(aResponse().withStatus(500)));
    elicensing.stubFor(get("/el/licences/SLOW").willReturn(okJson("{}").withFixedDelay(2500)));
    elicensing.stubFor(get("/el/licences/ODD").willReturn(okJson("{\"number\":\"ODD\",\"status\":\"SUSPENDED\"}")));
    elicensing.stubFor(get("/el/applications/EMPTY").willReturn(okJson("{}")));

    assertThatThrownBy(() -> register.register(new ApplicationRegistration("wko", "040540000123",
        "scrap-metal-license", "issuance", "APP-9"))).isInstanceOf(StateSystemUnavailableException.class)
        .hasMessageContaining("HTTP 500");
    assertThatThrownBy(() -> register.licence("SLOW")).isInstanceOf(StateSystemUnavailableException.class)
        .hasMessageContaining("no answer within");
    assertThatThrownBy(() -> register.licence("ODD")).isInstanceOf(StateSystemUnavailableException.class)
        .hasMessageContaining("malformed");
    assertThatThrownBy(() -> register.application("EMPTY")).isInstanceOf(StateSystemUnavailableException.class)
        .hasMessageContaining("no applicationNumber");
  }

  @Test
  void revokesThroughTheRegister() {
    elicensing.stubFor(post("/el/licences/KZ-1/revocation").withRequestBody(equalToJson("{\"on\":\"2026-02-02\"}"))
        .willReturn(okJson("""
            {"number":"KZ-1","holderId":"110840001237","status":"REVOKED","issuedOn":"2025-04-10",
             "statusChangedOn":"2026-02-02","version":1}""")));

    assertThat(register.revoke("KZ-1", LocalDate.of(2026, 2, 2)).status()).isEqualTo(LicenceStatus.REVOKED);
  }
}
