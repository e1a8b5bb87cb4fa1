package kz.egov.workflow.access;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;

/** The security headers of each kind of response: the webapps', the project API's and engine-rest's. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"demo", "test"})
class SecurityHeadersTest {

  @Autowired TestRestTemplate http;

  @Test
  void theWebappsKeepCamundasPolicyWithItsNonce() {
    ResponseEntity<String> tasklist = http.getForEntity("/camunda/app/tasklist/default/", String.class);
    HttpHeaders headers = tasklist.getHeaders();
    String csp = headers.getFirst("Content-Security-Policy");
    assertThat(csp).contains("script-src 'nonce-", "'unsafe-eval'", "object-src 'none'", "frame-ancestors 'none'");
    // the page's scripts carry the nonce the policy names
    String nonce = csp.replaceAll(".*'nonce-([^']+)'.*", "$1");
    assertThat(tasklist.getBody()).contains("nonce=\"" + nonce + "\"");
    assertThat(headers.getFirst("X-Content-Type-Options")).isEqualTo("nosniff");
    assertThat(headers.getFirst("X-Frame-Options")).isEqualTo("SAMEORIGIN");
    assertThat(headers.getFirst("Referrer-Policy")).isEqualTo("same-origin");
    assertThat(headers.getFirst("Permissions-Policy")).contains("camera=()");
  }

  @Test
  void theApiRunsAndFramesNothing() {
    HttpHeaders headers = http.withBasicAuth("wko.clerk", "demo").getForEntity("/api/v1/me", String.class).getHeaders();
    assertThat(headers.getFirst("Content-Security-Policy")).isEqualTo("default-src 'none'; frame-ancestors 'none'");
    assertThat(headers.getFirst("X-Frame-Options")).isEqualTo("DENY");
    assertThat(headers.getFirst("X-Content-Type-Options")).isEqualTo("nosniff");
    assertThat(headers.getFirst("Referrer-Policy")).isEqualTo("no-referrer");
    assertThat(headers.getFirst("Cache-Control")).contains("no-store");
  }

  @Test
  void refusalsOfTheApiSpeakKazakhRussianAndEnglish() {
    JsonNode anonymous = http.getForEntity("/api/v1/me", JsonNode.class).getBody();
    assertThat(anonymous.path("detail").asText()).startsWith("Sign in with HTTP Basic");
    assertThat(anonymous.path("detailKk").asText()).startsWith("Осы қосымшаның пайдаланушысы ретінде HTTP Basic");
    assertThat(anonymous.path("detailRu").asText()).startsWith("Войдите по HTTP Basic");
    JsonNode forbidden = http.withBasicAuth("wko.clerk", "demo").getForEntity("/api/v1/access/groups", JsonNode.class)
        .getBody();
    assertThat(forbidden.path("detailKk").asText())
        .isEqualTo("Сіздің топтарыңыз GET /api/v1/access/groups сұрауына рұқсат бермейді");
    assertThat(forbidden.path("detailRu").asText()).isEqualTo("Ваши группы не разрешают запрос GET /api/v1/access/groups");
  }

  @Test
  void engineRestAndEverythingElseGetTheDefaultPolicy() {
    HttpHeaders headers = http.withBasicAuth("wko.clerk", "demo").getForEntity("/engine-rest/engine", String.class)
        .getHeaders();
    assertThat(headers.getFirst("Content-Security-Policy")).isEqualTo(WebSecurityConfiguration.WEB_CSP);
    assertThat(headers.getFirst("X-Content-Type-Options")).isEqualTo("nosniff");
    assertThat(headers.getFirst("X-Frame-Options")).isEqualTo("SAMEORIGIN");
  }
}
