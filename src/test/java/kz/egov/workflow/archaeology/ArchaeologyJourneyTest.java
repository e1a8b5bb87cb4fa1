package kz.egov.workflow.archaeology;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
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
 * R5 through REST only, with the job executor running: an individual's licence through the portal (paid, signed,
 * decided with special conditions, fetched and checked), a legal entity's re-issuance at the committee (a new
 * version in the register, the old one re-issued), a motivated refusal at a service center certified with the
 * operator's own EDS. Each time item 17 is checked: the applicant's application, attachments, result, and the
 * engine's variables and history are closed to other providers' staff, other operators and the portal reading for
 * another applicant (403 or 404; Camunda's lists answer empty), and open to the committee and the auditor.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"demo", "test"})
@ExtendWith(JobExecutorRunning.class)
class ArchaeologyJourneyTest {

  static final ObjectMapper JSON = new ObjectMapper();
  static final byte[] SCAN = "%PDF-1.4\n% diploma\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

  @Autowired TestRestTemplate http;
  @Autowired DemoPki demoPki;
  @Autowired ProcessEngine engine;

  @Test
  void anIndividualsLicenceThroughThePortalIsReadOnlyByTheCommitteeTheAuditorAndItsOwnApplicant() throws Exception {
    String iin = DemoPki.applicantIin();
    String reference = "PORTAL-R5-" + UUID.randomUUID();
    pay(reference, iin, "43250.00");
    ObjectNode form = (ObjectNode) JSON.readTree(R5Fixtures.individualForm("issuance", null));
    DemoSigner applicant = DemoSigner.fromPkcs12(demoPki.ensure().applicantKeyStore(), DemoPki.PASSWORD);
    ResponseEntity<JsonNode> submitted = submit("portal", "portal", "issuance", reference, iin, iin, form, applicant);
    assertThat(submitted.getStatusCode()).as(String.valueOf(submitted.getBody())).isEqualTo(HttpStatus.CREATED);

    TestRestTemplate portal = http.withBasicAuth("portal", "demo");
    JsonNode waiting = awaitStatus(portal, iin, reference,
        s -> s.path("currentSteps").toString().contains("C4 Check the documents and requirements"));
    assertThat(waiting.get("applicationNumber").asText()).matches("KZ-COMMITTEE-\\d{4}-\\d{6}");
    String instanceId = instanceOf(reference);

    // item 17 while it is open: the engine's variables and the decision task
    String taskId = decisionTask(reference);
    for (String outsider : List.of("wko.employee", "akmola.head", "operator", "portal")) {
      assertThat(http.withBasicAuth(outsider, "demo").getForEntity("/engine-rest/process-instance/" + instanceId
          + "/variables", String.class).getStatusCode()).as(outsider).isIn(HttpStatus.FORBIDDEN, HttpStatus.NOT_FOUND);
      assertThat(http.withBasicAuth(outsider, "demo").getForEntity("/engine-rest/task/" + taskId + "/variables",
          String.class).getStatusCode()).as(outsider).isIn(HttpStatus.FORBIDDEN, HttpStatus.NOT_FOUND);
    }
    for (String insider : List.of("committee.employee", "auditor")) {
      ResponseEntity<JsonNode> read = http.withBasicAuth(insider, "demo").getForEntity("/engine-rest/process-instance/"
          + instanceId + "/variables", JsonNode.class);
      assertThat(read.getStatusCode()).as(insider).isEqualTo(HttpStatus.OK);
      assertThat(read.getBody().has("formData")).isTrue();
    }

    TestRestTemplate employee = http.withBasicAuth("committee.employee", "demo");
    ResponseEntity<String> decided = employee.postForEntity("/engine-rest/task/" + taskId + "/complete",
        variables(Map.of("decision", "issue", "specialConditions",
            "Қазба жұмыстары тек Түркістан облысында / Раскопки только в Туркестанской области")), String.class);
    assertThat(decided.getStatusCode()).as(decided.getBody()).isEqualTo(HttpStatus.NO_CONTENT);

    JsonNode issued = awaitStatus(portal, iin, reference, s -> "issued".equals(s.path("status").asText()));
    assertThat(issued.get("steps").toString()).contains("P1 Applicant signs in to the portal",
        "C3 EDS valid, IIN/BIN matches?", "P9 Register the application", "P11 Licence received");
    String licenceNumber = issued.at("/result/licenceNumber").asText();
    ResponseEntity<byte[]> pdf = portal.exchange(issued.at("/links/result").asText(), HttpMethod.GET,
        onBehalfOf(iin), byte[].class);
    assertThat(pdf.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(R5Fixtures.pdfText(pdf.getBody())).contains(licenceNumber, "Нұрланова Гүлнар Ерланқызы",
        "ЖСН / ИИН " + iin, "Осуществление археологических и (или) научно-реставрационных работ",
        "Раскопки только в Туркестанской области", "Комитет культуры Министерства культуры и информации",
        "Место печати");
    JsonNode verified = http.getForObject("/api/v1/documents/" + licenceNumber + "/verify", JsonNode.class);
    assertThat(verified.get("signatureValid").asBoolean()).isTrue();

    // item 17 after the result: /api/v1
    String app = "/api/v1/applications/" + reference;
    assertReadable(app, reference, iin, List.of("committee.employee", "committee.head", "auditor"),
        List.of("wko.employee", "akmola.clerk", "mangystau.employee", "operator", "service-center"));
    assertThat(portal.exchange(app, HttpMethod.GET, null, String.class).getStatusCode())
        .as("the portal without naming the applicant").isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(portal.exchange(app, HttpMethod.GET, onBehalfOf("900710400568"), String.class).getStatusCode())
        .as("the portal for another applicant").isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(portal.exchange(app + "/result", HttpMethod.GET, onBehalfOf("900710400568"), String.class)
        .getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(portal.exchange(app + "/attachments/1", HttpMethod.GET, onBehalfOf(iin), String.class).getStatusCode())
        .as("the applicant's documents: the committee's and the auditor's only").isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(portal.exchange("/api/v1/applications?applicantId=" + iin, HttpMethod.GET, onBehalfOf("900710400568"),
        JsonNode.class).getBody().toString()).doesNotContain(reference);
    assertThat(portal.exchange("/api/v1/applications?applicantId=" + iin, HttpMethod.GET, onBehalfOf(iin),
        JsonNode.class).getBody().toString()).contains(reference);

    // item 17 after the result: the engine's history
    assertHistoryClosed(instanceId, List.of("wko.employee", "operator", "portal", "service-center"));
  }

  @Test
  void aLegalEntitysReIssuanceAtTheCommitteeEntersANewVersionAndMarksTheOldOneReIssued() throws Exception {
    String bin = R5Fixtures.newBin();
    R5Fixtures.createCompany(http, bin, "ТОО \"Ұлы Дала Археология\"");
    ResponseEntity<JsonNode> old = http.withBasicAuth("admin", "admin").postForEntity("/api/v1/licensing/licences",
        Map.of("holderId", bin, "holderName", "ТОО \"Дала Археология\"", "activity",
            "Осуществление археологических работ на памятниках истории и культуры", "provider", "committee",
            "issuedOn", LocalDate.now(ZoneOffset.ofHours(5)).minusYears(2).toString()), JsonNode.class);
    assertThat(old.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    String oldNumber = old.getBody().get("number").asText();

    ObjectNode form = JSON.createObjectNode().put("companyName", "ТОО \"Ұлы Дала Археология\"")
        .put("address", "Астана қ., Бейбітшілік к-сі, 11").put("specialists", "Омаров Б.Т., археолог, 15 жыл")
        .put("licenceNumber", oldNumber).put("reissueReason", "name-change")
        .put("reissueDetails", "ТОО \"Дала Археология\" → ТОО \"Ұлы Дала Археология\"");
    form.putArray("subtypes").add("archaeological");
    String reference = "COMMITTEE-" + UUID.randomUUID();
    ResponseEntity<JsonNode> submitted = submit("committee.employee", "provider", "re-issuance", reference, bin, null,
        form, null);
    assertThat(submitted.getStatusCode()).as(String.valueOf(submitted.getBody())).isEqualTo(HttpStatus.CREATED);

    TestRestTemplate employee = http.withBasicAuth("committee.employee", "demo");
    awaitStatus(employee, null, reference, s -> s.path("currentSteps").toString().contains("P6 Mark paper documents"));
    String scans = employee.getForObject("/engine-rest/task?processInstanceBusinessKey=" + reference, JsonNode.class)
        .get(0).get("id").asText();
    Map<String, Object> file = Map.of("value", Base64.getEncoder().encodeToString(SCAN), "type", "File",
        "valueInfo", Map.of("filename", "application.pdf", "mimetype", "application/pdf"));
    ResponseEntity<String> scanned = employee.postForEntity("/engine-rest/task/" + scans + "/complete",
        Map.of("variables", Map.of("scanApplication", file, "paperApplication", Map.of("value", true))), String.class);
    assertThat(scanned.getStatusCode()).as(scanned.getBody()).isEqualTo(HttpStatus.NO_CONTENT);

    JsonNode waiting = awaitStatus(employee, null, reference,
        s -> s.path("currentSteps").toString().contains("C3 Check the documents") && s.hasNonNull("deadline"));
    assertThat(OffsetDateTime.parse(waiting.get("deadline").asText()))
        .as("re-issuance: 10 working days").isBefore(OffsetDateTime.parse(waiting.get("registeredAt").asText())
            .plusDays(17));
    assertThat(employee.postForEntity("/engine-rest/task/" + decisionTask(reference) + "/complete",
        variables(Map.of("decision", "issue")), String.class).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);

    JsonNode issued = awaitStatus(employee, null, reference, s -> "issued".equals(s.path("status").asText()));
    String newNumber = issued.at("/result/licenceNumber").asText();
    assertThat(newNumber).isNotEqualTo(oldNumber);
    TestRestTemplate admin = http.withBasicAuth("admin", "admin");
    JsonNode reissued = admin.getForObject("/api/v1/licensing/licences/" + newNumber, JsonNode.class);
    assertThat(reissued.get("version").asInt()).isEqualTo(2);
    assertThat(reissued.get("previousNumber").asText()).isEqualTo(oldNumber);
    assertThat(reissued.get("holderName").asText()).isEqualTo("ТОО \"Ұлы Дала Археология\"");
    assertThat(admin.getForObject("/api/v1/licensing/licences/" + oldNumber, JsonNode.class).get("status").asText())
        .isEqualTo("REISSUED");
    ResponseEntity<byte[]> pdf = employee.getForEntity("/api/v1/applications/" + reference + "/result", byte[].class);
    assertThat(R5Fixtures.pdfText(pdf.getBody())).contains(newNumber, "БСН / БИН " + bin,
        "(қайта ресімдеу / переоформление)");

    assertReadable("/api/v1/applications/" + reference, reference, null, List.of("committee.employee", "auditor"),
        List.of("wko.employee", "operator", "portal", "service-center"));
    assertHistoryClosed(instanceOf(reference), List.of("wko.employee", "operator", "portal"));
  }

  @Test
  void aServiceCenterRefusalCertifiedWithTheOperatorsEdsIsNotAnotherOperatorsToRead() throws Exception {
    String iin = R5Fixtures.newIin();
    R5Fixtures.createPerson(http, iin, "Жанұзақов", "Ерлан", "Бекұлы");
    String otherOperator = "operator-" + UUID.randomUUID().toString().substring(0, 8);
    createOperator(otherOperator);

    ObjectNode form = JSON.createObjectNode().put("surname", "Жанұзақов").put("givenName", "Ерлан")
        .put("patronymic", "Бекұлы").put("address", "Түркістан қ., Тәуке хан даңғылы, 5")
        .put("specialists", "Жанұзақов Е.Б., реставратор, 1 жыл");
    form.putArray("subtypes").add("scientific-restoration");
    String reference = "CENTER-" + UUID.randomUUID();
    DemoSigner operatorKey = DemoSigner.fromPkcs12(demoPki.staffKeyStore("operator"), DemoPki.PASSWORD);
    ResponseEntity<JsonNode> submitted = submit("operator", "service-center", "issuance", reference, iin, null, form,
        operatorKey);
    assertThat(submitted.getStatusCode()).as(String.valueOf(submitted.getBody())).isEqualTo(HttpStatus.CREATED);

    TestRestTemplate operator = http.withBasicAuth("operator", "demo");
    awaitStatus(operator, null, reference, s -> s.path("currentSteps").toString().contains("C2 Check the documents"));
    String instanceId = instanceOf(reference);
    TestRestTemplate other = http.withBasicAuth(otherOperator, "demo");
    assertThat(other.getForEntity("/api/v1/applications/" + reference, String.class).getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(other.getForEntity("/engine-rest/process-instance/" + instanceId + "/variables", String.class)
        .getStatusCode()).isIn(HttpStatus.FORBIDDEN, HttpStatus.NOT_FOUND);
    assertThat(other.getForObject("/engine-rest/task?processInstanceBusinessKey=" + reference, JsonNode.class))
        .isEmpty();

    ResponseEntity<String> refused = http.withBasicAuth("committee.employee", "demo").postForEntity("/engine-rest/task/"
        + decisionTask(reference) + "/complete", variables(Map.of("decision", "refuse", "decisionReason",
        "Реставратордың мамандығы бойынша жұмыс өтілі үш жылдан кем / Стаж реставратора менее трёх лет")),
        String.class);
    assertThat(refused.getStatusCode()).as(refused.getBody()).isEqualTo(HttpStatus.NO_CONTENT);

    JsonNode ended = awaitStatus(operator, null, reference, s -> "refused".equals(s.path("status").asText()));
    assertThat(ended.at("/refusal/step").asText()).isEqualTo("P8");
    assertThat(ended.get("steps").toString()).contains("P1 Operator signs in", "P5 Verify the operator's EDS",
        "P7 Register the application", "P8 Motivated refusal");
    ResponseEntity<byte[]> pdf = http.withBasicAuth("service-center", "demo").getForEntity("/api/v1/applications/"
        + reference + "/result", byte[].class);
    assertThat(pdf.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(R5Fixtures.pdfText(pdf.getBody())).contains("МОТИВИРОВАННЫЙ ОТКАЗ", "Жанұзақов Ерлан Бекұлы",
        "Стаж реставратора менее трёх лет", "ул. Орынбор, 8");

    assertReadable("/api/v1/applications/" + reference, reference, null,
        List.of("operator", "service-center", "committee.employee", "auditor"),
        List.of(otherOperator, "wko.employee", "portal"));
    assertHistoryClosed(instanceId, List.of(otherOperator, "wko.employee", "portal", "operator"));
  }

  @Test
  void aFormWithoutTheApplicantsNameOrAReIssuanceOfAnotherHoldersLicenceIsA400() throws Exception {
    String iin = R5Fixtures.newIin();
    ObjectNode nameless = JSON.createObjectNode().put("address", "Астана қ.").put("specialists", "x");
    nameless.putArray("subtypes").add("excavation");
    ResponseEntity<JsonNode> bad = submit("committee.employee", "provider", "issuance", "BAD-" + UUID.randomUUID(), iin,
        null, nameless, null);
    assertThat(bad.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(bad.getBody().get("problems").toString()).contains("formData.subtypes[0]", "companyName", "surname");

    ObjectNode foreign = (ObjectNode) JSON.readTree(R5Fixtures.individualForm("re-issuance",
        "KZ-WKO-LIC-2025-000001"));
    ResponseEntity<JsonNode> notTheirs = submit("committee.employee", "provider", "re-issuance",
        "BAD-" + UUID.randomUUID(), iin, null, foreign, null);
    assertThat(notTheirs.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(notTheirs.getBody().get("problems").toString()).contains("KZ-WKO-LIC-2025-000001");

    ObjectNode issuanceWithLicence = (ObjectNode) JSON.readTree(R5Fixtures.individualForm("issuance", null))
        .deepCopy();
    issuanceWithLicence.put("licenceNumber", "KZ-COMMITTEE-LIC-2025-000001");
    assertThat(submit("committee.employee", "provider", "issuance", "BAD-" + UUID.randomUUID(), iin, null,
        issuanceWithLicence, null).getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(submit("committee.employee", "provider", "duplicate", "BAD-" + UUID.randomUUID(), iin, null,
        (ObjectNode) JSON.readTree(R5Fixtures.individualForm("issuance", null)), null).getBody().get("problems")
        .toString()).as("R5 has no duplicates").contains("requestKind");
  }

  // --- item 17

  /** The application (and its attachments, result) for the insiders; 403 or 404 for everyone else. */
  private void assertReadable(String app, String reference, String applicantId, List<String> insiders,
      List<String> outsiders) {
    for (String insider : insiders) {
      TestRestTemplate user = http.withBasicAuth(insider, "demo");
      assertThat(user.getForEntity(app, String.class).getStatusCode()).as(insider).isEqualTo(HttpStatus.OK);
      assertThat(user.getForEntity(app + "/attachments", String.class).getStatusCode()).as(insider)
          .isEqualTo(HttpStatus.OK);
      assertThat(user.getForEntity(app + "/result.json", String.class).getStatusCode()).as(insider)
          .isEqualTo(HttpStatus.OK);
    }
    for (String staff : List.of("committee.employee", "auditor")) {
      assertThat(http.withBasicAuth(staff, "demo").getForEntity(app + "/attachments/1", byte[].class).getStatusCode())
          .as(staff).isEqualTo(HttpStatus.OK);
    }
    for (String outsider : outsiders) {
      TestRestTemplate user = http.withBasicAuth(outsider, "demo");
      for (String path : List.of(app, app + "/attachments", app + "/attachments/1", app + "/result",
          app + "/result.json", app + "/result.p7s")) {
        assertThat(user.getForEntity(path, String.class).getStatusCode()).as("%s %s", outsider, path)
            .isIn(HttpStatus.FORBIDDEN, HttpStatus.NOT_FOUND);
      }
    }
  }

  /** The history of the instance's variables and tasks: empty for outsiders, the committee's and auditor's. */
  private void assertHistoryClosed(String instanceId, List<String> outsiders) {
    for (String outsider : outsiders) {
      TestRestTemplate user = http.withBasicAuth(outsider, "demo");
      assertThat(user.getForObject("/engine-rest/history/variable-instance?processInstanceId=" + instanceId,
          JsonNode.class)).as(outsider).isEmpty();
      assertThat(user.getForObject("/engine-rest/history/process-instance?processInstanceId=" + instanceId,
          JsonNode.class)).as(outsider).isEmpty();
      assertThat(user.getForEntity("/engine-rest/history/process-instance/" + instanceId, String.class)
          .getStatusCode()).as(outsider).isIn(HttpStatus.FORBIDDEN, HttpStatus.NOT_FOUND);
    }
    for (String insider : List.of("committee.employee", "auditor")) {
      JsonNode history = http.withBasicAuth(insider, "demo").getForObject(
          "/engine-rest/history/variable-instance?processInstanceId=" + instanceId, JsonNode.class);
      assertThat(history.toString()).as(insider).contains("\"formData\"");
    }
  }

  // --- REST calls

  private ResponseEntity<JsonNode> submit(String user, String channel, String kind, String reference,
      String applicantId, String portalLogin, ObjectNode form, DemoSigner signer) throws Exception {
    ObjectNode document = JSON.createObjectNode().put("service", R5Fixtures.SERVICE).put("requestKind", kind)
        .put("applicantId", applicantId);
    document.set("formData", form);
    document.putArray("attachments").addObject().put("name", "diploma.pdf").put("sha256", sha256(SCAN));
    ObjectNode request = JSON.createObjectNode().put("service", R5Fixtures.SERVICE).put("channel", channel)
        .put("requestKind", kind).put("reference", reference);
    if (portalLogin != null) {
      request.put("portalLogin", portalLogin);
    }
    request.putObject("applicant").put("id", applicantId);
    request.set("formData", form);
    request.putArray("attachments").addObject().put("name", "diploma.pdf").put("contentType", "application/pdf")
        .put("content", Base64.getEncoder().encodeToString(SCAN));
    if (signer != null) {
      request.put("signature", Base64.getEncoder().encodeToString(signer.signAttached(JSON.writeValueAsBytes(document))));
    }
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    headers.set("Idempotency-Key", UUID.randomUUID().toString());
    return http.withBasicAuth(user, "portal".equals(user) ? "demo" : "demo").exchange("/api/v1/applications",
        HttpMethod.POST, new HttpEntity<>(JSON.writeValueAsString(request), headers), JsonNode.class);
  }

  private void pay(String reference, String payer, String amount) {
    ResponseEntity<JsonNode> paid = http.withBasicAuth("payment-gateway", "demo").postForEntity("/api/v1/payments",
        Map.of("paymentId", "PAY-" + UUID.randomUUID(), "payerId", payer, "amountKzt", amount,
            "service", R5Fixtures.SERVICE, "applicationReference", reference,
            "paidAt", OffsetDateTime.now(ZoneOffset.ofHours(5)).minusMinutes(2).truncatedTo(ChronoUnit.SECONDS)
                .toString()), JsonNode.class);
    assertThat(paid.getStatusCode()).as(String.valueOf(paid.getBody())).isEqualTo(HttpStatus.CREATED);
  }

  private void createOperator(String id) {
    TestRestTemplate admin = http.withBasicAuth("admin", "admin");
    assertThat(admin.postForEntity("/engine-rest/user/create", Map.of("profile", Map.of("id", id, "firstName",
        "Second", "lastName", "Operator"), "credentials", Map.of("password", "demo")), String.class).getStatusCode())
        .isEqualTo(HttpStatus.NO_CONTENT);
    assertThat(admin.exchange("/engine-rest/group/service-center-operator/members/" + id, HttpMethod.PUT, null,
        String.class).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
  }

  private String instanceOf(String reference) {
    return http.withBasicAuth("admin", "admin").getForObject("/engine-rest/history/process-instance?processInstanceBusinessKey="
        + reference, JsonNode.class).get(0).get("id").asText();
  }

  private String decisionTask(String reference) {
    JsonNode found = http.withBasicAuth("admin", "admin").getForObject("/engine-rest/task?processInstanceBusinessKey="
        + reference + "&taskDefinitionKey=task-decide", JsonNode.class);
    assertThat(found).hasSize(1);
    return found.get(0).get("id").asText();
  }

  private static HttpEntity<Void> onBehalfOf(String applicantId) {
    HttpHeaders headers = new HttpHeaders();
    headers.set("X-Applicant-Id", applicantId);
    return new HttpEntity<>(headers);
  }

  private JsonNode awaitStatus(TestRestTemplate reader, String applicantId, String id, Predicate<JsonNode> condition)
      throws InterruptedException {
    JsonNode last = null;
    for (int attempt = 0; attempt < 150; attempt++) {
      ResponseEntity<JsonNode> status = reader.exchange("/api/v1/applications/" + id, HttpMethod.GET,
          applicantId == null ? null : onBehalfOf(applicantId), JsonNode.class);
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
    return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
  }
}
