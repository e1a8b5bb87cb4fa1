package kz.egov.workflow.registry;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import java.net.URI;
import java.time.Duration;
import java.time.LocalDate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The registries' HTTP adapter against a stub of the e-gov gateway: answers, "not found", and every kind of failure. */
class HttpRegistriesTest {

  static final ObjectMapper JSON = TestJson.MAPPER;

  static WireMockServer gateway;
  HttpRegistries registries;

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
    registries = new HttpRegistries(new GatewayEndpoint(URI.create(gateway.baseUrl() + "/shep"),
        Duration.ofMillis(500), Duration.ofMillis(1000), "egov", "secret"), JSON);
  }

  @Test
  void findsAPersonAndSendsTheGatewayCredentials() {
    gateway.stubFor(get("/shep/persons/850315300128").willReturn(okJson("""
        {"iin":"850315300128","surname":"Серікбаев","givenName":"Ерлан","patronymic":"Маратұлы",
         "birthDate":"1985-03-15","address":"Уральск","extra":"ignored"}""")));

    Person person = registries.findPerson("850315300128").orElseThrow();

    assertThat(person.fullName()).isEqualTo("Серікбаев Ерлан Маратұлы");
    assertThat(person.birthDate()).isEqualTo(LocalDate.of(1985, 3, 15));
    assertThat(person.deceased()).isFalse();
    gateway.verify(getRequestedFor(urlEqualTo("/shep/persons/850315300128"))
        .withHeader("Authorization", equalTo("Basic ZWdvdjpzZWNyZXQ=")));
  }

  @Test
  void notFoundIsAnAnswerNotAFailure() {
    gateway.stubFor(get("/shep/persons/900710400568").willReturn(aResponse().withStatus(404)));
    gateway.stubFor(get("/shep/companies/040540000123").willReturn(aResponse().withStatus(404)));
    gateway.stubFor(get("/shep/powers-of-attorney/N-1%2F2").willReturn(aResponse().withStatus(404)));

    assertThat(registries.findPerson("900710400568")).isEmpty();
    assertThat(registries.findCompany("040540000123")).isEmpty();
    assertThat(registries.findPowerOfAttorney("N-1/2")).isEmpty();
  }

  @Test
  void findsACompanyAndAPowerOfAttorney() {
    gateway.stubFor(get("/shep/companies/040540000123").willReturn(okJson("""
        {"bin":"040540000123","name":"ТОО \\"Батыс Металл Трейд\\"","legalForm":"ТОО","registeredOn":"2004-05-14"}""")));
    gateway.stubFor(get("/shep/powers-of-attorney/N-2026-000145").willReturn(okJson("""
        {"number":"N-2026-000145","principalId":"040540000123","attorneyIin":"900710400568","notary":"Бекова А.К.",
         "issuedOn":"2026-01-15","validUntil":"2027-01-15"}""")));

    assertThat(registries.findCompany("040540000123")).get().extracting(Company::active).isEqualTo(true);
    assertThat(registries.findPowerOfAttorney("N-2026-000145").orElseThrow().inForceOn(LocalDate.of(2026, 6, 1)))
        .isTrue();
  }

  @Test
  void aSlowRegistryIsATimeout() {
    gateway.stubFor(get("/shep/persons/850315300128").willReturn(okJson("{}").withFixedDelay(2500)));

    assertThatThrownBy(() -> registries.findPerson("850315300128"))
        .isInstanceOf(StateSystemUnavailableException.class)
        .hasMessageContaining("individuals registry").hasMessageContaining("no answer within 1000 ms");
  }

  @Test
  void serverErrorsAndAuthenticationFailuresAreFailures() {
    gateway.stubFor(get("/shep/companies/040540000123").willReturn(aResponse().withStatus(503)));
    gateway.stubFor(get("/shep/persons/850315300128").willReturn(aResponse().withStatus(401)));

    assertThatThrownBy(() -> registries.findCompany("040540000123"))
        .isInstanceOf(StateSystemUnavailableException.class).hasMessageContaining("HTTP 503");
    assertThatThrownBy(() -> registries.findPerson("850315300128"))
        .isInstanceOf(StateSystemUnavailableException.class).hasMessageContaining("HTTP 401");
  }

  @Test
  void malformedAnswersAreFailuresNotNotFound() {
    gateway.stubFor(get("/shep/persons/850315300128").willReturn(aResponse().withStatus(200)
        .withHeader("Content-Type", "text/html").withBody("<html>gateway maintenance</html>")));
    gateway.stubFor(get("/shep/persons/900710400568").willReturn(okJson("""
        {"iin":"900710400568","surname":"Ахметова","birthDate":"10.07.1990"}""")));
    gateway.stubFor(get("/shep/persons/781122301233").willReturn(okJson("""
        {"iin":"781122301233","surname":"Жумабаев","givenName":"Нурлан","birthDate":"1978-11-21"}""")));
    gateway.stubFor(get("/shep/persons/010203500345").willReturn(okJson("""
        {"iin":"850315300128","surname":"Серікбаев","givenName":"Ерлан","birthDate":"1985-03-15"}""")));
    gateway.stubFor(get("/shep/companies/040540000123").willReturn(okJson("[]")));

    assertThatThrownBy(() -> registries.findPerson("850315300128")).isInstanceOf(StateSystemUnavailableException.class)
        .hasMessageContaining("malformed answer: not JSON");
    assertThatThrownBy(() -> registries.findPerson("900710400568")).isInstanceOf(StateSystemUnavailableException.class)
        .hasMessageContaining("malformed answer");
    assertThatThrownBy(() -> registries.findPerson("781122301233")).isInstanceOf(StateSystemUnavailableException.class)
        .hasMessageContaining("does not match the IIN");
    assertThatThrownBy(() -> registries.findPerson("010203500345")).isInstanceOf(StateSystemUnavailableException.class)
        .hasMessageContaining("asked for 010203500345");
    assertThatThrownBy(() -> registries.findCompany("040540000123")).isInstanceOf(StateSystemUnavailableException.class)
        .hasMessageContaining("expected a JSON object");
  }

  @Test
  void anUnreachableRegistryIsAFailure() {
    HttpRegistries nowhere = new HttpRegistries(GatewayEndpoint.of("http://127.0.0.1:1", Duration.ofMillis(300),
        Duration.ofMillis(300)), JSON);
    assertThatThrownBy(() -> nowhere.findPerson("850315300128")).isInstanceOf(StateSystemUnavailableException.class)
        .hasMessageContaining("cannot reach");
  }
}
