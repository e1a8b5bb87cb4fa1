package kz.egov.workflow.archaeology;

import static kz.egov.workflow.archaeology.R5Fixtures.individualForm;
import static kz.egov.workflow.archaeology.R5Fixtures.pdfText;
import static kz.egov.workflow.archaeology.R5Fixtures.signedDocument;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import kz.egov.workflow.calendar.WorkingDayExpressions;
import kz.egov.workflow.documents.ResultDocuments;
import kz.egov.workflow.documents.StoredDocument;
import kz.egov.workflow.licensing.Licence;
import kz.egov.workflow.licensing.LicenceIssue;
import kz.egov.workflow.licensing.LicenceStatus;
import kz.egov.workflow.licensing.LicensingRegister;
import kz.egov.workflow.payment.Payment;
import kz.egov.workflow.payment.PaymentNotifications;
import kz.egov.workflow.process.Jobs;
import kz.egov.workflow.scrapmetal.DemoSigner;
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
import org.camunda.spin.plugin.variable.SpinValues;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * R5 diagram №1 (processes/archaeology-license/portal.bpmn), every branch: an individual's and a legal entity's
 * licence (P11), P2, P5, P7, the provider's motivated refusal (P10), re-issuance in 10 working days (a new
 * version, the old one re-issued), re-issuance of a licence that is not the applicant's or not in the register
 * (motivated refusal), the reminder to the committee's head and the breach.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"demo", "test"})
class ArchaeologyPortalProcessTest {

  static final String KEY = "archaeology-license-portal";
  static final BigDecimal ISSUANCE_FEE = new BigDecimal("43250.00");
  static final BigDecimal REISSUANCE_FEE = new BigDecimal("4325.00");

  @Autowired ProcessEngine engine;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired ManagementService management;
  @Autowired HistoryService history;
  @Autowired PaymentNotifications payments;
  @Autowired LicensingRegister register;
  @Autowired WorkingDayExpressions workingDays;
  @Autowired ResultDocuments documents;
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
  void anIndividualGetsTheLicenceOfAppendix3In15WorkingDays() throws Exception {
    String id = UUID.randomUUID().toString();
    String iin = DemoPki.applicantIin();
    pay(id, iin, ISSUANCE_FEE);
    ProcessInstance instance = submit(id, "issuance", iin, iin, null, individual());

    Task decision = decisionTask(instance);
    assertThat(decision.getName()).isEqualTo("C4 Check the documents and requirements");
    assertThat(candidateGroups(decision)).containsExactly("committee-employee");
    Date registeredAt = (Date) runtime.getVariable(instance.getId(), "applicationRegisteredAt");
    assertThat(decision.getDueDate()).isEqualTo(workingDays.deadline(registeredAt, 15));
    assertThat((String) runtime.getVariable(instance.getId(), "applicationNumber")).matches("KZ-COMMITTEE-\\d{4}-\\d{6}");
    assertThat(instance).hasPassedInOrder("task-authorise", "task-fill", "task-payment", "task-certificate",
        "task-sign", "task-register");

    decide(decision, Map.of("decision", "issue", "specialConditions", "Тек Ақмола облысының аумағында / Только на территории Акмолинской области"));

    assertThat(instance).isEnded().hasPassed("end-licence");
    Map<String, Object> ended = R5Fixtures.variables(history, instance.getId());
    assertThat(ended).containsEntry("outcome", "issued").containsEntry("signerIin", iin)
        .containsEntry("resultDocumentKind", "licence");
    Licence licence = register.licence((String) ended.get("licenceNumber")).orElseThrow();
    assertThat(licence.holderId()).isEqualTo(iin);
    assertThat(licence.holderName()).isEqualTo("Нұрланова Гүлнар Ерланқызы");
    assertThat(licence.provider()).isEqualTo("committee");
    // the kind of activity is the configuration's, not the diagram's
    assertThat(licence.activity()).isEqualTo("Осуществление археологических и (или) научно-реставрационных работ на"
        + " памятниках истории и культуры");

    StoredDocument document = documents.resultOf(id).orElseThrow();
    assertThat(document.record().licence().specialConditions()).startsWith("Тек Ақмола облысының");
    String text = pdfText(document.pdf());
    assertThat(text).contains("МЕМЛЕКЕТТІК ЛИЦЕНЗИЯ", "ГОСУДАРСТВЕННАЯ ЛИЦЕНЗИЯ", licence.number(),
        "Нұрланова Гүлнар Ерланқызы", "ЖСН / ИИН " + iin,
        "Тарих және мәдениет ескерткіштерінде археологиялық және (немесе) ғылыми-реставрациялау жұмыстарын жүзеге асыру",
        "Осуществление археологических и (или) научно-реставрационных работ на памятниках истории и культуры",
        "Тарих және мәдениет ескерткіштерінде археологиялық жұмыстар / Археологические работы на памятниках",
        "Особые условия действия лицензии", "Только на территории Акмолинской области",
        "Лицензиар", "Мәдениет және ақпарат министрлігінің Мәдениет комитеті",
        "Комитет культуры Министерства культуры и информации", "Астана қ. / г. Астана",
        "Государственный орган, удостоверивший документ на бумажном носителе", "Место печати",
        "Дата удостоверения лицензии", "статье 10 Закона Республики Казахстан «О лицензировании» от 10 июля 2012",
        "(беру / выдача)");
  }

  @Test
  void aLegalEntitySignsWithItsBinAndIsRefusedWithAMotivatedRefusalAtP10() throws Exception {
    String id = UUID.randomUUID().toString();
    String bin = DemoPki.COMPANY_BIN;
    pay(id, bin, ISSUANCE_FEE);
    ProcessInstance instance = submit(id, "issuance", bin, DemoPki.COMPANY_HEAD_IIN, "ТОО \"Батыс Металл Трейд\"",
        company());
    assertThat(runtime.getVariable(instance.getId(), "signerBin")).isEqualTo(bin);

    decide(decisionTask(instance), Map.of("decision", "refuse",
        "decisionReason", "В штате нет специалиста-археолога со стажем не менее трёх лет"));

    assertThat(instance).isEnded().hasPassed("task-sign-refusal", "end-refused").hasNotPassed("task-issue-licence");
    Map<String, Object> ended = R5Fixtures.variables(history, instance.getId());
    assertThat(ended).containsEntry("refusalStep", "P10").containsEntry("resultDocumentKind", "refusal");
    assertThat((String) ended.get("refusalReason")).isEqualTo("Service refused (motivated refusal): В штате нет"
        + " специалиста-археолога со стажем не менее трёх лет");
    StoredDocument refusal = documents.resultOf(id).orElseThrow();
    assertThat(refusal.number()).isEqualTo(ended.get("applicationNumber") + "-REF");
    assertThat(pdfText(refusal.pdf())).contains("ДӘЛЕЛДІ БАС ТАРТУ", "МОТИВИРОВАННЫЙ ОТКАЗ",
        // the authority's name and details (appendix 3)
        "Комитет культуры Министерства культуры и информации", "г. Астана, ул. Орынбор, 8", "8 (7172) 74-05-68",
        "рассмотрев Ваше заявление № " + ended.get("applicationNumber"),
        "сообщает: В штате нет специалиста-археолога", "ТОО \"Батыс Металл Трейд\"");
  }

  @Test
  void anUnknownPortalAccountIsRefusedAtP2() throws Exception {
    ProcessInstance instance = start(UUID.randomUUID().toString(), "issuance", DemoPki.applicantIin(), "950615300010",
        null, individual());
    Jobs.runDue(management, instance.getId());

    assertThat(instance).isEnded().hasPassed("end-not-authorised").hasNotPassed("task-payment");
    Map<String, Object> ended = R5Fixtures.variables(history, instance.getId());
    assertThat(ended).containsEntry("outcome", "refused").containsEntry("refusalStep", "P2");
    assertThat((String) ended.get("refusalReasonKk")).startsWith("Авторизациядан бас тартылды");
  }

  @Test
  void withoutPaymentTheApplicationIsRefusedAtP5() throws Exception {
    String id = UUID.randomUUID().toString();
    String iin = DemoPki.applicantIin();
    ProcessInstance instance = start(id, "issuance", iin, iin, null, individual());
    Jobs.runDue(management, instance.getId());
    assertThat(instance).isWaitingAt("gateway-await-payment");
    management.executeJob(management.createJobQuery().processInstanceId(instance.getId()).timers().singleResult()
        .getId());

    assertThat(instance).isEnded().hasPassed("end-not-paid").hasNotPassed("task-certificate");
    Map<String, Object> ended = R5Fixtures.variables(history, instance.getId());
    assertThat(ended).containsEntry("refusalStep", "P5");
    // R5 gives no amount: the assumption of egov.payment.fees (10 MCI)
    assertThat((String) ended.get("refusalReason")).isEqualTo("Service refused: no payment: No payment for application "
        + id + "; due 10 MCI × 4325 KZT (MCI 2026) = 43250.00 KZT for issuance of archaeology-license");
  }

  @Test
  void anIndividualsRequestSignedWithAnotherPersonsCertificateIsRefusedAtP7() throws Exception {
    String id = UUID.randomUUID().toString();
    String iin = DemoPki.applicantIin();
    pay(id, iin, ISSUANCE_FEE);
    ProcessInstance instance = start(id, "issuance", iin, iin, null, company());
    Jobs.runDue(management, instance.getId());

    assertThat(instance).isEnded().hasPassed("end-signature-refused").hasNotPassed("task-register");
    Map<String, Object> ended = R5Fixtures.variables(history, instance.getId());
    assertThat(ended).containsEntry("refusalStep", "P7").containsEntry("signatureValid", false);
    assertThat((String) ended.get("signatureReasons")).contains("IIN_MISMATCH");
    assertThat((String) ended.get("refusalReasonRu")).startsWith("Отказ в оказании услуги: ЭЦП не подтверждена");
  }

  @Test
  void reIssuanceIn10WorkingDaysEntersANewVersionAndTheOldOneIsReIssued() throws Exception {
    String iin = DemoPki.applicantIin();
    Licence inForce = licenceOf(iin);
    String id = UUID.randomUUID().toString();
    pay(id, iin, REISSUANCE_FEE); // 10 % of 10 MCI, at most 4 MCI: 1 MCI
    ProcessInstance instance = submit(id, "re-issuance", iin, iin, null, individual("re-issuance", inForce.number()),
        inForce.number());
    Task decision = decisionTask(instance);
    Date registeredAt = (Date) runtime.getVariable(instance.getId(), "applicationRegisteredAt");
    assertThat(decision.getDueDate()).isEqualTo(workingDays.deadline(registeredAt, 10));

    decide(decision, Map.of("decision", "issue"));

    assertThat(instance).isEnded().hasPassed("end-licence");
    String number = (String) R5Fixtures.variables(history, instance.getId()).get("licenceNumber");
    Licence reissued = register.licence(number).orElseThrow();
    assertThat(number).isNotEqualTo(inForce.number());
    assertThat(reissued.previousNumber()).isEqualTo(inForce.number());
    assertThat(reissued.version()).isEqualTo(inForce.version() + 1);
    assertThat(register.licence(inForce.number()).orElseThrow().status()).isEqualTo(LicenceStatus.REISSUED);
    assertThat(pdfText(documents.resultOf(id).orElseThrow().pdf())).contains("(қайта ресімдеу / переоформление)");
  }

  @Test
  void reIssuanceOfALicenceThatIsNotTheApplicantsOrNotInTheRegisterIsAMotivatedRefusal() throws Exception {
    String iin = DemoPki.applicantIin();
    Licence someoneElses = licenceOf(R5Fixtures.newIin());
    for (String number : List.of(someoneElses.number(), "KZ-COMMITTEE-LIC-1999-999999")) {
      String id = UUID.randomUUID().toString();
      pay(id, iin, REISSUANCE_FEE);
      ProcessInstance instance = submit(id, "re-issuance", iin, iin, null, individual("re-issuance", number), number);
      decide(decisionTask(instance), Map.of("decision", "issue"));

      assertThat(instance).isEnded().hasPassed("error-licence", "task-sign-refusal", "end-refused");
      Map<String, Object> ended = R5Fixtures.variables(history, instance.getId());
      assertThat(ended).containsEntry("refusalStep", "P10").containsEntry("resultDocumentKind", "refusal");
      assertThat((String) ended.get("refusalReason")).contains(number)
          .containsAnyOf("not to " + iin, "is not in the e-licensing register");
    }
    assertThat(register.licence(someoneElses.number()).orElseThrow().status()).isEqualTo(LicenceStatus.ACTIVE);
  }

  @Test
  void theHeadIsRemindedTwoWorkingDaysBeforeTheDeadlineAndTheBreachIsRecorded() throws Exception {
    String id = UUID.randomUUID().toString();
    String iin = DemoPki.applicantIin();
    pay(id, iin, ISSUANCE_FEE);
    ProcessInstance instance = submit(id, "issuance", iin, iin, null, individual());
    Task decision = decisionTask(instance);
    Date deadline = (Date) runtime.getVariable(instance.getId(), "deadlineAt");

    ClockUtil.setCurrentTime(new Date(workingDays.before(deadline, 2).getTime() + 60_000));
    dueTimers(instance).forEach(j -> management.executeJob(j.getId()));
    Task reminded = tasks.createTaskQuery().taskId(decision.getId()).singleResult();
    assertThat(reminded.getPriority()).isEqualTo(90);
    assertThat(candidateGroups(reminded)).containsExactlyInAnyOrder("committee-employee", "committee-head");

    ClockUtil.setCurrentTime(new Date(deadline.getTime() + 60_000));
    dueTimers(instance).forEach(j -> management.executeJob(j.getId()));
    assertThat(instance).hasPassed("end-overdue").isWaitingAt("task-decide");
    assertThat(runtime.getVariable(instance.getId(), "overdue")).isEqualTo(true);
    ClockUtil.reset();
    runtime.deleteProcessInstance(instance.getId(), "test done");
  }

  // --- helpers

  private String individual() {
    return individualForm("issuance", null);
  }

  private String individual(String kind, String licenceNumber) {
    return individualForm(kind, licenceNumber);
  }

  private DemoSigner applicant() throws Exception {
    return DemoSigner.fromPkcs12(demoPki.ensure().applicantKeyStore(), demoPki.ensure().password());
  }

  private DemoSigner company() throws Exception {
    return DemoSigner.fromPkcs12(demoPki.ensure().directory().resolve("company.p12"), demoPki.ensure().password());
  }

  private ProcessInstance submit(String id, String kind, String applicantId, String login, String name,
      DemoSigner signer) throws Exception {
    ProcessInstance instance = start(id, kind, applicantId, login, name,
        "{\"companyName\":\"ТОО \\\"Батыс Металл Трейд\\\"\",\"address\":\"Уральск\",\"subtypes\":[\"archaeological\"],"
            + "\"specialists\":\"Ким С.В., археолог, 20 лет\"}", signer, null);
    Jobs.runDue(management, instance.getId());
    assertThat(instance).isWaitingAt("task-decide");
    return instance;
  }

  private ProcessInstance submit(String id, String kind, String applicantId, String login, String name, String form)
      throws Exception {
    return submit(id, kind, applicantId, login, name, form, null);
  }

  private ProcessInstance submit(String id, String kind, String applicantId, String login, String name, String form,
      String licenceNumber) throws Exception {
    ProcessInstance instance = start(id, kind, applicantId, login, name, form, applicant(), licenceNumber);
    Jobs.runDue(management, instance.getId());
    assertThat(instance).isWaitingAt("task-decide");
    return instance;
  }

  private ProcessInstance start(String id, String kind, String applicantId, String login, String name, String form)
      throws Exception {
    return start(id, kind, applicantId, login, name, form, applicant(), null);
  }

  private ProcessInstance start(String id, String kind, String applicantId, String login, String name,
      DemoSigner signer) throws Exception {
    return start(id, kind, applicantId, login, name, individual(), signer, null);
  }

  private ProcessInstance start(String id, String kind, String applicantId, String login, String name, String form,
      DemoSigner signer, String licenceNumber) throws Exception {
    Map<String, Object> variables = new HashMap<>();
    variables.put("applicationId", id);
    variables.put("requestKind", kind);
    variables.put("applicantId", applicantId);
    if (name != null) {
      variables.put("applicantName", name);
    }
    variables.put("portalLogin", login);
    variables.put("submittedBy", "portal");
    variables.put("formData", SpinValues.jsonValue(form).create());
    if (licenceNumber != null) {
      variables.put("licenceNumber", licenceNumber);
    }
    variables.put("cms", signer.signAttached(signedDocument(kind, applicantId, form).getBytes(StandardCharsets.UTF_8)));
    ProcessInstance instance = runtime.startProcessInstanceByKey(KEY, variables);
    assertThat(instance).isWaitingAt("task-authorise");
    return instance;
  }

  private void pay(String applicationId, String payer, BigDecimal amount) {
    payments.receive(new Payment("PAY-" + UUID.randomUUID(), payer, amount, R5Fixtures.SERVICE, applicationId,
        OffsetDateTime.now(ZoneOffset.ofHours(5)).minusMinutes(1), null));
  }

  private Task decisionTask(ProcessInstance instance) {
    return tasks.createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey("task-decide").singleResult();
  }

  private void decide(Task task, Map<String, Object> outcome) {
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

  /** A licence of this holder's own, entered for the test. */
  private Licence licenceOf(String holder) {
    return register.issue(new LicenceIssue(holder, "Нұрланова Гүлнар Ерланқызы", "Осуществление археологических и"
        + " (или) научно-реставрационных работ на памятниках истории и культуры", "committee",
        LocalDate.now(ZoneOffset.ofHours(5)).minusMonths(3), null, null));
  }
}
