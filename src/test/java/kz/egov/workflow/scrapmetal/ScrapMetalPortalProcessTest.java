package kz.egov.workflow.scrapmetal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import kz.egov.workflow.calendar.WorkingDayExpressions;
import java.time.LocalDate;
import kz.egov.workflow.licensing.Licence;
import kz.egov.workflow.licensing.LicenceIssue;
import kz.egov.workflow.licensing.LicenceStatus;
import kz.egov.workflow.licensing.LicensingRegister;
import kz.egov.workflow.payment.Payment;
import kz.egov.workflow.payment.PaymentNotifications;
import kz.egov.workflow.process.Jobs;
import kz.egov.workflow.signature.DemoPki;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * R2 diagram №1 (processes/scrap-metal-license/portal.bpmn), every branch: P2, P5, P7, P10 and P11 for each kind
 * of request, the payment that arrives late or in parts, the deadline reminder and the breach.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"demo", "test"})
class ScrapMetalPortalProcessTest {

  static final String KEY = "scrap-metal-license-portal";
  static final String COMPANY_BIN = "040540000123";
  static final String HEAD_IIN = "781122301233";
  static final BigDecimal ISSUANCE_FEE = new BigDecimal("43250.00");

  @Autowired ProcessEngine engine;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired ManagementService management;
  @Autowired HistoryService history;
  @Autowired PaymentNotifications payments;
  @Autowired LicensingRegister register;
  @Autowired WorkingDayExpressions workingDays;
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
  void issuanceReachesTheSignedLicence() throws Exception {
    String id = UUID.randomUUID().toString();
    pay(id, ISSUANCE_FEE);
    ProcessInstance instance = submit(id, "issuance", null, companySigner());

    Task decision = decisionTask(instance);
    assertThat(decision.getName()).isEqualTo("Check the qualification requirements");
    assertThat(candidateGroups(decision)).containsExactly("wko-employee");
    Date registeredAt = (Date) runtime.getVariable(instance.getId(), "applicationRegisteredAt");
    assertThat(decision.getDueDate()).isEqualTo(workingDays.deadline(registeredAt, 15))
        .isEqualTo(runtime.getVariable(instance.getId(), "deadlineAt"));
    assertThat((String) runtime.getVariable(instance.getId(), "applicationNumber")).matches("KZ-WKO-\\d{4}-\\d{6}");
    assertThat(instance).hasPassedInOrder("task-authorise", "task-fill", "task-payment", "task-certificate",
        "task-sign", "task-register");

    decide(decision, "issue", null);

    assertThat(instance).isEnded().hasPassed("end-licence");
    Map<String, Object> ended = variables(instance);
    assertThat(ended).containsEntry("outcome", "issued").containsEntry("resultDocumentKind", "licence")
        .containsEntry("signatureValid", true).containsEntry("signerBin", COMPANY_BIN);
    Licence licence = register.licence((String) ended.get("licenceNumber")).orElseThrow();
    assertThat(licence.holderId()).isEqualTo(COMPANY_BIN);
    assertThat(licence.status()).isEqualTo(LicenceStatus.ACTIVE);
    assertThat(licence.applicationNumber()).isEqualTo(ended.get("applicationNumber"));
    assertThat(ended.get("resultDocumentNumber")).isNotNull();
  }

  @Test
  void aRequestThatNamesTheApplicantOnlyInTheFormGetsItsLicenceInThatName() throws Exception {
    String id = UUID.randomUUID().toString();
    pay(id, ISSUANCE_FEE);
    Map<String, Object> variables = startVariables(id, "issuance", null, companySigner(), HEAD_IIN);
    variables.remove("applicantName");
    variables.put("formData", org.camunda.spin.plugin.variable.SpinValues.jsonValue(
        "{\"companyName\":\"ТОО \\\"Батыс Металл Трейд\\\"\",\"siteAddress\":\"Уральск, Промзона, 3\"}").create());
    ProcessInstance instance = runtime.startProcessInstanceByKey(KEY, variables);
    Jobs.runDue(management, instance.getId());
    decide(decisionTask(instance), "issue", null);

    assertThat(instance).isEnded().hasPassed("end-licence");
    Licence licence = register.licence((String) variables(instance).get("licenceNumber")).orElseThrow();
    assertThat(licence.holderName()).isEqualTo("ТОО \"Батыс Металл Трейд\"");
  }

  @Test
  void anUnknownPortalAccountIsRefusedAtP2() throws Exception {
    String id = UUID.randomUUID().toString();
    ProcessInstance instance = start(id, "issuance", null, companySigner(), "950615300010");
    Jobs.runDue(management, instance.getId());

    assertThat(instance).isEnded().hasPassed("end-not-authorised").hasNotPassed("task-payment");
    Map<String, Object> ended = variables(instance);
    assertThat(ended).containsEntry("outcome", "refused").containsEntry("refusalStep", "P2");
    assertThat((String) ended.get("refusalReason"))
        .isEqualTo("Authorisation refused: no portal account is registered for 950615300010");
    assertThat((String) ended.get("refusalReasonRu")).startsWith("В авторизации отказано: учетная запись 950615300010");
    assertThat((String) ended.get("refusalReasonKk")).startsWith("Авторизациядан бас тартылды");
  }

  @Test
  void withoutPaymentTheApplicationWaitsThenIsRefusedAtP5() throws Exception {
    String id = UUID.randomUUID().toString();
    ProcessInstance instance = start(id, "issuance", null, companySigner(), HEAD_IIN);
    Jobs.runDue(management, instance.getId());

    assertThat(instance).isWaitingAt("gateway-await-payment");
    Job window = management.createJobQuery().processInstanceId(instance.getId()).timers().singleResult();
    management.executeJob(window.getId());

    assertThat(instance).isEnded().hasPassed("end-not-paid").hasNotPassed("task-certificate");
    Map<String, Object> ended = variables(instance);
    assertThat(ended).containsEntry("refusalStep", "P5").containsEntry("paymentComplete", false);
    assertThat((String) ended.get("refusalReason")).isEqualTo("Service refused: no payment: No payment for application "
        + id + "; due 10 MCI × 4325 KZT (MCI 2026) = 43250.00 KZT for issuance of scrap-metal-license");
    assertThat((String) ended.get("refusalReasonRu")).startsWith("Отказ в оказании услуги: услуга не оплачена");
  }

  @Test
  void aPaymentInPartsIsCheckedAtEachNotification() throws Exception {
    String id = UUID.randomUUID().toString();
    ProcessInstance instance = start(id, "issuance", null, companySigner(), HEAD_IIN);
    Jobs.runDue(management, instance.getId());
    assertThat(instance).isWaitingAt("gateway-await-payment");

    pay(id, new BigDecimal("20000.00"));
    Jobs.runDue(management, instance.getId());
    assertThat(instance).isWaitingAt("gateway-await-payment");
    assertThat((String) runtime.getVariable(instance.getId(), "paymentReason")).contains("23250.00 KZT missing");

    pay(id, new BigDecimal("23250.00"));
    Jobs.runDue(management, instance.getId());
    assertThat(instance).isWaitingAt("task-decide");
    assertThat(runtime.getVariable(instance.getId(), "paymentComplete")).isEqualTo(true);
    runtime.deleteProcessInstance(instance.getId(), "test done");
  }

  @Test
  void aSignatureWithoutTheApplicantsBinIsRefusedAtP7() throws Exception {
    String id = UUID.randomUUID().toString();
    pay(id, ISSUANCE_FEE);
    // the demo individual's certificate: an IIN, no BIN
    ProcessInstance instance = start(id, "issuance", null,
        DemoSigner.fromPkcs12(demoPki.ensure().applicantKeyStore(), demoPki.ensure().password()), HEAD_IIN);
    Jobs.runDue(management, instance.getId());

    assertThat(instance).isEnded().hasPassed("end-signature-refused").hasNotPassed("task-register");
    Map<String, Object> ended = variables(instance);
    assertThat(ended).containsEntry("refusalStep", "P7").containsEntry("signatureValid", false);
    assertThat((String) ended.get("signatureReasons")).contains("BIN_MISMATCH");
    assertThat((String) ended.get("refusalReason")).startsWith("Service refused: the EDS is not confirmed: ");
    assertThat((String) ended.get("refusalReasonRu")).startsWith("Отказ в оказании услуги: ЭЦП не подтверждена: ");
    assertThat(ended).doesNotContainKey("applicationNumber");
  }

  @Test
  void theProvidersRefusalIsASignedMotivatedRefusalAtP10() throws Exception {
    String id = UUID.randomUUID().toString();
    pay(id, ISSUANCE_FEE);
    ProcessInstance instance = submit(id, "issuance", null, companySigner());

    decide(decisionTask(instance), "refuse", "Производственная база не соответствует квалификационным требованиям");

    assertThat(instance).isEnded().hasPassed("task-sign-refusal", "end-refused").hasNotPassed("task-issue-licence");
    Map<String, Object> ended = variables(instance);
    assertThat(ended).containsEntry("outcome", "refused").containsEntry("refusalStep", "P10")
        .containsEntry("resultDocumentKind", "refusal");
    assertThat((String) ended.get("refusalReason")).isEqualTo("Service refused (motivated refusal): "
        + "Производственная база не соответствует квалификационным требованиям");
    assertThat(ended.get("resultDocumentNumber")).isNotNull();
  }

  @Test
  void reIssuanceEntersANewVersionAndTheOldOneIsReIssued() throws Exception {
    Licence inForce = licenceInForce();
    String id = UUID.randomUUID().toString();
    pay(id, new BigDecimal("4325.00")); // 10 % of 10 MCI = 1 MCI
    ProcessInstance instance = submit(id, "re-issuance", inForce.number(), companySigner());

    decide(decisionTask(instance), "issue", null);

    assertThat(instance).isEnded().hasPassed("end-licence");
    String number = (String) variables(instance).get("licenceNumber");
    assertThat(number).isNotEqualTo(inForce.number());
    Licence reissued = register.licence(number).orElseThrow();
    assertThat(reissued.previousNumber()).isEqualTo(inForce.number());
    assertThat(reissued.version()).isEqualTo(inForce.version() + 1);
    assertThat(register.licence(inForce.number()).orElseThrow().status()).isEqualTo(LicenceStatus.REISSUED);
  }

  @Test
  void aDuplicateCopiesTheLicenceInForce() throws Exception {
    Licence inForce = licenceInForce();
    String id = UUID.randomUUID().toString();
    pay(id, ISSUANCE_FEE);
    ProcessInstance instance = submit(id, "duplicate", inForce.number(), companySigner());

    decide(decisionTask(instance), "issue", null);

    assertThat(instance).isEnded().hasPassed("end-licence");
    assertThat(variables(instance)).containsEntry("licenceNumber", inForce.number());
    assertThat(register.licence(inForce.number()).orElseThrow().status()).isEqualTo(LicenceStatus.ACTIVE);
  }

  @Test
  void aDuplicateOfAnotherCompanysLicenceIsAMotivatedRefusal() throws Exception {
    Licence others = activeLicenceOf("110840001237");
    String id = UUID.randomUUID().toString();
    pay(id, ISSUANCE_FEE);
    ProcessInstance instance = submit(id, "duplicate", others.number(), companySigner());

    decide(decisionTask(instance), "issue", null);

    assertThat(instance).isEnded().hasPassed("error-licence", "end-refused");
    Map<String, Object> ended = variables(instance);
    assertThat(ended).containsEntry("refusalStep", "P10");
    assertThat((String) ended.get("refusalReason")).contains("was issued to 110840001237, not to " + COMPANY_BIN);
  }

  @Test
  void twoWorkingDaysBeforeTheDeadlineTheHeadIsRemindedAndAtTheDeadlineTheBreachIsRecorded() throws Exception {
    String id = UUID.randomUUID().toString();
    pay(id, ISSUANCE_FEE);
    ProcessInstance instance = submit(id, "issuance", null, companySigner());
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
    assertThat(candidateGroups(reminded)).containsExactlyInAnyOrder("wko-employee", "wko-head");
    assertThat(instance).hasPassed("end-reminded").isWaitingAt("task-decide");
    assertThat(runtime.getVariable(instance.getId(), "overdue")).isNull();

    ClockUtil.setCurrentTime(new Date(deadline.getTime() + 60_000));
    dueTimers(instance).forEach(j -> management.executeJob(j.getId()));
    assertThat(instance).hasPassed("end-overdue").isWaitingAt("task-decide");
    assertThat(runtime.getVariable(instance.getId(), "overdue")).isEqualTo(true);

    // late, but decided: the result still comes, and the breach stays on record
    ClockUtil.reset();
    decide(decisionTask(instance), "issue", null);
    assertThat(instance).isEnded().hasPassed("end-licence");
    assertThat(variables(instance)).containsEntry("overdue", true);
  }

  // --- helpers

  private DemoSigner companySigner() throws Exception {
    DemoPki.Material material = demoPki.ensure();
    return DemoSigner.fromPkcs12(material.directory().resolve("company.p12"), material.password());
  }

  /** Submits as the portal does, runs the checks, and expects the provider's decision task. */
  private ProcessInstance submit(String id, String kind, String licenceNumber, DemoSigner signer) throws Exception {
    ProcessInstance instance = start(id, kind, licenceNumber, signer, HEAD_IIN);
    Jobs.runDue(management, instance.getId());
    assertThat(instance).isWaitingAt("task-decide");
    return instance;
  }

  private ProcessInstance start(String id, String kind, String licenceNumber, DemoSigner signer, String login)
      throws Exception {
    ProcessInstance instance = runtime.startProcessInstanceByKey(KEY, startVariables(id, kind, licenceNumber, signer,
        login));
    assertThat(instance.getBusinessKey()).isEqualTo(id);
    assertThat(instance).as("the portal's request is accepted before any outside system is asked")
        .isWaitingAt("task-authorise");
    return instance;
  }

  private Map<String, Object> startVariables(String id, String kind, String licenceNumber, DemoSigner signer,
      String login) throws Exception {
    Map<String, Object> variables = new HashMap<>();
    variables.put("applicationId", id);
    variables.put("channel", "portal");
    variables.put("requestKind", kind);
    variables.put("applicantId", COMPANY_BIN);
    variables.put("applicantName", "ТОО \"Батыс Металл Трейд\"");
    variables.put("portalLogin", login);
    variables.put("submittedBy", "portal");
    if (licenceNumber != null) {
      variables.put("licenceNumber", licenceNumber);
    }
    String document = "{\"service\":\"scrap-metal-license\",\"requestKind\":\"" + kind + "\",\"applicantId\":\""
        + COMPANY_BIN + "\",\"formData\":{\"companyName\":\"ТОО \\\"Батыс Металл Трейд\\\"\","
        + "\"siteAddress\":\"Уральск, Промзона, 3\",\"metals\":[\"ferrous\"],\"subtypes\":[\"collection\",\"storage\"]},"
        + "\"attachments\":[]}";
    variables.put("cms", signer.signAttached(document.getBytes(StandardCharsets.UTF_8)));
    return variables;
  }

  private void pay(String applicationId, BigDecimal amount) {
    payments.receive(new Payment("PAY-" + UUID.randomUUID(), COMPANY_BIN, amount, "scrap-metal-license",
        applicationId, OffsetDateTime.now(ZoneOffset.ofHours(5)).minusMinutes(1), null));
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

  private List<String> candidateGroups(Task task) {
    return tasks.getIdentityLinksForTask(task.getId()).stream().filter(l -> "candidate".equals(l.getType()))
        .map(IdentityLink::getGroupId).toList();
  }

  private List<Job> dueTimers(ProcessInstance instance) {
    return management.createJobQuery().processInstanceId(instance.getId()).timers().executable().list();
  }

  /** A licence of the company's own for this test (the demo licences stay as other tests expect them). */
  private Licence licenceInForce() {
    return register.issue(new LicenceIssue(COMPANY_BIN, "ТОО \"Батыс Металл Трейд\"", "Сбор (заготовка), хранение,"
        + " переработка и реализация лома и отходов цветных и черных металлов", "wko",
        LocalDate.now(ZoneOffset.ofHours(5)).minusMonths(6), null, null));
  }

  private Licence activeLicenceOf(String holder) {
    return register.licencesOf(holder).stream().filter(l -> l.status() == LicenceStatus.ACTIVE).findFirst()
        .orElseThrow();
  }

  private Map<String, Object> variables(ProcessInstance instance) {
    return ProcessVariables.of(history, instance);
  }
}
