package kz.egov.workflow.culturalexport2017;

import static kz.egov.workflow.culturalexport2017.R3Steps.CLERK;
import static kz.egov.workflow.culturalexport2017.R3Steps.COMMISSION;
import static kz.egov.workflow.culturalexport2017.R3Steps.HEAD;
import static kz.egov.workflow.culturalexport2017.R3Steps.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import kz.egov.workflow.access.StaffMembers;
import kz.egov.workflow.calendar.WorkingDayExpressions;
import kz.egov.workflow.documents.DocumentKind;
import kz.egov.workflow.documents.DocumentVerification;
import kz.egov.workflow.documents.ResultDocuments;
import kz.egov.workflow.documents.StoredDocument;
import kz.egov.workflow.process.Jobs;
import kz.egov.workflow.signature.DemoPki;
import kz.egov.workflow.signature.SignatureVerdict;
import kz.egov.workflow.signature.SignatureVerifier;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * R3's provider procedure (processes/cultural-export-2017/provider.bpmn, items 5 and 8), every branch: the
 * certificate with a paper copy, the motivated refusal of step 3 and after a negative conclusion, the application
 * not accepted; the items handed back exactly as received; the head's own EDS over the exact draft.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"demo", "test"})
class CulturalExportProviderProcessTest {

  static final String KEY = "cultural-export-2017-provider";
  static final String APPLICANT = "900101300126";

  @Autowired ProcessEngine engine;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired ManagementService management;
  @Autowired HistoryService history;
  @Autowired DemoPki pki;
  @Autowired ResultDocuments documents;
  @Autowired SignatureVerifier verifier;
  @Autowired StaffMembers staff;
  @Autowired WorkingDayExpressions workingDays;

  R3Steps steps;

  @BeforeEach
  void init() {
    BpmnAwareTests.init(engine);
    steps = new R3Steps(engine, pki);
  }

  @Test
  void theClerkStartsItTheHeadSignsTheCertificateAndThePaperCopyIsStamped() throws Exception {
    ProcessInstance instance = startAsClerk();
    assertThat(runtime.getVariables(instance.getId())).containsEntry("channel", "provider")
        .containsEntry("service", "cultural-export-2017").containsEntry("provider", "akmola")
        .containsEntry("submittedBy", "akmola.clerk");
    Task receive = steps.task(instance.getId(), "task-receive");
    assertThat(receive.getDueDate()).as("10 minutes of working time").isCloseTo(
        workingDays.plusWorkingTime(receive.getCreateTime(), "PT10M"), 2000);

    steps.completeAs("akmola.clerk", CLERK, receive, R3Steps.received(APPLICANT, "Демо Заявитель Демович", true));
    Jobs.runDue(management, instance.getId());
    assertThat(instance).hasPassed("task-register").isWaitingAt("task-appoint");
    assertThat((String) runtime.getVariable(instance.getId(), "applicationNumber")).matches("KZ-AKMOLA-\\d{4}-\\d{6}");
    Task appoint = steps.task(instance.getId(), "task-appoint");
    assertThat(appoint.getDueDate()).isCloseTo(workingDays.plusWorkingTime(appoint.getCreateTime(), "PT1H"), 2000);
    assertThat(runtime.getVariableLocal(instance.getId(), "executorOptions")).isNull();
    assertThat(tasks.getVariableLocal(appoint.getId(), "executorOptions").toString()).contains("akmola.executor");

    steps.completeAs("akmola.head", HEAD, appoint, Map.of("executorId", "akmola.executor"));
    Task check = steps.task(instance.getId(), "task-check");
    assertThat(check.getAssignee()).as("the appointed executor").isEqualTo("akmola.executor");
    assertThat(check.getDueDate()).as("2 working days").isEqualTo(workingDays.deadline(check.getCreateTime(), 2));
    steps.completeAs("akmola.executor", R3Steps.EXECUTOR, check, Map.of("executorDecision", "commission"));
    Task commission = steps.task(instance.getId(), "task-commission");
    assertThat(commission.getDueDate()).as("5 working days")
        .isEqualTo(workingDays.deadline(commission.getCreateTime(), 5));
    assertThat(runtime.getVariable(instance.getId(), "itemsTracked").toString())
        .contains("\"sentToCommission\":2");

    steps.throughPrepare(instance.getId(), "positive", "Заттар уақытша әкетуге жарамды");
    assertThat(instance).isWaitingAt("task-sign");
    Task sign = steps.task(instance.getId(), "task-sign");
    assertThat(sign.getAssignee()).as("the head who appointed the executor signs").isEqualTo("akmola.head");
    byte[] draft = steps.draft(instance.getId());
    assertThat(new String(draft, 0, 5, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
    assertThat(documents.draft(instance.getBusinessKey(), DocumentKind.CERTIFICATE)).isPresent();

    steps.signAsHead(instance.getId());
    assertThat(instance).isWaitingAt("task-paper-copy");
    assertThatThrownBy(() -> steps.completeAs("akmola.clerk", CLERK, steps.task(instance.getId(), "task-paper-copy"),
        Map.of("paperCopyStamped", false))).hasRootCauseInstanceOf(FormFieldValidationException.class)
        .hasMessageContaining("certified with the provider's stamp");
    steps.completeAs("akmola.clerk", CLERK, steps.task(instance.getId(), "task-paper-copy"),
        Map.of("paperCopyStamped", true));
    steps.handOver(instance.getId());

    assertThat(instance).isEnded().hasPassed("task-paper-copy", "end-issued");
    Map<String, Object> ended = variables(instance);
    assertThat(ended).containsEntry("outcome", "issued").containsEntry("resultDocumentKind", "certificate")
        .containsEntry("paperCopyStampedBy", "akmola.clerk").containsEntry("resultSignedBy", "akmola.head")
        .containsEntry("resultSignerIin", staff.iin("akmola.head")).containsEntry("handedOverBy", "akmola.clerk");
    assertThat(ended.get("paperCopyStampedAt")).isNotNull();
    assertThat(ended.get("items").toString()).contains("\"handedOver\":2").contains("\"returned\":1");

    // the stored result is the exact draft, its .p7s the head's signature, which verifies as the head's
    StoredDocument result = documents.resultOf(instance.getBusinessKey()).orElseThrow();
    assertThat(result.number()).endsWith("-CERT");
    assertThat(result.pdf()).isEqualTo(draft);
    SignatureVerdict verdict = verifier.verify(result.signature(), result.pdf(), SignatureVerifier.Expected.none());
    assertThat(verdict.valid()).as(verdict.summary()).isTrue();
    assertThat(verdict.signer().certificate().iin()).isEqualTo(staff.iin("akmola.head"));
    assertThat(result.record().signer().iin()).isEqualTo(staff.iin("akmola.head"));
    assertThat(result.record().certificate().values()).hasSize(2);
    DocumentVerification check2 = documents.verify(result.number()).orElseThrow();
    assertThat(check2.signatureValid()).isTrue();
    assertThat(documents.draft(instance.getBusinessKey(), DocumentKind.CERTIFICATE)).isEmpty();
  }

  @Test
  void theExecutorRefusesAtStep3TheHeadSignsTheRefusalAndTheItemsGoBack() {
    ProcessInstance instance = startAsClerk();
    steps.throughCheck(instance.getId(), R3Steps.received(APPLICANT, "Демо Заявитель Демович", false), "refuse",
        "Не представлен паспорт культурной ценности");
    assertThat(instance).isWaitingAt("task-sign").hasNotPassed("task-commission");
    steps.signAsHead(instance.getId());
    assertThat(instance).isWaitingAt("task-hand-over");
    steps.handOver(instance.getId());

    assertThat(instance).isEnded().hasPassed("end-refused").hasNotPassed("task-paper-copy", "task-prepare");
    Map<String, Object> ended = variables(instance);
    assertThat(ended).containsEntry("outcome", "refused").containsEntry("refusalStep", "7")
        .containsEntry("resultDocumentKind", "refusal");
    assertThat((String) ended.get("refusalReasonRu"))
        .isEqualTo("Отказ в оказании услуги (мотивированный отказ): Не представлен паспорт культурной ценности");
    StoredDocument refusal = documents.resultOf(instance.getBusinessKey()).orElseThrow();
    assertThat(refusal.number()).endsWith("-REF");
    assertThat(refusal.record().refusal().reasonRu()).isEqualTo("Не представлен паспорт культурной ценности");
    assertThat(verifier.verify(refusal.signature(), refusal.pdf(), SignatureVerifier.Expected.none()).valid()).isTrue();
  }

  @Test
  void aNegativeConclusionOfTheCommissionIsARefusalPreparedAtStep5() {
    ProcessInstance instance = startAsClerk();
    steps.throughCheck(instance.getId(), R3Steps.received(APPLICANT, "Демо Заявитель Демович", false), "commission",
        null);
    Task commission = steps.task(instance.getId(), "task-commission");
    assertThatThrownBy(() -> steps.completeAs("akmola.commission", COMMISSION, commission,
        Map.of("commissionConclusion", "negative", "items", json("[{\"description\":\"Домбыра, XIX ғ., ағаш / Домбра,"
            + " XIX в., дерево\",\"quantity\":1,\"returned\":1},{\"description\":\"Кілем, жүн, 2×3 м / Ковёр, шерсть,"
            + " 2×3 м\",\"quantity\":2,\"returned\":1}]"))))
        .hasRootCauseInstanceOf(FormFieldValidationException.class)
        .hasMessageContaining("a negative conclusion states its grounds")
        .hasMessageContaining("2 sent to the commission, 1 returned");
    steps.throughPrepare(instance.getId(), "negative", "Предмет входит в перечень ценностей, не подлежащих вывозу");
    steps.signAsHead(instance.getId());
    steps.handOver(instance.getId());

    assertThat(instance).isEnded().hasPassed("task-prepare", "end-refused");
    assertThat((String) variables(instance).get("refusalReason")).isEqualTo("Service refused (motivated refusal):"
        + " Предмет входит в перечень ценностей, не подлежащих вывозу");
  }

  @Test
  void anIncompleteSetOfDocumentsIsNotAccepted() {
    ProcessInstance instance = startAsClerk();
    Task receive = steps.task(instance.getId(), "task-receive");
    assertThatThrownBy(() -> steps.completeAs("akmola.clerk", CLERK, receive, Map.of("documentsReceived", false)))
        .hasRootCauseInstanceOf(FormFieldValidationException.class).hasMessageContaining("notAcceptedReason");
    steps.completeAs("akmola.clerk", CLERK, receive, Map.of("documentsReceived", false,
        "notAcceptedReason", "Нет документа, подтверждающего право собственности"));

    assertThat(instance).isEnded().hasPassed("end-not-accepted").hasNotPassed("task-register");
    assertThat(variables(instance)).containsEntry("refusalStep", "1").containsEntry("outcome", "refused");
    assertThat((String) variables(instance).get("refusalReasonRu")).isEqualTo("В приеме заявления отказано:"
        + " документы представлены не полностью: Нет документа, подтверждающего право собственности");
  }

  @Test
  void everyDeclaredItemIsReceivedAndExactlyTheItemsReceivedAreHandedBack() {
    ProcessInstance instance = startAsClerk();
    Task receive = steps.task(instance.getId(), "task-receive");
    Map<String, Object> short1 = R3Steps.received(APPLICANT, "Демо Заявитель Демович", false);
    short1.put("items", json("[{\"description\":\"Кілем / Ковёр\",\"quantity\":2,\"received\":1}]"));
    assertThatThrownBy(() -> steps.completeAs("akmola.clerk", CLERK, receive, short1))
        .hasRootCauseInstanceOf(FormFieldValidationException.class)
        .hasMessageContaining("items[1] 'Кілем / Ковёр': declared 2, received 1");
    Map<String, Object> none = R3Steps.received(APPLICANT, "Демо Заявитель Демович", false);
    none.put("items", json("[]"));
    none.put("applicantId", "900101300127");
    assertThatThrownBy(() -> steps.completeAs("akmola.clerk", CLERK, receive, none))
        .hasRootCauseInstanceOf(FormFieldValidationException.class)
        .hasMessageContaining("applicantId").hasMessageContaining("items: at least one item");

    steps.throughCheck(instance.getId(), R3Steps.received(APPLICANT, "Демо Заявитель Демович", false), "refuse",
        "Не представлен паспорт культурной ценности");
    steps.signAsHead(instance.getId());
    Task handOver = steps.task(instance.getId(), "task-hand-over");
    // one carpet short, and a description changed to pass another item off as received
    assertThatThrownBy(() -> steps.completeAs("akmola.clerk", CLERK, handOver, Map.of("recipientName", "Серікбаев Ерлан",
        "identityChecked", true, "items", json("[{\"description\":\"Домбыра, XIX ғ., ағаш / Домбра, XIX в., дерево\","
            + "\"quantity\":1,\"received\":1,\"handedOver\":1},{\"description\":\"Кілем, жүн, 2×3 м / Ковёр, шерсть, 2×3"
            + " м\",\"quantity\":2,\"received\":1,\"handedOver\":1}]"))))
        .hasRootCauseInstanceOf(FormFieldValidationException.class)
        .hasMessageContaining("2 received from the applicant, 1 handed back");
    assertThatThrownBy(() -> steps.completeAs("akmola.clerk", CLERK, handOver, Map.of("recipientName", "Серікбаев Ерлан",
        "identityChecked", true, "items", json("[{\"description\":\"Басқа зат / Другой предмет\",\"quantity\":1,"
            + "\"handedOver\":1}]"))))
        .hasRootCauseInstanceOf(FormFieldValidationException.class)
        .hasMessageContaining("how many are handed back").hasMessageContaining("the list may not change");
    assertThat(instance).isWaitingAt("task-hand-over");
    steps.handOver(instance.getId());
    assertThat(instance).isEnded();
  }

  @Test
  void onlyTheHeadsOwnSignatureOverTheExactDraftIsAccepted() {
    ProcessInstance instance = startAsClerk();
    Task appoint;
    steps.completeAs("akmola.clerk", CLERK, steps.task(instance.getId(), "task-receive"),
        R3Steps.received(APPLICANT, "Демо Заявитель Демович", false));
    Jobs.runDue(management, instance.getId());
    appoint = steps.task(instance.getId(), "task-appoint");
    assertThatThrownBy(() -> steps.completeAs("akmola.head", HEAD, appoint, Map.of("executorId", "akmola.clerk")))
        .hasRootCauseInstanceOf(FormFieldValidationException.class)
        .hasMessageContaining("choose the responsible executor among the members of akmola-executor");
    steps.throughCheck(instance.getId(), null, "refuse", "Не представлен паспорт культурной ценности");
    Task sign = steps.task(instance.getId(), "task-sign");
    byte[] draft = steps.draft(instance.getId());

    Map<String, Object> byExecutor = Map.of("headSignature", Variables.byteArrayValue(
        steps.sign("akmola.executor", draft)));
    assertThatThrownBy(() -> steps.completeAs("akmola.head", HEAD, sign, byExecutor))
        .hasRootCauseInstanceOf(FormFieldValidationException.class).hasMessageContaining("IIN_MISMATCH");
    byte[] other = draft.clone();
    other[other.length / 2] ^= 1;
    Map<String, Object> otherBytes = Map.of("headSignature", Variables.byteArrayValue(steps.sign("akmola.head", other)));
    assertThatThrownBy(() -> steps.completeAs("akmola.head", HEAD, sign, otherBytes))
        .hasRootCauseInstanceOf(FormFieldValidationException.class).hasMessageContaining("is not accepted");
    assertThatThrownBy(() -> steps.completeAs("akmola.head", HEAD, sign, Map.of("headSignature", "")))
        .hasRootCauseInstanceOf(FormFieldValidationException.class).hasMessageContaining("is required");
    Map<String, Object> good = Map.of("headSignature", java.util.Base64.getEncoder().encodeToString(
        steps.sign("akmola.head", draft)));
    assertThatThrownBy(() -> steps.completeAs("admin", List.of("camunda-admin"), sign, good))
        .hasRootCauseInstanceOf(FormFieldValidationException.class).hasMessageContaining("Only akmola.head");
    assertThat(instance).isWaitingAt("task-sign");
    assertThat(documents.resultOf(instance.getBusinessKey())).isEmpty();

    // the .p7s as an EDS tool may save it: PEM text in the file
    String pem = "-----BEGIN CMS-----\n" + java.util.Base64.getMimeEncoder().encodeToString(
        steps.sign("akmola.head", draft)) + "\n-----END CMS-----\n";
    steps.completeAs("akmola.head", HEAD, sign, Map.of("headSignature", Variables.fileValue("draft.pdf.p7s")
        .file(pem.getBytes(java.nio.charset.StandardCharsets.US_ASCII)).create()));
    assertThat(instance).isWaitingAt("task-hand-over");
    assertThat(documents.resultOf(instance.getBusinessKey()).orElseThrow().pdf()).isEqualTo(draft);
  }

  // --- helpers

  private ProcessInstance startAsClerk() {
    engine.getIdentityService().setAuthentication("akmola.clerk", CLERK);
    try {
      return runtime.startProcessInstanceByKey(KEY);
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
  }

  private Map<String, Object> variables(ProcessInstance instance) {
    Map<String, Object> values = new HashMap<>();
    for (HistoricVariableInstance variable : history.createHistoricVariableInstanceQuery()
        .processInstanceId(instance.getId()).list()) {
      if (variable.getValue() != null && instance.getId().equals(variable.getActivityInstanceId())) {
        values.put(variable.getName(), variable.getValue());
      }
    }
    return values;
  }
}
