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

import com.github.tomakehurst.wiremock.WireMockServer;
import java.net.URI;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/** The portal accounts' HTTP adapter against a stub of the e-gov portal, and {@code egov.portal.adapter}. */
class HttpPortalAccountsTest {

  static WireMockServer portal;
  HttpPortalAccounts accounts;

  @BeforeAll
  static void start() {
    portal = new WireMockServer(wireMockConfig().dynamicPort());
    portal.start();
  }

  @AfterAll
  static void stop() {
    portal.stop();
  }

  @BeforeEach
  void reset() {
    portal.resetAll();
    accounts = new HttpPortalAccounts(new GatewayEndpoint(URI.create(portal.baseUrl() + "/egov"),
        Duration.ofMillis(1000), Duration.ofMillis(2000), "egov", "secret"), TestJson.MAPPER);
  }

  @Test
  void findsAnAccountAndSendsTheGatewayCredentials() {
    portal.stubFor(get("/egov/portal-accounts/781122301233").willReturn(okJson("""
        {"login":"781122301233","displayName":"Жумабаев Нурлан Касымович","actsForBin":"040540000123",
         "registeredAt":"2023-09-18T10:42:00+05:00","status":"ACTIVE","lastSignIn":"ignored"}""")));
    portal.stubFor(get("/egov/portal-accounts/010203500345").willReturn(okJson("""
        {"login":"010203500345","displayName":"Оспанов Арман","registeredAt":"2018-12-10T05:00:00Z",
         "status":"blocked","blockedReason":"ЭЦП отозвана"}""")));

    PortalAccount head = accounts.findAccount("781122301233").orElseThrow();
    assertThat(head.actsFor("040540000123")).isTrue();
    assertThat(head.active()).isTrue();
    assertThat(head.registeredAt()).isEqualTo(OffsetDateTime.of(2023, 9, 18, 10, 42, 0, 0, ZoneOffset.ofHours(5)));
    PortalAccount blocked = accounts.findAccount("010203500345").orElseThrow();
    assertThat(blocked.status()).isEqualTo(PortalAccountStatus.BLOCKED);
    assertThat(blocked.blockedReason()).isEqualTo("ЭЦП отозвана");
    portal.verify(getRequestedFor(urlEqualTo("/egov/portal-accounts/781122301233"))
        .withHeader("Authorization", equalTo("Basic ZWdvdjpzZWNyZXQ=")));
  }

  @Test
  void notFoundIsAnAnswerNotAFailure() {
    portal.stubFor(get("/egov/portal-accounts/900710400568").willReturn(aResponse().withStatus(404)));
    assertThat(accounts.findAccount("900710400568")).isEmpty();
  }

  @Test
  void errorsTimeoutsAndUnreachablePortalsAreFailures() {
    portal.stubFor(get("/egov/portal-accounts/781122301233").willReturn(aResponse().withStatus(503)));
    portal.stubFor(get("/egov/portal-accounts/850315300128").willReturn(aResponse().withStatus(403)));
    portal.stubFor(get("/egov/portal-accounts/900710400568").willReturn(okJson("{}").withFixedDelay(3500)));

    assertThatThrownBy(() -> accounts.findAccount("781122301233")).isInstanceOf(StateSystemUnavailableException.class)
        .hasMessageContaining("e-gov portal").hasMessageContaining("HTTP 503");
    assertThatThrownBy(() -> accounts.findAccount("850315300128")).isInstanceOf(StateSystemUnavailableException.class)
        .hasMessageContaining("HTTP 403");
    assertThatThrownBy(() -> accounts.findAccount("900710400568")).isInstanceOf(StateSystemUnavailableException.class)
        .hasMessageContaining("no answer within 2000 ms");
    HttpPortalAccounts nowhere = new HttpPortalAccounts(GatewayEndpoint.of("http://127.0.0.1:1", Duration.ofMillis(300),
        Duration.ofMillis(300)), TestJson.MAPPER);
    assertThatThrownBy(() -> nowhere.findAccount("781122301233")).isInstanceOf(StateSystemUnavailableException.class)
        .hasMessageContaining("cannot reach");
  }

  @Test
  void malformedAnswersAreFailuresNotNotFound() {
    portal.stubFor(get("/egov/portal-accounts/781122301233").willReturn(aResponse().withStatus(200)
        .withHeader("Content-Type", "text/html").withBody("<html>portal maintenance</html>")));
    portal.stubFor(get("/egov/portal-accounts/850315300128").willReturn(okJson("""
        {"login":"850315300128","displayName":"Серікбаев Ерлан","actsForBin":"210160003219"}""")));
    portal.stubFor(get("/egov/portal-accounts/900710400568").willReturn(okJson("""
        {"login":"951201402114","displayName":"Касымова Айгерим"}""")));
    portal.stubFor(get("/egov/portal-accounts/951201402114").willReturn(okJson("""
        {"login":"951201402114","displayName":"Касымова Айгерим","status":"BLOCKED"}""")));
    portal.stubFor(get("/egov/portal-accounts/640901400186").willReturn(okJson("""
        {"login":"640901400186","displayName":"Иванова Ольга","status":"SUSPENDED"}""")));
    portal.stubFor(get("/egov/portal-accounts/110840001237").willReturn(okJson("[]")));

    assertThatThrownBy(() -> accounts.findAccount("781122301233")).isInstanceOf(StateSystemUnavailableException.class)
        .hasMessageContaining("malformed answer: not JSON");
    assertThatThrownBy(() -> accounts.findAccount("850315300128")).isInstanceOf(StateSystemUnavailableException.class)
        .hasMessageContaining("actsForBin: BIN 210160003219: check digit is 9, expected 8");
    assertThatThrownBy(() -> accounts.findAccount("900710400568")).isInstanceOf(StateSystemUnavailableException.class)
        .hasMessageContaining("asked for 900710400568, answered 951201402114");
    assertThatThrownBy(() -> accounts.findAccount("951201402114")).isInstanceOf(StateSystemUnavailableException.class)
        .hasMessageContaining("blockedReason: required");
    assertThatThrownBy(() -> accounts.findAccount("640901400186")).isInstanceOf(StateSystemUnavailableException.class)
        .hasMessageContaining("malformed answer");
    assertThatThrownBy(() -> accounts.findAccount("110840001237")).isInstanceOf(StateSystemUnavailableException.class)
        .hasMessageContaining("expected a JSON object");
  }

  @Configuration
  @EnableConfigurationProperties(PortalProperties.class)
  static class Infrastructure {
    @Bean
    com.fasterxml.jackson.databind.ObjectMapper json() {
      return TestJson.MAPPER;
    }

    @Bean
    RegistryStore store() {
      return new RegistryStore(new JdbcTemplate());
    }
  }

  final ApplicationContextRunner context = new ApplicationContextRunner()
      .withUserConfiguration(Infrastructure.class, PortalAccountsConfiguration.class);

  @Test
  void embeddedIsTheDefaultAndHttpIsChosenByConfiguration() {
    context.run(c -> assertThat(c.getBean(PortalAccounts.class)).isInstanceOf(EmbeddedPortalAccounts.class));
    context.withPropertyValues("egov.portal.adapter=http", "egov.portal.http.base-url=https://egov.example.kz/")
        .run(c -> assertThat(c.getBean(PortalAccounts.class)).isInstanceOf(HttpPortalAccounts.class));
    context.withPropertyValues("egov.portal.adapter=http").run(c -> assertThat(c).getFailure().rootCause()
        .hasMessageContaining("egov.portal.http.base-url is not set"));
  }
}
