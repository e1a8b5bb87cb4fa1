package kz.egov.workflow.scrapmetal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import kz.egov.workflow.process.JobExecutorRunning;
import kz.egov.workflow.signature.DemoPki;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;

/**
 * R2 through REST only, as the portal, the payment gateway and the provider's employee would run it, with the
 * job executor running: register the applicant on the portal, sign the request with the demo company's EDS, pay,
 * submit, the employee decides through the REST task API, the portal reads the status and fetches the signed
 * licence. The same with a certificate that is not the company's ends at P7, and without payment at P5.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"demo", "test"})
@ExtendWith(JobExecutorRunning.class)
class ScrapMetalJourneyTest {

  static final String BIN = "040540000123";
  static final ObjectMapper JSON = new ObjectMapper();

  @Autowired TestRestTemplate http;
  @Autowired DemoPki demoPki;
  @Autowired ProcessEngine engine;

  @Test
  void portalApplicationPaidSignedDecidedAndTheSignedLicenceFetched() throws Exception {
    // the company registers on the portal with its own account
    ResponseEntity<JsonNode> account = http.withBasicAuth("admin", "admin").postForEntity(
        "/api/v1/registry/portal-accounts", Map.of("login", BIN, "displayName", "ТОО \"Батыс Металл Трейд\"",
            "registeredAt", OffsetDateTime.now(ZoneOffset.ofHours(5)).minusDays(1).truncatedTo(ChronoUnit.SECONDS)
                .toString(), "status", "ACTIVE"), JsonNode.class);
    assertThat(account.getStatusCode()).isEqualTo(HttpStatus.CREATED);

    String reference = "PORTAL-" + UUID.randomUUID();
    pay(reference, "43250.00");
    ResponseEntity<JsonNode> submitted = submit(reference, BIN, company(), BIN);
    assertThat(submitted.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    assertThat(submitted.getBody().get("id").asText()).isEqualTo(reference);
    assertThat(submitted.getHeaders().getLocation().getPath()).isEqualTo("/api/v1/applications/" + reference);

    JsonNode waiting = awaitStatus(reference, s -> "in-progress".equals(s.path("status").asText())
        && s.path("currentSteps").toString().contains("Check the qualification requirements"));
    assertThat(waiting.get("status").asText()).isEqualTo("in-progress");
    assertThat(waiting.get("applicationNumber").asText()).matches("KZ-WKO-\\d{4}-\\d{6}");
    assertThat(waiting.get("deadline").asText()).isNotBlank();
    assertThat(waiting.get("statusText").get("kk").asText()).isNotBlank();

    // the employee finds the task through the REST task API and decides
    TestRestTemplate employee = http.withBasicAuth("wko.employee", "demo");
    JsonNode found = employee.getForObject("/engine-rest/task?processInstanceBusinessKey=" + reference, JsonNode.class);
    assertThat(found).hasSize(1);
    String taskId = found.get(0).get("id").asText();
    ResponseEntity<JsonNode> noReason = employee.postForEntity("/engine-rest/task/" + taskId + "/complete",
        variables(Map.of("decision", "refuse")), JsonNode.class);
    assertThat(noReason.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(noReason.getBody().get("message").asText()).contains("a refusal needs its reason");
    assertThat(http.withBasicAuth("akmola.clerk", "demo").postForEntity("/engine-rest/task/" + taskId + "/complete",
        variables(Map.of("decision", "issue")), String.class).getStatusCode().is4xxClientError()).isTrue();
    assertThat(employee.postForEntity("/engine-rest/task/" + taskId + "/complete",
        variables(Map.of("decision", "issue")), String.class).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);

    JsonNode issued = awaitStatus(reference, s -> "issued".equals(s.path("status").asText()));
    assertThat(issued.at("/result/kind").asText()).isEqualTo("licence");
    String documentNumber = issued.at("/result/documentNumber").asText();
    assertThat(issued.at("/result/licenceNumber").asText()).isNotBlank();
    assertThat(issued.at("/links/result").asText()).isEqualTo("/api/v1/applications/" + reference + "/result");
    assertThat(issued.get("steps").toString()).contains("P1 Applicant signs in to the portal", "C2 Service paid?",
        "C3 EDS valid, BIN matches?", "P9 Register the application", "P11 Licence received");

    // the applicant, through the portal, fetches the signed licence
    TestRestTemplate portal = http.withBasicAuth("portal", "demo");
    ResponseEntity<byte[]> pdf = portal.getForEntity(issued.at("/links/result").asText(), byte[].class);
    assertThat(pdf.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(pdf.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PDF);
    assertThat(new String(pdf.getBody(), 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
    ResponseEntity<byte[]> p7s = portal.getForEntity(issued.at("/links/resultSignature").asText(), byte[].class);
    assertThat(p7s.getStatusCode()).isEqualTo(HttpStatus.OK);
    ResponseEntity<JsonNode> signatureCheck = portal.postForEntity("/api/v1/signatures/verify",
        Map.of("cms", Base64.getEncoder().encodeToString(p7s.getBody()),
            "data", Base64.getEncoder().encodeToString(pdf.getBody())), JsonNode.class);
    assertThat(signatureCheck.getBody().get("valid").asBoolean()).as(signatureCheck.getBody().toString()).isTrue();
    JsonNode verified = http.getForObject("/api/v1/documents/" + documentNumber + "/verify", JsonNode.class);
    assertThat(verified.get("ours").asBoolean()).isTrue();
    assertThat(verified.get("signatureValid").asBoolean()).isTrue();
    assertThat(verified.get("holderName").asText()).isEqualTo("ТОО \"Батыс Металл Трейд\"");
  }

  @Test
  void aCertificateThatIsNotTheCompanysEndsAtP7WithTheReason() throws Exception {
    String reference = "PORTAL-" + UUID.randomUUID();
    pay(reference, "43250.00");
    DemoPki.Material material = demoPki.ensure();
    assertThat(submit(reference, BIN, DemoSigner.fromPkcs12(material.applicantKeyStore(), material.password()))
        .getStatusCode()).isEqualTo(HttpStatus.CREATED);

    JsonNode refused = awaitStatus(reference, s -> "refused".equals(s.path("status").asText()));
    assertThat(refused.at("/refusal/step").asText()).isEqualTo("P7");
    assertThat(refused.at("/refusal/reason").asText()).startsWith("Service refused: the EDS is not confirmed: ")
        .contains("BIN");
    assertThat(refused.at("/refusal/reasonRu").asText()).startsWith("Отказ в оказании услуги: ЭЦП не подтверждена");
    assertThat(refused.path("applicationNumber").isNull()).isTrue();
  }

  @Test
  void withoutPaymentTheApplicationEndsAtP5() throws Exception {
    String reference = "PORTAL-" + UUID.randomUUID();
    assertThat(submit(reference, BIN, company()).getStatusCode()).isEqualTo(HttpStatus.CREATED);
    awaitStatus(reference, s -> s.path("currentSteps").toString().contains("Payment awaited"));

    // the hour the portal waits for the payment gateway passes: an administrator runs the timer now
    TestRestTemplate admin = http.withBasicAuth("admin", "admin");
    String instanceId = admin.getForObject("/engine-rest/process-instance?businessKey=" + reference, JsonNode.class)
        .get(0).get("id").asText();
    JsonNode timers = admin.getForObject("/engine-rest/job?timers=true&processInstanceId=" + instanceId,
        JsonNode.class);
    assertThat(timers).hasSize(1);
    assertThat(admin.postForEntity("/engine-rest/job/" + timers.get(0).get("id").asText() + "/execute", null,
        String.class).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);

    JsonNode refused = awaitStatus(reference, s -> "refused".equals(s.path("status").asText()));
    assertThat(refused.at("/refusal/step").asText()).isEqualTo("P5");
    assertThat(refused.at("/refusal/reason").asText()).isEqualTo("Service refused: no payment: No payment for"
        + " application " + reference + "; due 10 MCI × 4325 KZT (MCI 2026) = 43250.00 KZT for issuance of"
        + " scrap-metal-license");
  }

  // --- the portal's and the gateway's calls

  private DemoSigner company() throws Exception {
    DemoPki.Material material = demoPki.ensure();
    return DemoSigner.fromPkcs12(material.companyKeyStore(), material.password());
  }

  private void pay(String reference, String amount) {
    ResponseEntity<JsonNode> paid = http.withBasicAuth("payment-gateway", "demo").postForEntity("/api/v1/payments",
        Map.of("paymentId", "PAY-" + UUID.randomUUID(), "payerId", BIN, "amountKzt", amount,
            "service", "scrap-metal-license", "applicationReference", reference,
            "paidAt", OffsetDateTime.now(ZoneOffset.ofHours(5)).minusMinutes(2).truncatedTo(ChronoUnit.SECONDS)
                .toString()), JsonNode.class);
    assertThat(paid.getStatusCode()).as(String.valueOf(paid.getBody())).isEqualTo(HttpStatus.CREATED);
  }

  /** As the company's head signed in to the portal (a demo account acting for the company). */
  private ResponseEntity<JsonNode> submit(String reference, String bin, DemoSigner signer) throws Exception {
    return submit(reference, bin, signer, "781122301233");
  }

  private ResponseEntity<JsonNode> submit(String reference, String bin, DemoSigner signer, String login)
      throws Exception {
    byte[] scan = "%PDF-1.4\n% charter\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
    ObjectNode formData = JSON.createObjectNode().put("companyName", "ТОО \"Батыс Металл Трейд\"")
        .put("siteAddress", "Уральск, Промзона, 3");
    formData.putArray("metals").add("ferrous").add("non-ferrous");
    formData.putArray("subtypes").add("collection").add("storage").add("sale");
    ObjectNode document = JSON.createObjectNode().put("service", "scrap-metal-license").put("requestKind", "issuance")
        .put("applicantId", bin);
    document.set("formData", formData);
    ArrayNode signedAttachments = document.putArray("attachments");
    signedAttachments.addObject().put("name", "charter.pdf").put("sha256", sha256(scan));

    ObjectNode request = JSON.createObjectNode().put("service", "scrap-metal-license").put("channel", "portal")
        .put("requestKind", "issuance").put("reference", reference).put("portalLogin", login);
    request.putObject("applicant").put("id", bin).put("name", "ТОО \"Батыс Металл Трейд\"");
    request.set("formData", formData);
    request.putArray("attachments").addObject().put("name", "charter.pdf").put("contentType", "application/pdf")
        .put("content", Base64.getEncoder().encodeToString(scan));
    request.put("signature", Base64.getEncoder().encodeToString(
        signer.signAttached(JSON.writeValueAsBytes(document))));

    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    headers.set("Idempotency-Key", UUID.randomUUID().toString());
    return http.withBasicAuth("portal", "demo").exchange("/api/v1/applications", HttpMethod.POST,
        new HttpEntity<>(JSON.writeValueAsString(request), headers), JsonNode.class);
  }

  private JsonNode awaitStatus(String id, Predicate<JsonNode> condition) throws InterruptedException {
    JsonNode last = null;
    for (int attempt = 0; attempt < 150; attempt++) {
      ResponseEntity<JsonNode> status = http.withBasicAuth("portal", "demo")
          .getForEntity("/api/v1/applications/" + id, JsonNode.class);
      assertThat(status.getStatusCode()).isEqualTo(HttpStatus.OK);
      last = status.getBody();
      if (condition.test(last)) {
        return last;
      }
      Thread.sleep(200);
    }
    throw new AssertionError("application " + id + " did not reach the expected state; last seen: " + last);
  }

  private static Map<String, Object> variables(Map<String, Object> values) {
    Map<String, Object> typed = new java.util.LinkedHashMap<>();
    values.forEach((name, value) -> typed.put(name, Map.of("value", value)));
    return Map.of("variables", typed);
  }

  private static String sha256(byte[] bytes) throws Exception {
    return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
  }

}
