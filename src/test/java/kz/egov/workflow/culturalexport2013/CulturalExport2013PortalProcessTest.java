package kz.egov.workflow.culturalexport2013;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import kz.egov.workflow.calendar.WorkingDayExpressions;
import kz.egov.workflow.documents.DocumentKind;
import kz.egov.workflow.documents.DocumentStore;
import kz.egov.workflow.documents.ResultDocument;
import kz.egov.workflow.documents.StoredDocument;
import kz.egov.workflow.process.Jobs;
import kz.egov.workflow.scrapmetal.DemoSigner;
import kz.egov.workflow.signature.DemoPki;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.spin.plugin.variable.SpinValues;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * R1 diagram №1 (processes/cultural-export-2013/portal.bpmn), every branch: P2, P5, P8 and P9 for an individual
 * (IIN) and a legal entity (BIN), the delivery to the personal cabinet, the reminder to the head and the breach.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"demo", "test"})
class CulturalExport2013PortalProcessTest {

  static final String KEY = "cultural-export-2013-portal";
  static final String COMPANY_BIN = DemoPki.COMPANY_BIN;
  static final String COMPANY_HEAD_IIN = DemoPki.COMPANY_HEAD_IIN;

  @Autowired ProcessEngine engine;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired ManagementService management;
  @Autowired HistoryService history;
  @Autowired WorkingDayExpressions workingDays;
  @Autowired DocumentStore documents;
  @Autowired DemoPki demoPki;

  @BeforeEach
  void init() {
    BpmnAwareTests.init(engine);
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void anIndividualGetsTheSignedCertificateInTheCabinet() throws Exception {
    String iin = DemoPki.applicantIin();
    ProcessInstance instance = submit(start(iin, iin, "Демо Заявитель Демович", individual()));

    Task decision = decisionTask(instance);
    assertThat(decision.getName()).isEqualTo("Check the grounds for the certificate");
    assertThat(R1Fixtures.candidateGroups(tasks, decision)).containsExactly("akmola-executor");
    Date registeredAt = (Date) runtime.getVariable(instance.getId(), "applicationRegisteredAt");
    assertThat(decision.getDueDate()).isEqualTo(workingDays.deadline(registeredAt, 10))
        .isEqualTo(runtime.getVariable(instance.getId(), "deadlineAt"));
    assertThat((String) runtime.getVariable(instance.getId(), "applicationNumber")).matches("KZ-AKMOLA-\\d{4}-\\d{6}");
    assertThat(instance).hasPassedInOrder("task-authorise", "task-fill", "task-certificate", "task-sign",
        "task-register");

    decide(decision, "issue", null);

    assertThat(instance).isEnded().hasPassedInOrder("task-sign-certificate", "call-deliver-certificate",
        "end-certificate");
    Map<String, Object> ended = variables(instance);
    assertThat(ended).containsEntry("outcome", "issued").containsEntry("resultDocumentKind", "certificate")
        .containsEntry("signatureValid", true).containsEntry("signerIin", iin)
        .containsEntry("resultDocumentNumber", ended.get("applicationNumber") + "-CERT");
    StoredDocument certificate = documents.byApplication(instance.getBusinessKey(), DocumentKind.CERTIFICATE)
        .orElseThrow();
    ResultDocument.Certificate particulars = certificate.record().certificate();
    assertThat(particulars.values()).extracting(ResultDocument.CulturalValue::quantity).containsExactly(1, 2);
    assertThat(particulars.destinationCountry()).isEqualTo("Түркия / Турция");
    assertThat(particulars.exportUntil()).hasToString("2026-06-30");
    assertThat(certificate.record().applicant().id()).isEqualTo(iin);
    assertThat(certificate.record().applicant().name()).isEqualTo("Демо Заявитель Демович");
    assertThat(new String(certificate.pdf(), 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
    assertThat(certificate.signature()).isNotEmpty();
    assertThat(delivery(instance).getEndActivityId()).isEqualTo("end-in-cabinet");
  }

  @Test
  void aLegalEntitySignsWithItsBinAndTheCertificateIsIssuedInTheNameItsEdsCertifies() throws Exception {
    // the request names no applicant's name: the company's EDS certificate says who the holder is
    ProcessInstance instance = submit(start(COMPANY_BIN, COMPANY_HEAD_IIN, null, company()));
    decide(decisionTask(instance), "issue", null);

    assertThat(instance).isEnded().hasPassed("end-certificate");
    Map<String, Object> ended = variables(instance);
    assertThat(ended).containsEntry("signerBin", COMPANY_BIN).containsEntry("outcome", "issued");
    assertThat(ended.get("applicantName")).isEqualTo(ended.get("signerOrganisation")).isNotNull();
    ResultDocument record = documents.byApplication(instance.getBusinessKey(), DocumentKind.CERTIFICATE)
        .orElseThrow().record();
    assertThat(record.applicant().id()).isEqualTo(COMPANY_BIN);
    assertThat(record.applicant().name()).isEqualTo(ended.get("signerOrganisation"));
  }

  @Test
  void anUnknownPortalAccountIsRefusedAtP2() throws Exception {
    ProcessInstance instance = start(DemoPki.applicantIin(), "950615300010", "Демо Заявитель Демович", individual());
    Jobs.runDue(management, instance.getId());

    assertThat(instance).isEnded().hasPassed("end-not-authorised").hasNotPassed("task-certificate");
    Map<String, Object> ended = variables(instance);
    assertThat(ended).containsEntry("outcome", "refused").containsEntry("refusalStep", "P2");
    assertThat((String) ended.get("refusalReason"))
        .isEqualTo("Authorisation refused: no portal account is registered for 950615300010");
    assertThat((String) ended.get("refusalReasonKk")).startsWith("Авторизациядан бас тартылды");
    assertThat(ended).doesNotContainKey("applicationNumber");
  }

  @Test
  void aRequestSignedWithAnotherPersonsEdsIsRefusedAtP5() throws Exception {
    // Ахметова Д. С. signs in with her own account, but the request is signed with the demo applicant's key
    ProcessInstance instance = start("900710400568", "900710400568", "Ахметова Дана Сериковна", individual());
    Jobs.runDue(management, instance.getId());

    assertThat(instance).isEnded().hasPassed("end-signature-refused").hasNotPassed("task-register");
    Map<String, Object> ended = variables(instance);
    assertThat(ended).containsEntry("refusalStep", "P5").containsEntry("signatureValid", false);
    assertThat((String) ended.get("signatureReasons")).contains("IIN_MISMATCH");
    assertThat((String) ended.get("refusalReason")).startsWith("Service refused: the EDS is not confirmed: ")
        .contains("900710400568");
    assertThat((String) ended.get("refusalReasonRu")).startsWith("Отказ в оказании услуги: ЭЦП не подтверждена");
    assertThat(ended).doesNotContainKey("applicationNumber");
  }

  @Test
  void aCompanysRequestSignedByAnIndividualIsRefusedAtP5() throws Exception {
    // the individual's certificate carries no BIN: the request's BIN is not confirmed
    ProcessInstance instance = start(COMPANY_BIN, COMPANY_HEAD_IIN, "ТОО \"Батыс Металл Трейд\"", individual());
    Jobs.runDue(management, instance.getId());

    assertThat(instance).isEnded().hasPassed("end-signature-refused");
    assertThat((String) variables(instance).get("signatureReasons")).contains("BIN_MISMATCH");
  }

  @Test
  void theProvidersRefusalIsASignedMotivatedRefusalAtP8() throws Exception {
    String iin = DemoPki.applicantIin();
    ProcessInstance instance = submit(start(iin, iin, "Демо Заявитель Демович", individual()));

    decide(decisionTask(instance), "refuse", "Не представлены фотографии культурных ценностей");

    assertThat(instance).isEnded().hasPassedInOrder("task-sign-refusal", "call-deliver-refusal", "end-refused")
        .hasNotPassed("task-sign-certificate");
    Map<String, Object> ended = variables(instance);
    assertThat(ended).containsEntry("outcome", "refused").containsEntry("refusalStep", "P8")
        .containsEntry("resultDocumentKind", "refusal")
        .containsEntry("resultDocumentNumber", ended.get("applicationNumber") + "-REF");
    assertThat((String) ended.get("refusalReason"))
        .isEqualTo("Service refused (motivated refusal): Не представлены фотографии культурных ценностей");
    assertThat((String) ended.get("refusalReasonKk"))
        .isEqualTo("Қызмет көрсетуден бас тартылды (дәлелді бас тарту): Не представлены фотографии культурных ценностей");
    StoredDocument refusal = documents.byApplication(instance.getBusinessKey(), DocumentKind.REFUSAL).orElseThrow();
    assertThat(refusal.record().refusal().reason()).isEqualTo("Не представлены фотографии культурных ценностей");
    assertThat(documents.byApplication(instance.getBusinessKey(), DocumentKind.CERTIFICATE)).isEmpty();
    assertThat(delivery(instance).getEndActivityId()).isEqualTo("end-in-cabinet");
  }

  @Test
  void twoWorkingDaysBeforeTheDeadlineTheHeadIsRemindedAndAtTheDeadlineTheBreachIsRecorded() throws Exception {
    String iin = DemoPki.applicantIin();
    ProcessInstance instance = submit(start(iin, iin, "Демо Заявитель Демович", individual()));
    Task decision = decisionTask(instance);
    Date deadline = (Date) runtime.getVariable(instance.getId(), "deadlineAt");
    Date reminder = workingDays.before(deadline, 2);

    ClockUtil.setCurrentTime(new Date(reminder.getTime() - 60_000));
    assertThat(dueTimers(instance)).isEmpty();
    ClockUtil.setCurrentTime(new Date(reminder.getTime() + 60_000));
    assertThat(dueTimers(instance)).hasSize(1);
    dueTimers(instance).forEach(j -> management.executeJob(j.getId()));

    Task reminded = tasks.createTaskQuery().taskId(decision.getId()).singleResult();
    assertThat(reminded.getPriority()).isEqualTo(90);
    assertThat(R1Fixtures.candidateGroups(tasks, reminded)).containsExactlyInAnyOrder("akmola-executor", "akmola-head");
    assertThat(instance).hasPassed("end-reminded").isWaitingAt("task-decide");
    assertThat(runtime.getVariable(instance.getId(), "overdue")).isNull();

    ClockUtil.setCurrentTime(new Date(deadline.getTime() + 60_000));
    dueTimers(instance).forEach(j -> management.executeJob(j.getId()));
    assertThat(instance).hasPassed("end-overdue").isWaitingAt("task-decide");
    assertThat(runtime.getVariable(instance.getId(), "overdue")).isEqualTo(true);

    // late, but decided by the head: the certificate still comes, and the breach stays on record
    ClockUtil.reset();
    decide(decisionTask(instance), "issue", null);
    assertThat(instance).isEnded().hasPassed("end-certificate");
    assertThat(variables(instance)).containsEntry("overdue", true);
  }

  // --- helpers

  private DemoSigner individual() throws Exception {
    DemoPki.Material material = demoPki.ensure();
    return DemoSigner.fromPkcs12(material.applicantKeyStore(), material.password());
  }

  private DemoSigner company() throws Exception {
    DemoPki.Material material = demoPki.ensure();
    return DemoSigner.fromPkcs12(material.companyKeyStore(), material.password());
  }

  private ProcessInstance submit(ProcessInstance instance) {
    Jobs.runDue(management, instance.getId());
    assertThat(instance).isWaitingAt("task-decide");
    return instance;
  }

  /** Starts as the portal does: the request the applicant filled and signed. */
  private ProcessInstance start(String applicantId, String login, String name, DemoSigner signer) throws Exception {
    String id = UUID.randomUUID().toString();
    Map<String, Object> variables = new HashMap<>();
    variables.put("applicationId", id);
    variables.put("channel", "portal");
    variables.put("applicantId", applicantId);
    if (name != null) {
      variables.put("applicantName", name);
    }
    variables.put("portalLogin", login);
    variables.put("submittedBy", "portal");
    variables.put("formData", SpinValues.jsonValue(R1Fixtures.FORM).create());
    String document = "{\"service\":\"cultural-export-2013\",\"applicantId\":\"" + applicantId + "\",\"formData\":"
        + R1Fixtures.FORM + ",\"attachments\":[]}";
    variables.put("cms", signer.signAttached(document.getBytes(StandardCharsets.UTF_8)));
    ProcessInstance instance = runtime.startProcessInstanceByKey(KEY, variables);
    assertThat(instance.getBusinessKey()).isEqualTo(id);
    assertThat(instance).as("the portal's request is accepted before any outside system is asked")
        .isWaitingAt("task-authorise");
    return instance;
  }

  private Task decisionTask(ProcessInstance instance) {
    return tasks.createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey("task-decide").singleResult();
  }

  private void decide(Task task, String decision, String reason) {
    Map<String, Object> outcome = new HashMap<>();
    outcome.put("decision", decision);
    if (reason != null) {
      outcome.put("decisionReason", reason);
    }
    tasks.complete(task.getId(), outcome);
    Jobs.runDue(management, task.getProcessInstanceId());
  }

  /** The shared delivery diagram the instance called (same business key). */
  private HistoricProcessInstance delivery(ProcessInstance instance) {
    List<HistoricProcessInstance> called = history.createHistoricProcessInstanceQuery()
        .superProcessInstanceId(instance.getId()).list();
    assertThat(called).hasSize(1);
    assertThat(called.get(0).getProcessDefinitionKey()).isEqualTo("shared-deliver-result");
    assertThat(called.get(0).getBusinessKey()).isEqualTo(instance.getBusinessKey());
    return called.get(0);
  }

  private List<Job> dueTimers(ProcessInstance instance) {
    return management.createJobQuery().processInstanceId(instance.getId()).timers().executable().list();
  }

  private Map<String, Object> variables(ProcessInstance instance) {
    return R1Fixtures.variables(history, instance);
  }
}
