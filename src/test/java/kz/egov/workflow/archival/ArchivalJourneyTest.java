package kz.egov.workflow.archival;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import kz.egov.workflow.process.JobExecutorRunning;
import kz.egov.workflow.scrapmetal.DemoSigner;
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
 * R4 through REST only, with the job executor running, on each channel:
 * <ul>
 *   <li>service center: its system submits what the operator filed and signed with the operator's own EDS; the
 *       archives' employee issues through the task API; the operator hands it over; the submission's answer, the
 *       status API and the signed result carry one application number;</li>
 *   <li>portal: the applicant's signed request gets the archival certificate in the cabinet, and a request without
 *       the scans its kind requires a motivated refusal (T1.7);</li>
 *   <li>local executive body: the department's system submits, the archives refuse with a reason (P7).</li>
 * </ul>
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"demo", "test"})
@ExtendWith(JobExecutorRunning.class)
class ArchivalJourneyTest {

  static final ObjectMapper JSON = new ObjectMapper();
  static final String IIN = "850315300128";
  static final byte[] SCAN = "%PDF-1.4\n% scan\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

  @Autowired TestRestTemplate http;
  @Autowired DemoPki demoPki;
  @Autowired ProcessEngine engine;

  @Test
  void serviceCenterSystemSubmitsTheOperatorsSignedRequestAndOneNumberRunsToTheResult() throws Exception {
    String reference = "SC-" + UUID.randomUUID();
    ObjectNode form = form("salary").put("operator", "operator");
    ResponseEntity<JsonNode> submitted = submit("service-center", "service-center", reference, IIN, form,
        Map.of("identityDocument.pdf", SCAN, "workRecordBook.pdf", SCAN), staff("operator"));
    assertThat(submitted.getStatusCode()).as(String.valueOf(submitted.getBody())).isEqualTo(HttpStatus.CREATED);

    JsonNode waiting = awaitStatus("service-center", reference,
        s -> s.path("currentSteps").toString().contains("P6-P7 Archives process the request"));
    String number = waiting.get("applicationNumber").asText();
    assertThat(number).matches("KZ-MANGYSTAU-\\d{4}-\\d{6}");
    assertThat(waiting.get("status").asText()).isEqualTo("in-progress");
    assertThat(waiting.get("channel").asText()).isEqualTo("service-center");
    assertThat(waiting.get("steps").toString()).contains("P1 Operator signs in to the system",
        "T3.3 Request the notary registry", "C2 EDS valid, IIN matches?", "T3.7 Register the request");

    // the archives' employee finds the request by the same application id and issues the certificate
    TestRestTemplate employee = http.withBasicAuth("mangystau.employee", "demo");
    String taskId = onlyTask(employee, reference);
    ResponseEntity<JsonNode> incomplete = employee.postForEntity("/engine-rest/task/" + taskId + "/complete",
        variables(Map.of("decision", "issue")), JsonNode.class);
    assertThat(incomplete.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(incomplete.getBody().get("message").asText()).contains("confirmedInformation");
    assertThat(employee.postForEntity("/engine-rest/task/" + taskId + "/complete", variables(Map.of(
        "decision", "issue", "confirmedInformation", "2003–2011 жж. жалақысы туралы мәліметтер / сведения о зарплате",
        "referenceFund", "112", "referenceFile", "45")), String.class).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);

    // the result goes back to the service center: the operator hands it over
    JsonNode ready = awaitStatus("service-center", reference, s -> "issued".equals(s.path("status").asText()));
    assertThat(ready.get("applicationNumber").asText()).isEqualTo(number);
    TestRestTemplate operator = http.withBasicAuth("operator", "demo");
    String handOver = onlyTask(operator, reference);
    assertThat(operator.postForEntity("/engine-rest/task/" + handOver + "/complete", variables(Map.of(
        "recipientName", "Серікбаев Ерлан", "identityChecked", true)), String.class).getStatusCode())
        .isEqualTo(HttpStatus.NO_CONTENT);
    JsonNode done = awaitStatus("service-center", reference, s -> s.path("steps").toString()
        .contains("P8 Archival certificate received"));
    assertThat(done.get("applicationNumber").asText()).isEqualTo(number);
    assertThat(done.at("/result/documentNumber").asText()).isEqualTo(number + "-AC");

    TestRestTemplate system = http.withBasicAuth("service-center", "demo");
    JsonNode record = system.getForObject("/api/v1/applications/" + reference + "/result.json", JsonNode.class);
    assertThat(record.get("applicationNumber").asText()).isEqualTo(number);
    assertThat(record.get("number").asText()).isEqualTo(number + "-AC");
    assertThat(record.get("kind").asText()).isEqualTo("archival-certificate");
    ResponseEntity<byte[]> pdf = system.getForEntity("/api/v1/applications/" + reference + "/result", byte[].class);
    assertThat(pdf.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PDF);
    JsonNode verified = http.getForObject("/api/v1/documents/" + number + "-AC/verify", JsonNode.class);
    assertThat(verified.get("signatureValid").asBoolean()).isTrue();
  }

  @Test
  void serviceCenterRequestWithoutTheRequiredScansIsRefusedAtT38() throws Exception {
    String reference = "SC-" + UUID.randomUUID();
    ResponseEntity<JsonNode> submitted = submit("service-center", "service-center", reference, IIN,
        form("land-allocation").put("operator", "operator"), Map.of("identityDocument.pdf", SCAN,
            "landDocument.docx", "PK not a scan".getBytes(StandardCharsets.UTF_8)), staff("operator"));
    assertThat(submitted.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    JsonNode refused = awaitStatus("service-center", reference, s -> "refused".equals(s.path("status").asText()));
    assertThat(refused.at("/refusal/step").asText()).isEqualTo("T3.8");
    assertThat(refused.at("/refusal/reasonRu").asText()).isEqualTo("Отказ в оказании услуги: нарушения в данных"
        + " заявителя: не является сканом PDF, JPEG или PNG: Правоустанавливающий документ на земельный участок"
        + " (госакт, решение) (landDocument.docx)");
    assertThat(refused.at("/result/documentNumber").asText()).isEqualTo(refused.get("applicationNumber").asText() + "-REF");
  }

  @Test
  void portalApplicantsSignedRequestGetsTheCertificateInTheCabinet() throws Exception {
    String reference = "PORTAL-" + UUID.randomUUID();
    ResponseEntity<JsonNode> submitted = submit("portal", "portal", reference, DemoPki.applicantIin(),
        form("work-experience").put("delivery", "cabinet"), Map.of("workRecordBook.jpg",
            new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 16}), applicant());
    assertThat(submitted.getStatusCode()).as(String.valueOf(submitted.getBody())).isEqualTo(HttpStatus.CREATED);

    awaitStatus("portal", reference, s -> s.path("currentSteps").toString().contains("P6-P7"));
    TestRestTemplate employee = http.withBasicAuth("mangystau.employee", "demo");
    assertThat(employee.postForEntity("/engine-rest/task/" + onlyTask(employee, reference) + "/complete",
        variables(Map.of("decision", "issue", "confirmedInformation", "1995–2003 жылдары бұрғылаушы болып жұмыс"
            + " істеген / работал бурильщиком в 1995–2003 годах")), String.class).getStatusCode())
        .isEqualTo(HttpStatus.NO_CONTENT);

    JsonNode issued = awaitStatus("portal", reference, s -> s.path("steps").toString()
        .contains("P7 Archival certificate in the cabinet"));
    assertThat(issued.get("status").asText()).isEqualTo("issued");
    assertThat(issued.at("/result/kind").asText()).isEqualTo("archival-certificate");
    ResponseEntity<byte[]> pdf = http.withBasicAuth("portal", "demo").getForEntity(issued.at("/links/result").asText(),
        byte[].class);
    assertThat(new String(pdf.getBody(), 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
  }

  @Test
  void portalRequestWithoutTheScansItsKindRequiresGetsAMotivatedRefusal() throws Exception {
    String reference = "PORTAL-" + UUID.randomUUID();
    assertThat(submit("portal", "portal", reference, DemoPki.applicantIin(), form("salary").put("delivery", "cabinet"),
        Map.of(), applicant()).getStatusCode()).isEqualTo(HttpStatus.CREATED);
    JsonNode refused = awaitStatus("portal", reference, s -> "refused".equals(s.path("status").asText())
        && s.path("instanceEnded").asBoolean(true));
    assertThat(refused.at("/refusal/step").asText()).isEqualTo("T1.7");
    assertThat(refused.at("/refusal/reasonKk").asText()).contains("Еңбек кітапшасы");
    assertThat(refused.at("/result/kind").asText()).isEqualTo("refusal");
  }

  @Test
  void localExecutiveBodySystemSubmitsAndTheArchivesRefuseWithAReason() throws Exception {
    String reference = "LEB-" + UUID.randomUUID();
    ResponseEntity<JsonNode> submitted = submit("mangystau.employee", "local-executive-body", reference, IIN,
        form("education"), Map.of("identityDocument.pdf", SCAN, "educationDocument.pdf", SCAN),
        staff("mangystau.employee"));
    assertThat(submitted.getStatusCode()).as(String.valueOf(submitted.getBody())).isEqualTo(HttpStatus.CREATED);
    awaitStatus("mangystau.employee", reference, s -> s.path("currentSteps").toString().contains("P6-P7"));
    TestRestTemplate employee = http.withBasicAuth("mangystau.employee", "demo");
    assertThat(employee.postForEntity("/engine-rest/task/" + onlyTask(employee, reference) + "/complete",
        variables(Map.of("decision", "refuse", "decisionReason", "Оқу орнының құжаттары мұрағатқа өткізілмеген")),
        String.class).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
    JsonNode refused = awaitStatus("mangystau.employee", reference, s -> "refused".equals(s.path("status").asText()));
    assertThat(refused.at("/refusal/step").asText()).isEqualTo("P7");
    assertThat(refused.at("/refusal/reasonKk").asText()).endsWith("Оқу орнының құжаттары мұрағатқа өткізілмеген");
    assertThat(refused.at("/result/documentNumber").asText()).isEqualTo(refused.get("applicationNumber").asText() + "-REF");
  }

  // --- the callers

  private DemoSigner applicant() throws Exception {
    DemoPki.Material material = demoPki.ensure();
    return DemoSigner.fromPkcs12(material.applicantKeyStore(), material.password());
  }

  private DemoSigner staff(String user) throws Exception {
    return DemoSigner.fromPkcs12(demoPki.staffKeyStore(user), "demo");
  }

  private static ObjectNode form(String kind) {
    return JSON.createObjectNode().put("archivalCertificateKind", kind)
        .put("requestedInformation", "2003–2011 жылдардағы мәліметтер / сведения за 2003–2011 годы")
        .put("organisation", "«Маңғыстаумұнайгаз» АҚ").put("periodFrom", 2003).put("periodTo", 2011);
  }

  private ResponseEntity<JsonNode> submit(String user, String channel, String reference, String applicantId,
      ObjectNode formData, Map<String, byte[]> scans, DemoSigner signer) throws Exception {
    ObjectNode document = JSON.createObjectNode().put("service", "archival-certificate").putNull("requestKind")
        .put("applicantId", applicantId);
    document.set("formData", formData);
    ArrayNode signedAttachments = document.putArray("attachments");
    ObjectNode request = JSON.createObjectNode().put("service", "archival-certificate").put("channel", channel)
        .put("reference", reference);
    if ("portal".equals(channel)) {
      request.put("portalLogin", applicantId);
    }
    request.putObject("applicant").put("id", applicantId).put("name", "Серікбаев Ерлан Маратұлы");
    request.set("formData", formData);
    ArrayNode attachments = request.putArray("attachments");
    for (Map.Entry<String, byte[]> scan : new java.util.TreeMap<>(scans).entrySet()) {
      signedAttachments.addObject().put("name", scan.getKey()).put("sha256", sha256(scan.getValue()));
      attachments.addObject().put("name", scan.getKey()).put("contentType", scan.getKey().endsWith(".jpg")
          ? "image/jpeg" : "application/pdf").put("content", Base64.getEncoder().encodeToString(scan.getValue()));
    }
    request.put("signature", Base64.getEncoder().encodeToString(signer.signAttached(JSON.writeValueAsBytes(document))));
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    headers.set("Idempotency-Key", UUID.randomUUID().toString());
    return http.withBasicAuth(user, "demo").exchange("/api/v1/applications", HttpMethod.POST,
        new HttpEntity<>(JSON.writeValueAsString(request), headers), JsonNode.class);
  }

  private String onlyTask(TestRestTemplate user, String reference) throws InterruptedException {
    for (int attempt = 0; attempt < 100; attempt++) {
      JsonNode found = user.getForObject("/engine-rest/task?processInstanceBusinessKey=" + reference, JsonNode.class);
      if (found.size() == 1) {
        return found.get(0).get("id").asText();
      }
      Thread.sleep(200);
    }
    throw new AssertionError("no single task for " + reference);
  }

  private JsonNode awaitStatus(String user, String id, Predicate<JsonNode> condition) throws InterruptedException {
    JsonNode last = null;
    for (int attempt = 0; attempt < 150; attempt++) {
      ResponseEntity<JsonNode> status = http.withBasicAuth(user, "demo").getForEntity("/api/v1/applications/" + id,
          JsonNode.class);
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
    Map<String, Object> typed = new LinkedHashMap<>();
    values.forEach((name, value) -> typed.put(name, Map.of("value", value)));
    return Map.of("variables", typed);
  }

  private static String sha256(byte[] bytes) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
  }
}
