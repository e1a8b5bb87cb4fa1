package kz.egov.workflow.culturalexport2017;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import kz.egov.workflow.access.StaffMembers;
import kz.egov.workflow.process.JobExecutorRunning;
import kz.egov.workflow.scrapmetal.DemoSigner;
import kz.egov.workflow.signature.DemoPki;
import kz.egov.workflow.signature.ResultSigner;
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
 * R3 through REST only, with the job executor running, as the portal and the Akmola culture department's staff
 * would run it: the portal asks for a one-time password, the applicant's code confirms the request, the clerk,
 * the head, the executor and the commission work their tasks through {@code /engine-rest}, the head downloads the
 * draft from {@code /api/v1}, signs it with his own key and completes his task with the detached CMS, the clerk
 * hands over the items; the portal fetches the certificate, whose signature verifies as the head's. The same with
 * an EDS-signed request ends in a motivated refusal signed by the head.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"demo", "test"})
@ExtendWith(JobExecutorRunning.class)
class CulturalExportJourneyTest {

  static final String APPLICANT = "900101300126";
  static final ObjectMapper JSON = new ObjectMapper();

  @Autowired TestRestTemplate http;
  @Autowired DemoPki demoPki;
  @Autowired ProcessEngine engine;
  @Autowired StaffMembers staff;

  @Test
  void aRequestConfirmedByOneTimePasswordEndsWithTheCertificateSignedByTheHead() throws Exception {
    String reference = CulturalExportPortalProcessTest.reference();
    String phone = CulturalExportPortalProcessTest.phone();
    TestRestTemplate portal = http.withBasicAuth("portal", "demo");
    ResponseEntity<JsonNode> otp = portal.postForEntity("/api/v1/otp", Map.of("applicantId", APPLICANT,
        "phone", phone, "applicationReference", reference), JsonNode.class);
    assertThat(otp.getStatusCode()).as(String.valueOf(otp.getBody())).isEqualTo(HttpStatus.CREATED);
    // the applicant reads the code on the phone (the embedded SMS gateway keeps it for the administrator)
    JsonNode messages = http.withBasicAuth("admin", "admin").getForObject(java.net.URI.create(http.getRootUri()
        + "/api/v1/notifications/sms?phone=" + phone.replace("+", "%2B")), JsonNode.class);
    Matcher code = CulturalExportPortalProcessTest.CODE.matcher(messages.at("/messages/0/body").asText());
    assertThat(code.find()).as(messages.toString()).isTrue();

    ObjectNode request = request(reference);
    request.putObject("oneTimePassword").put("id", otp.getBody().get("id").asText()).put("code", code.group(1));
    ResponseEntity<JsonNode> submitted = submit(request);
    assertThat(submitted.getStatusCode()).as(String.valueOf(submitted.getBody())).isEqualTo(HttpStatus.CREATED);

    JsonNode waiting = awaitStatus(reference, s -> s.path("currentSteps").toString().contains("P6"));
    assertThat(waiting.get("applicationNumber").asText()).matches("KZ-AKMOLA-\\d{4}-\\d{6}");

    // 1: the clerk receives the documents and the items
    String receive = awaitTask(reference, "akmola.clerk", "task-receive");
    ArrayNodeBuilder items = new ArrayNodeBuilder();
    assertThat(complete("akmola.clerk", receive, Map.of("documentsReceived", value(true),
        "items", json(items.with("received").toString())))).isEqualTo(HttpStatus.NO_CONTENT);
    // 2: the head appoints the executor
    assertThat(complete("akmola.head", awaitTask(reference, "akmola.head", "task-appoint"),
        Map.of("executorId", value("akmola.executor")))).isEqualTo(HttpStatus.NO_CONTENT);
    // 3: to the commission; 4: a positive conclusion, the items back; 5: the certificate prepared
    assertThat(complete("akmola.executor", awaitTask(reference, "akmola.executor", "task-check"),
        Map.of("executorDecision", value("commission")))).isEqualTo(HttpStatus.NO_CONTENT);
    assertThat(complete("akmola.commission", awaitTask(reference, "akmola.commission", "task-commission"),
        Map.of("commissionConclusion", value("positive"), "items", json(items.with("returned").toString()))))
        .isEqualTo(HttpStatus.NO_CONTENT);
    assertThat(complete("akmola.executor", awaitTask(reference, "akmola.executor", "task-prepare"), Map.of()))
        .isEqualTo(HttpStatus.NO_CONTENT);

    // 6: the head signs the exact draft with his own key
    String sign = awaitTask(reference, "akmola.head", "task-sign");
    assertThat(http.withBasicAuth("portal", "demo").getForEntity("/api/v1/applications/" + reference + "/draft.pdf",
        String.class).getStatusCode()).as("drafts are for staff").isEqualTo(HttpStatus.FORBIDDEN);
    ResponseEntity<byte[]> draft = http.withBasicAuth("akmola.head", "demo")
        .getForEntity("/api/v1/applications/" + reference + "/draft.pdf", byte[].class);
    assertThat(draft.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(draft.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PDF);
    ResponseEntity<JsonNode> wrongKey = http.withBasicAuth("akmola.head", "demo").postForEntity(
        "/engine-rest/task/" + sign + "/complete", variables(Map.of("headSignature", bytes(
            signer("akmola.executor").signDetached(draft.getBody())))), JsonNode.class);
    assertThat(wrongKey.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(wrongKey.getBody().get("message").asText()).contains("IIN_MISMATCH");
    byte[] cms = signer("akmola.head").signDetached(draft.getBody());
    assertThat(complete("akmola.head", sign, Map.of("headSignature", bytes(cms)))).isEqualTo(HttpStatus.NO_CONTENT);

    // 7: the clerk hands back the items
    assertThat(complete("akmola.clerk", awaitTask(reference, "akmola.clerk", "task-hand-over"),
        Map.of("recipientName", value("Демо Заявитель Демович"), "identityChecked", value(true),
            "items", json(items.with("handedOver").toString())))).isEqualTo(HttpStatus.NO_CONTENT);

    JsonNode issued = awaitStatus(reference, s -> "issued".equals(s.path("status").asText()));
    assertThat(issued.at("/result/kind").asText()).isEqualTo("certificate");
    String number = issued.at("/result/documentNumber").asText();
    ResponseEntity<byte[]> pdf = portal.getForEntity("/api/v1/applications/" + reference + "/result", byte[].class);
    ResponseEntity<byte[]> p7s = portal.getForEntity("/api/v1/applications/" + reference + "/result.p7s",
        byte[].class);
    assertThat(pdf.getBody()).as("the signed draft is the result").isEqualTo(draft.getBody());
    assertThat(p7s.getBody()).as("its .p7s is the head's signature").isEqualTo(cms);
    JsonNode verdict = portal.postForObject("/api/v1/signatures/verify", Map.of(
        "cms", Base64.getEncoder().encodeToString(p7s.getBody()), "data", Base64.getEncoder().encodeToString(
            pdf.getBody()), "iin", staff.iin("akmola.head")), JsonNode.class);
    assertThat(verdict.get("valid").asBoolean()).as(verdict.toString()).isTrue();
    assertThat(verdict.toString()).contains(staff.iin("akmola.head"));
    JsonNode verified = http.getForObject("/api/v1/documents/" + number + "/verify", JsonNode.class);
    assertThat(verified.get("signatureValid").asBoolean()).as(verified.toString()).isTrue();
    assertThat(verified.get("holderName").asText()).isEqualTo("Демо Заявитель Демович");
  }

  @Test
  void anEdsSignedRequestRefusedByTheExecutorEndsWithTheRefusalSignedByTheHead() throws Exception {
    String reference = CulturalExportPortalProcessTest.reference();
    ObjectNode request = request(reference);
    ObjectNode document = JSON.createObjectNode().put("service", "cultural-export-2017").putNull("requestKind")
        .put("applicantId", APPLICANT);
    document.set("formData", request.get("formData"));
    document.putArray("attachments");
    DemoPki.Material material = demoPki.ensure();
    request.put("signature", Base64.getEncoder().encodeToString(DemoSigner.fromPkcs12(material.applicantKeyStore(),
        material.password()).signAttached(JSON.writeValueAsBytes(document))));
    ResponseEntity<JsonNode> submitted = submit(request);
    assertThat(submitted.getStatusCode()).as(String.valueOf(submitted.getBody())).isEqualTo(HttpStatus.CREATED);

    ArrayNodeBuilder items = new ArrayNodeBuilder();
    assertThat(complete("akmola.clerk", awaitTask(reference, "akmola.clerk", "task-receive"),
        Map.of("documentsReceived", value(true), "items", json(items.with("received").toString()))))
        .isEqualTo(HttpStatus.NO_CONTENT);
    complete("akmola.head", awaitTask(reference, "akmola.head", "task-appoint"),
        Map.of("executorId", value("akmola.executor")));
    String check = awaitTask(reference, "akmola.executor", "task-check");
    ResponseEntity<JsonNode> noReason = http.withBasicAuth("akmola.executor", "demo").postForEntity(
        "/engine-rest/task/" + check + "/complete", variables(Map.of("executorDecision", value("refuse"))),
        JsonNode.class);
    assertThat(noReason.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(noReason.getBody().get("message").asText()).contains("a motivated refusal states its reason");
    assertThat(complete("akmola.executor", check, Map.of("executorDecision", value("refuse"),
        "decisionReason", value("Предмет не является культурной ценностью, подлежащей свидетельству"))))
        .isEqualTo(HttpStatus.NO_CONTENT);

    String sign = awaitTask(reference, "akmola.head", "task-sign");
    byte[] draft = http.withBasicAuth("akmola.head", "demo").getForObject("/api/v1/applications/" + reference
        + "/draft.pdf?kind=refusal", byte[].class);
    assertThat(complete("akmola.head", sign, Map.of("headSignature", bytes(signer("akmola.head").signDetached(draft)))))
        .isEqualTo(HttpStatus.NO_CONTENT);
    assertThat(complete("akmola.clerk", awaitTask(reference, "akmola.clerk", "task-hand-over"),
        Map.of("recipientName", value("Демо Заявитель Демович"), "identityChecked", value(true),
            "items", json(items.with("handedOver").toString())))).isEqualTo(HttpStatus.NO_CONTENT);

    JsonNode refused = awaitStatus(reference, s -> "refused".equals(s.path("status").asText()));
    assertThat(refused.at("/refusal/step").asText()).isEqualTo("P7");
    assertThat(refused.at("/refusal/reasonRu").asText()).isEqualTo("Отказ в оказании услуги (мотивированный отказ):"
        + " Предмет не является культурной ценностью, подлежащей свидетельству");
    assertThat(refused.at("/result/kind").asText()).isEqualTo("refusal");
    TestRestTemplate portal = http.withBasicAuth("portal", "demo");
    byte[] pdf = portal.getForObject("/api/v1/applications/" + reference + "/result", byte[].class);
    byte[] p7s = portal.getForObject("/api/v1/applications/" + reference + "/result.p7s", byte[].class);
    JsonNode verdict = portal.postForObject("/api/v1/signatures/verify", Map.of("cms",
        Base64.getEncoder().encodeToString(p7s), "data", Base64.getEncoder().encodeToString(pdf),
        "iin", staff.iin("akmola.head")), JsonNode.class);
    assertThat(verdict.get("valid").asBoolean()).as(verdict.toString()).isTrue();
  }

  // --- the portal's and the staff's calls

  /** The two items of the request, each with one more field set to its quantity. */
  static final class ArrayNodeBuilder {
    private final java.util.List<String> fields = new java.util.ArrayList<>();

    ArrayNodeBuilder with(String field) {
      fields.add(field);
      return this;
    }

    @Override
    public String toString() {
      StringBuilder text = new StringBuilder("[");
      String[][] items = {{"Кебенек, киіз / Кебенек, войлок", "1"}, {"Тұскиіз / Тускииз", "2"}};
      for (int i = 0; i < items.length; i++) {
        text.append(i == 0 ? "" : ",").append("{\"description\":\"").append(items[i][0]).append("\",\"quantity\":")
            .append(items[i][1]);
        for (String field : fields) {
          text.append(",\"").append(field).append("\":").append(items[i][1]);
        }
        text.append('}');
      }
      return text.append(']').toString();
    }
  }

  private ObjectNode request(String reference) {
    ObjectNode formData = JSON.createObjectNode().put("destinationCountry", "Италия / Италия")
        .put("exportPurpose", "Көрме / Выставка").put("exportFrom", "2027-04-01").put("exportUntil", "2027-05-31")
        .put("contactPhone", "+77011234567").put("paperCopy", false);
    formData.putArray("culturalValues").add(JSON.createObjectNode().put("description",
        "Кебенек, киіз / Кебенек, войлок").put("quantity", 1)).add(JSON.createObjectNode().put("description",
        "Тұскиіз / Тускииз").put("quantity", 2));
    ObjectNode request = JSON.createObjectNode().put("service", "cultural-export-2017").put("channel", "portal")
        .put("reference", reference).put("portalLogin", APPLICANT);
    request.putObject("applicant").put("id", APPLICANT).put("name", "Демо Заявитель Демович");
    request.set("formData", formData);
    return request;
  }

  private ResponseEntity<JsonNode> submit(ObjectNode request) throws Exception {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    headers.set("Idempotency-Key", java.util.UUID.randomUUID().toString());
    return http.withBasicAuth("portal", "demo").exchange("/api/v1/applications", HttpMethod.POST,
        new HttpEntity<>(JSON.writeValueAsString(request), headers), JsonNode.class);
  }

  /** A staff member's demo key, as its holder keeps it. */
  private ResultSigner signer(String user) {
    return ResultSigner.fromPkcs12(demoPki.staffKeyStore(user), DemoPki.PASSWORD.toCharArray(), "staff");
  }

  /** The user's task of this application (the provider's procedure has the portal's business key). */
  private String awaitTask(String reference, String user, String key) throws InterruptedException {
    for (int attempt = 0; attempt < 150; attempt++) {
      JsonNode found = http.withBasicAuth(user, "demo").getForObject("/engine-rest/task?processInstanceBusinessKey="
          + reference + "&taskDefinitionKey=" + key, JsonNode.class);
      if (found != null && found.isArray() && found.size() == 1) {
        return found.get(0).get("id").asText();
      }
      Thread.sleep(200);
    }
    throw new AssertionError(user + " never saw task " + key + " of " + reference);
  }

  private HttpStatus complete(String user, String taskId, Map<String, Object> variables) {
    ResponseEntity<String> answer = http.withBasicAuth(user, "demo").postForEntity("/engine-rest/task/" + taskId
        + "/complete", Map.of("variables", variables), String.class);
    assertThat(answer.getStatusCode().is2xxSuccessful()).as(answer.getBody()).isTrue();
    return (HttpStatus) answer.getStatusCode();
  }

  private static Map<String, Object> value(Object value) {
    return Map.of("value", value);
  }

  private static Map<String, Object> json(String text) {
    return Map.of("value", text, "type", "Json");
  }

  private static Map<String, Object> bytes(byte[] data) {
    return Map.of("value", Base64.getEncoder().encodeToString(data), "type", "Bytes");
  }

  private static Map<String, Object> variables(Map<String, Object> typed) {
    return Map.of("variables", new LinkedHashMap<>(typed));
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
}
