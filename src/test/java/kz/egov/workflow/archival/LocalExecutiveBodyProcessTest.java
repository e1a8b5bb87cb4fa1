package kz.egov.workflow.archival;

import static kz.egov.workflow.archival.ArchivalTestSupport.PDF;
import static kz.egov.workflow.archival.ArchivalTestSupport.child;
import static kz.egov.workflow.archival.ArchivalTestSupport.pdf;
import static kz.egov.workflow.archival.ArchivalTestSupport.runDue;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import kz.egov.workflow.process.SignedRequests;
import kz.egov.workflow.scrapmetal.DemoSigner;
import kz.egov.workflow.signature.DemoPki;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.spin.plugin.variable.value.JsonValue;
import org.camunda.spin.json.SpinJsonNode;
import org.camunda.spin.plugin.variable.SpinValues;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;

/**
 * R4 diagram №1 (processes/archival-certificate/local-executive-body.bpmn) and the archives it calls, every
 * branch: an employee of another provider (P2), an applicant the individuals registry does not know (T2.4), a
 * request signed with someone else's EDS (P5), documents missing from an API request (T2.7), the archives'
 * motivated refusal (P7) and the archival certificate (P8), handed over in person after safekeeping (item 17.4).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"demo", "test"})
class LocalExecutiveBodyProcessTest {

  static final String KEY = "archival-certificate-local-executive-body";
  static final String EMPLOYEE = "mangystau.employee";
  static final String IIN = "850315300128";

  @Autowired ProcessEngine engine;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired HistoryService history;
  @Autowired IdentityService identity;
  @Autowired DemoPki demoPki;
  @Autowired TestRestTemplate http;

  @BeforeEach
  void init() {
    BpmnAwareTests.init(engine);
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void anEmployeeFilesSignsAndTheUncollectedCertificateIsKeptThenHandedOver() throws Exception {
    ProcessInstance instance = startAs(EMPLOYEE, List.of("mangystau", "mangystau-employee"));
    assertThat(runtime.getVariables(instance.getId())).containsEntry("channel", "local-executive-body")
        .containsEntry("provider", "mangystau").containsEntry("employeeAuthentic", true)
        .containsEntry("employee", EMPLOYEE);

    Task fill = ArchivalTestSupport.task(engine, instance, "task-fill");
    assertThat(fill.getAssignee()).isEqualTo(EMPLOYEE);
    Map<String, Object> request = request("work-experience");
    request.put("applicantId", "850315300129");
    assertThatThrownBy(() -> tasks.complete(fill.getId(), request))
        .hasRootCauseInstanceOf(FormFieldValidationException.class).hasMessageContaining("applicantId");
    request.put("applicantId", IIN);
    request.put("delivery", "email");
    assertThatThrownBy(() -> tasks.complete(fill.getId(), request))
        .hasRootCauseInstanceOf(FormFieldValidationException.class).hasMessageContaining("email: required");
    request.put("delivery", "in-person");
    tasks.complete(fill.getId(), request);
    runDue(engine, instance.getId());

    assertThat(instance).hasPassed("task-individuals", "task-required-documents").isWaitingAt("task-scans");
    Map<String, Object> found = runtime.getVariables(instance.getId());
    assertThat(found).containsEntry("applicantName", "Серікбаев Ерлан Маратұлы").containsEntry("byRepresentative", false);
    assertThat(((SpinJsonNode) found.get("formData")).prop("archivalCertificateKind").stringValue())
        .isEqualTo("work-experience");
    assertThat(found.get("requiredDocuments").toString()).contains("\"workRecordBook\"", "Еңбек кітапшасы",
        "scanIdentityDocument");

    // the kind (work experience) requires the work record book: its scan missing, the step refuses and names it
    Task scans = ArchivalTestSupport.task(engine, instance, "task-scans");
    assertThatThrownBy(() -> tasks.complete(scans.getId(), Map.of("scanIdentityDocument", pdf("id.pdf"))))
        .hasRootCauseInstanceOf(FormFieldValidationException.class)
        .hasMessageContaining("Еңбек кітапшасы / Трудовая книжка (scanWorkRecordBook)")
        .hasMessageContaining("Не приложены обязательные");
    assertThatThrownBy(() -> tasks.complete(scans.getId(), Map.of("scanIdentityDocument", pdf("id.pdf"),
        "scanWorkRecordBook", Variables.fileValue("book.pdf").file("MZ not a scan".getBytes(StandardCharsets.UTF_8))
            .create()))).hasRootCauseInstanceOf(FormFieldValidationException.class).hasMessageContaining("not a PDF");
    assertThat(instance).isWaitingAt("task-scans");
    tasks.complete(scans.getId(), Map.of("scanIdentityDocument", pdf("id.pdf"), "scanWorkRecordBook", pdf("book.pdf")));
    runDue(engine, instance.getId());

    Task sign = ArchivalTestSupport.task(engine, instance, "task-sign");
    assertThatThrownBy(() -> tasks.complete(sign.getId(), Map.of()))
        .hasRootCauseInstanceOf(FormFieldValidationException.class).hasMessageContaining("requestSignature");
    byte[] document = requestDocument(instance);
    assertThat(new String(document, StandardCharsets.UTF_8)).contains("\"applicantId\":\"" + IIN + "\"",
        "\"scanWorkRecordBook\"", "\"archivalCertificateKind\":\"work-experience\"");
    tasks.complete(sign.getId(), Map.of("requestSignature", Variables.fileValue("request.cms")
        .file(signer(EMPLOYEE).signAttached(document)).create()));
    runDue(engine, instance.getId());

    Map<String, Object> registered = runtime.getVariables(instance.getId());
    assertThat(registered).containsEntry("signatureValid", true).containsEntry("documentsComplete", true);
    String number = (String) registered.get("applicationNumber");
    assertThat(number).startsWith("KZ-MANGYSTAU-");
    Date deadline = (Date) registered.get("deadlineAt");

    // P6 at the archives: the same application, the same number, due at the 15-working-day deadline
    ProcessInstance archives = child(engine, instance, "archival-certificate-archives");
    assertThat(archives.getBusinessKey()).isEqualTo(instance.getBusinessKey());
    assertThat(runtime.getVariable(archives.getId(), "applicationNumber")).isEqualTo(number);
    Task process = ArchivalTestSupport.task(engine, instance, "task-process");
    assertThat(process.getDueDate()).isEqualTo(deadline);
    assertThatThrownBy(() -> tasks.complete(process.getId(), Map.of("decision", "issue")))
        .hasRootCauseInstanceOf(FormFieldValidationException.class).hasMessageContaining("confirmedInformation");
    tasks.complete(process.getId(), Map.of("decision", "issue", "confirmedInformation",
        "Серікбаев Е.М. 2003–2011 жылдары «Маңғыстаумұнайгаз» АҚ-да бұрғылаушы болып жұмыс істеген",
        "referenceFund", "112", "referenceInventory", "3", "referenceFile", "45", "referenceSheets", "12–14"));
    runDue(engine, instance.getId());

    Map<String, Object> formed = runtime.getVariables(instance.getId());
    assertThat(formed).containsEntry("outcome", "issued").containsEntry("resultDocumentKind", "archival-certificate")
        .containsEntry("resultDocumentNumber", number + "-AC");
    ResponseEntity<JsonNode> status = http.withBasicAuth("mangystau.head", "demo")
        .getForEntity("/api/v1/applications/" + instance.getBusinessKey(), JsonNode.class);
    assertThat(status.getBody().get("applicationNumber").asText()).isEqualTo(number);
    assertThat(status.getBody().get("status").asText()).isEqualTo("issued");
    JsonNode record = http.withBasicAuth("mangystau.head", "demo").getForEntity("/api/v1/applications/"
        + instance.getBusinessKey() + "/result.json", JsonNode.class).getBody();
    assertThat(record.at("/archivalCertificate/kind").asText()).isEqualTo("work-experience");
    assertThat(record.at("/archivalCertificate/references/0").asText()).contains("112", "45");

    // P8 in person: not collected by the collection deadline, the result is kept and the clerk sees it
    ProcessInstance handOver = child(engine, instance, "shared-hand-over-result");
    Task give = ArchivalTestSupport.task(engine, instance, "task-hand-over");
    assertThat(tasks.getIdentityLinksForTask(give.getId())).anyMatch(l -> "mangystau-employee".equals(l.getGroupId()));
    Date collectBy = (Date) runtime.getVariable(handOver.getId(), "collectBy");
    ClockUtil.setCurrentTime(Date.from(collectBy.toInstant().plus(1, ChronoUnit.MINUTES)));
    runDue(engine, instance.getId());
    JsonNode kept = http.withBasicAuth("mangystau.clerk", "demo")
        .getForEntity("/api/v1/documents/safekeeping?provider=mangystau", JsonNode.class).getBody();
    JsonNode item = null;
    for (JsonNode candidate : kept.get("items")) {
      if (candidate.get("applicationId").asText().equals(instance.getBusinessKey())) {
        item = candidate;
      }
    }
    assertThat(item).as("the uncollected archival certificate on the clerk's safekeeping list").isNotNull();
    assertThat(item.get("applicationNumber").asText()).isEqualTo(number);
    assertThat(item.get("documentNumber").asText()).isEqualTo(number + "-AC");

    tasks.complete(give.getId(), Map.of("recipientName", "Серікбаев Ерлан", "identityChecked", true));
    assertThat(instance).isEnded().hasPassed("end-certificate");
    Map<String, Object> ended = ended(instance);
    assertThat(ended).containsEntry("outcome", "issued").containsEntry("safekeeping", true)
        .containsEntry("recipientName", "Серікбаев Ерлан").containsEntry("applicationNumber", number);
  }

  @Test
  void aUserWhoIsNoEmployeeOfTheDepartmentIsRefusedAtP2() {
    ProcessInstance instance = startAs("admin", List.of("camunda-admin"));
    assertThat(instance).isEnded().hasPassed("end-not-authorised").hasNotPassed("task-fill");
    Map<String, Object> ended = ended(instance);
    assertThat(ended).containsEntry("refusalStep", "P2").containsEntry("outcome", "refused");
    assertThat((String) ended.get("refusalReasonRu")).startsWith("В авторизации отказано");
  }

  @Test
  void anApplicantTheRegistryDoesNotKnowEndsAtT24() {
    ProcessInstance instance = startAs(EMPLOYEE, List.of("mangystau", "mangystau-employee"));
    Map<String, Object> request = request("salary");
    request.put("applicantId", "850315300207"); // a valid IIN nobody registered
    tasks.complete(ArchivalTestSupport.task(engine, instance, "task-fill").getId(), request);
    runDue(engine, instance.getId());

    assertThat(instance).isEnded().hasPassed("end-no-data").hasNotPassed("task-scans");
    Map<String, Object> ended = ended(instance);
    assertThat(ended).containsEntry("refusalStep", "T2.4");
    assertThat((String) ended.get("refusalReason"))
        .isEqualTo("The data cannot be obtained: IIN 850315300207 is not in the individuals registry");
  }

  @Test
  void aRequestSignedWithAnotherStaffMembersKeyIsRefusedAtP5() throws Exception {
    ProcessInstance instance = fillAndScan("education", Map.of("scanIdentityDocument", pdf("id.pdf"),
        "scanEducationDocument", Variables.fileValue("diploma.png").file(ArchivalTestSupport.PNG).create()));
    Task sign = ArchivalTestSupport.task(engine, instance, "task-sign");
    tasks.complete(sign.getId(), Map.of("requestSignature", Variables.fileValue("request.cms")
        .file(signer("mangystau.head").signAttached(requestDocument(instance))).create()));
    runDue(engine, instance.getId());

    assertThat(instance).isEnded().hasPassed("end-signature-refused").hasNotPassed("task-register");
    Map<String, Object> ended = ended(instance);
    assertThat(ended).containsEntry("refusalStep", "P5").containsEntry("signatureValid", false);
    assertThat((String) ended.get("signatureReasons")).contains("IIN_MISMATCH");
    assertThat(ended.get("applicationNumber")).as("refused before registration").isNull();
  }

  @Test
  void aSignatureOverAnotherDocumentIsRefusedAtP5() throws Exception {
    ProcessInstance instance = fillAndScan("education", Map.of("scanIdentityDocument", pdf("id.pdf"),
        "scanEducationDocument", pdf("diploma.pdf")));
    Task sign = ArchivalTestSupport.task(engine, instance, "task-sign");
    byte[] other = "{\"applicantId\":\"850315300128\"}".getBytes(StandardCharsets.UTF_8);
    tasks.complete(sign.getId(), Map.of("requestSignature", Variables.fileValue("request.cms")
        .file(signer(EMPLOYEE).signAttached(other)).create()));
    runDue(engine, instance.getId());
    assertThat(instance).isEnded().hasPassed("end-signature-refused");
    assertThat((String) ended(instance).get("signatureReasons")).contains("MALFORMED");
  }

  @Test
  void theArchivesRefuseWithAReasonAndTheRefusalIsHandedOverAtP7() throws Exception {
    ProcessInstance instance = fillAndScan("awards", Map.of("scanIdentityDocument", pdf("id.pdf")));
    tasks.complete(ArchivalTestSupport.task(engine, instance, "task-sign").getId(), Map.of("requestSignature",
        Variables.fileValue("request.cms").file(signer(EMPLOYEE).signAttached(requestDocument(instance))).create()));
    runDue(engine, instance.getId());

    Task process = ArchivalTestSupport.task(engine, instance, "task-process");
    assertThatThrownBy(() -> tasks.complete(process.getId(), Map.of("decision", "refuse")))
        .hasRootCauseInstanceOf(FormFieldValidationException.class).hasMessageContaining("a refusal needs its reason");
    tasks.complete(process.getId(), Map.of("decision", "refuse",
        "decisionReason", "Марапаттау туралы құжаттар мұрағатқа сақтауға түспеген"));
    runDue(engine, instance.getId());
    assertThat(runtime.getVariable(instance.getId(), "outcome")).as("refused as soon as formed").isEqualTo("refused");
    tasks.complete(ArchivalTestSupport.task(engine, instance, "task-hand-over").getId(),
        Map.of("recipientName", "Серікбаев Ерлан", "identityChecked", true));

    assertThat(instance).isEnded().hasPassed("end-refused");
    Map<String, Object> ended = ended(instance);
    assertThat(ended).containsEntry("refusalStep", "P7").containsEntry("resultDocumentKind", "refusal");
    assertThat((String) ended.get("refusalReasonKk")).isEqualTo(
        "Қызмет көрсетуден бас тартылды (дәлелді бас тарту): Марапаттау туралы құжаттар мұрағатқа сақтауға түспеген");
  }

  @Test
  void anApiRequestWithoutTheRequiredScansGetsAMotivatedRefusalAtT27() throws Exception {
    // the department's system sent the request, said it attached scans, but none is stored with it
    Map<String, Object> start = new HashMap<>();
    start.put("applicantId", IIN);
    start.put("formData", SpinValues.jsonValue("{\"archivalCertificateKind\": \"land-allocation\","
        + " \"requestedInformation\": \"Жер учаскесін бөлу туралы 1998 жылғы шешім\", \"delivery\": \"in-person\"}")
        .create());
    start.put("attachmentCount", 1);
    start.put("cms", signer(EMPLOYEE).signAttached("{\"request\":1}".getBytes(StandardCharsets.UTF_8)));
    identity.setAuthentication(EMPLOYEE, List.of("mangystau", "mangystau-employee"));
    ProcessInstance instance;
    try {
      instance = runtime.startProcessInstanceByKey(KEY, start);
    } finally {
      identity.clearAuthentication();
    }
    runDue(engine, instance.getId());
    assertThat(instance).hasNotPassed("task-fill", "task-scans", "task-sign").hasPassed("task-documents-refusal");
    tasks.complete(ArchivalTestSupport.task(engine, instance, "task-hand-over").getId(),
        Map.of("recipientName", "Серікбаев Ерлан", "identityChecked", true));

    assertThat(instance).isEnded().hasPassed("end-documents-refused").hasNotPassed("call-archives");
    Map<String, Object> ended = ended(instance);
    assertThat(ended).containsEntry("refusalStep", "T2.7").containsEntry("resultDocumentKind", "refusal")
        .containsEntry("missingDocuments", "identityDocument,landDocument");
    assertThat((String) ended.get("refusalReasonRu")).isEqualTo("Отказ в оказании услуги: нарушения в данных"
        + " заявителя: не приложены документы, которые требует вид архивной справки: Документ, удостоверяющий"
        + " личность, Правоустанавливающий документ на земельный участок (госакт, решение)");
  }

  // --- helpers

  private ProcessInstance fillAndScan(String kind, Map<String, Object> scans) {
    ProcessInstance instance = startAs(EMPLOYEE, List.of("mangystau", "mangystau-employee"));
    tasks.complete(ArchivalTestSupport.task(engine, instance, "task-fill").getId(), request(kind));
    runDue(engine, instance.getId());
    tasks.complete(ArchivalTestSupport.task(engine, instance, "task-scans").getId(), scans);
    runDue(engine, instance.getId());
    return instance;
  }

  private byte[] requestDocument(ProcessInstance instance) {
    JsonValue document = runtime.getVariableTyped(instance.getId(), SignedRequests.DOCUMENT, false);
    return document.getValueSerialized().getBytes(StandardCharsets.UTF_8);
  }

  private DemoSigner signer(String user) throws Exception {
    return DemoSigner.fromPkcs12(demoPki.staffKeyStore(user), "demo");
  }

  private ProcessInstance startAs(String user, List<String> groups) {
    identity.setAuthentication(user, groups);
    try {
      return runtime.startProcessInstanceByKey(KEY);
    } finally {
      identity.clearAuthentication();
    }
  }

  static Map<String, Object> request(String kind) {
    Map<String, Object> data = new HashMap<>();
    data.put("originalsChecked", true);
    data.put("applicantId", IIN);
    data.put("applicantName", "Серікбаев Ерлан");
    data.put("archivalCertificateKind", kind);
    data.put("requestedInformation", "2003–2011 жылдардағы еңбек өтілі туралы / о трудовом стаже за 2003–2011 годы");
    data.put("organisation", "«Маңғыстаумұнайгаз» АҚ");
    data.put("periodFrom", 2003L);
    data.put("periodTo", 2011L);
    data.put("delivery", "in-person");
    return data;
  }

  private Map<String, Object> ended(ProcessInstance instance) {
    Map<String, Object> values = new HashMap<>();
    history.createHistoricVariableInstanceQuery().processInstanceId(instance.getId()).list()
        .forEach(v -> values.put(v.getName(), v.getValue()));
    return values;
  }
}
