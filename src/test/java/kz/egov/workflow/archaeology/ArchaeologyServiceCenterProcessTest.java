package kz.egov.workflow.archaeology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import kz.egov.workflow.access.StaffMembers;
import kz.egov.workflow.licensing.Licence;
import kz.egov.workflow.licensing.LicensingRegister;
import kz.egov.workflow.process.Jobs;
import org.springframework.boot.test.web.client.TestRestTemplate;
import kz.egov.workflow.scrapmetal.DemoSigner;
import kz.egov.workflow.signature.DemoPki;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.spin.plugin.variable.SpinValues;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * R5 diagram №3 (processes/archaeology-license/service-center.bpmn), every branch: the operator enters the request
 * (P2), the registries (P3/C1, P4), scans and the operator's own EDS (P5: another person's signature comes back to
 * the operator), registration (P7), the committee's decision (C2: P8 or the licence), the hand-over by an operator
 * (P9); a start by someone who is not an operator; the service centers' system that sends it all at once. The
 * operator's tasks are the accepting operator's only (item 17).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"demo", "test"})
class ArchaeologyServiceCenterProcessTest {

  static final String KEY = "archaeology-license-service-center";
  static final byte[] PDF = "%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
  static final List<String> OPERATOR = List.of("service-center-operator");

  @Autowired ProcessEngine engine;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired ManagementService management;
  @Autowired HistoryService history;
  @Autowired IdentityService identity;
  @Autowired LicensingRegister register;
  @Autowired TestRestTemplate http;
  @Autowired DemoPki demoPki;
  @Autowired StaffMembers staffMembers;

  @BeforeEach
  void init() {
    BpmnAwareTests.init(engine);
  }

  @Test
  void theOperatorCertifiesWithTheOperatorsOwnEdsAndHandsOverTheLicence() throws Exception {
    String iin = person();
    ProcessInstance instance = startAs("operator", OPERATOR);
    assertThat(runtime.getVariables(instance.getId())).containsEntry("operator", "operator")
        .containsEntry("employeeAuthentic", true).containsEntry("channel", "service-center");

    Task enter = task(instance, "task-enter-data");
    assertThat(enter.getAssignee()).isEqualTo("operator");
    assertThat(candidateGroups(enter)).as("not every operator's: item 17").isEmpty();
    complete(enter, ArchaeologyProviderProcessTest.individual(iin, "issuance", null));
    Jobs.runDue(management, instance.getId());
    assertThat(instance).hasPassed("task-registries", "task-notary").isWaitingAt("task-documents");

    Task documents = task(instance, "task-documents");
    assertThat(documents.getAssignee()).isEqualTo("operator");
    assertThatThrownBy(() -> tasks.complete(documents.getId(), Map.of("scanApplication",
        Variables.fileValue("application.pdf").file(PDF).create()))).hasMessageContaining("operatorSignature");
    certify(documents, signer("operator"));
    Jobs.runDue(management, instance.getId());

    Map<String, Object> signed = runtime.getVariables(instance.getId());
    assertThat(signed).containsEntry("signatureValid", true).containsEntry("signerIin", staffMembers.iin("operator"))
        .doesNotContainKey("operatorSignature");
    assertThat(instance).hasPassedInOrder("task-operator-eds", "task-send", "task-register").isWaitingAt("task-decide");
    complete(task(instance, "task-decide"), Map.of("decision", "issue"));
    Jobs.runDue(management, instance.getId());

    // P9: any operator of the center hands the licence over (the hand-over diagram holds no documents)
    assertThat(instance).isWaitingAt("call-hand-over");
    ProcessInstance handOver = runtime.createProcessInstanceQuery().superProcessInstanceId(instance.getId())
        .singleResult();
    Task give = tasks.createTaskQuery().processInstanceId(handOver.getId()).singleResult();
    assertThat(candidateGroups(give)).containsExactly("service-center-operator");
    assertThat(runtime.getVariables(handOver.getId())).doesNotContainKeys("formData", "cms", "scanApplication");
    tasks.complete(give.getId(), Map.of("recipientName", "Сейітова Әлия Қанатқызы", "identityChecked", true));
    Jobs.runDue(management, instance.getId());

    assertThat(instance).isEnded().hasPassed("end-licence");
    Map<String, Object> ended = R5Fixtures.variables(history, instance.getId());
    assertThat(ended).containsEntry("outcome", "issued").containsEntry("recipientName", "Сейітова Әлия Қанатқызы");
    Licence licence = register.licence((String) ended.get("licenceNumber")).orElseThrow();
    assertThat(licence.holderId()).isEqualTo(iin);
  }

  @Test
  void aSignatureThatIsNotTheOperatorsComesBackToTheOperator() throws Exception {
    ProcessInstance instance = startAs("operator", OPERATOR);
    complete(task(instance, "task-enter-data"), ArchaeologyProviderProcessTest.individual(person(), "issuance", null));
    Jobs.runDue(management, instance.getId());

    // the applicant's key, not the operator's
    certify(task(instance, "task-documents"), DemoSigner.fromPkcs12(demoPki.ensure().applicantKeyStore(), "demo"));
    Jobs.runDue(management, instance.getId());
    assertThat(instance).isWaitingAt("task-documents").hasNotPassed("task-register");
    assertThat(runtime.getVariable(instance.getId(), "signatureValid")).isEqualTo(false);
    assertThat((String) runtime.getVariable(instance.getId(), "signatureReasons")).contains("IIN_MISMATCH");

    certify(task(instance, "task-documents"), signer("operator"));
    Jobs.runDue(management, instance.getId());
    assertThat(instance).isWaitingAt("task-decide");
    runtime.deleteProcessInstance(instance.getId(), "test done");
  }

  @Test
  void someoneWhoIsNotAnOperatorIsRefusedAtOnce() {
    ProcessInstance instance = startAs("admin", List.of("camunda-admin"));

    assertThat(instance).isEnded().hasPassed("end-not-operator").hasNotPassed("task-enter-data");
    Map<String, Object> ended = R5Fixtures.variables(history, instance.getId());
    assertThat(ended).containsEntry("outcome", "refused").containsEntry("employeeAuthentic", false);
    assertThat((String) ended.get("refusalReason")).contains("admin is not a member of service-center-operator");
  }

  @Test
  void anApplicantTheRegistriesDoNotKnowEndsAtP4() {
    String unknown = R5Fixtures.newIin();
    ProcessInstance instance = startAs("operator", OPERATOR);
    complete(task(instance, "task-enter-data"), ArchaeologyProviderProcessTest.individual(unknown, "issuance", null));
    Jobs.runDue(management, instance.getId());

    assertThat(instance).isEnded().hasPassed("end-no-data").hasNotPassed("task-documents");
    Map<String, Object> ended = R5Fixtures.variables(history, instance.getId());
    assertThat(ended).containsEntry("refusalStep", "P4");
    assertThat((String) ended.get("refusalReason")).contains("IIN " + unknown + " is not in the individuals registry");
  }

  @Test
  void theServiceCentersSystemSendsItAllAndTheCommitteeRefusesAtP8() throws Exception {
    String iin = person();
    String form = "{\"surname\":\"Сейітова\",\"givenName\":\"Әлия\",\"address\":\"Астана қ.\","
        + "\"subtypes\":[\"scientific-restoration\"],\"specialists\":\"Сейітова Ә.Қ., реставратор, 2 жыл\","
        + "\"operator\":\"operator\"}";
    Map<String, Object> variables = new HashMap<>();
    variables.put("requestKind", "issuance");
    variables.put("applicantId", iin);
    variables.put("submittedBy", "service-center");
    variables.put("formData", SpinValues.jsonValue(form).create());
    variables.put("cms", signer("operator").signAttached(R5Fixtures.signedDocument("issuance", iin, form)
        .getBytes(StandardCharsets.UTF_8)));
    ProcessInstance instance = runtime.startProcessInstanceByKey(KEY, variables);
    Jobs.runDue(management, instance.getId());

    assertThat(instance).hasNotPassed("task-enter-data", "task-documents").hasPassed("task-operator-eds")
        .isWaitingAt("task-decide");
    assertThat(runtime.getVariable(instance.getId(), "operator")).isEqualTo("operator");
    complete(task(instance, "task-decide"), Map.of("decision", "refuse",
        "decisionReason", "Реставратордың жұмыс өтілі үш жылдан кем"));
    Jobs.runDue(management, instance.getId());

    assertThat(instance).isEnded().hasPassed("task-sign-refusal", "end-refused").hasNotPassed("call-hand-over");
    Map<String, Object> ended = R5Fixtures.variables(history, instance.getId());
    assertThat(ended).containsEntry("refusalStep", "P8").containsEntry("resultDocumentKind", "refusal");
  }

  @Test
  void anOperatorCannotNameAnotherOperator() throws Exception {
    String iin = person();
    Map<String, Object> variables = new HashMap<>();
    variables.put("requestKind", "issuance");
    variables.put("applicantId", iin);
    variables.put("submittedBy", "operator");
    variables.put("formData", SpinValues.jsonValue("{\"surname\":\"Сейітова\",\"givenName\":\"Әлия\",\"address\":\"Астана\","
        + "\"subtypes\":[\"archaeological\"],\"specialists\":\"x\",\"operator\":\"someone.else\"}").create());
    ProcessInstance instance = runtime.startProcessInstanceByKey(KEY, variables);
    Jobs.runDue(management, instance.getId());
    assertThat(runtime.getVariable(instance.getId(), "operator")).isEqualTo("operator");
    assertThat(task(instance, "task-documents").getAssignee()).isEqualTo("operator");
    runtime.deleteProcessInstance(instance.getId(), "test done");
  }

  // --- helpers

  private DemoSigner signer(String userId) throws Exception {
    return DemoSigner.fromPkcs12(demoPki.staffKeyStore(userId), DemoPki.PASSWORD);
  }

  private void certify(Task task, DemoSigner signer) throws Exception {
    byte[] cms = signer.signAttached("{\"service\":\"archaeology-license\"}".getBytes(StandardCharsets.UTF_8));
    tasks.complete(task.getId(), Map.of("paperApplication", true,
        "scanApplication", Variables.fileValue("application.pdf").file(PDF).mimeType("application/pdf").create(),
        "operatorSignature", Variables.fileValue("request.cms").file(cms).create()));
  }

  private String person() {
    String iin = R5Fixtures.newIin();
    R5Fixtures.createPerson(http, iin, "Сейітова", "Әлия", "Қанатқызы");
    return iin;
  }

  private ProcessInstance startAs(String user, List<String> groups) {
    identity.setAuthentication(user, groups);
    try {
      return runtime.startProcessInstanceByKey(KEY);
    } finally {
      identity.clearAuthentication();
    }
  }

  private Task task(ProcessInstance instance, String key) {
    return tasks.createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey(key).singleResult();
  }

  private List<String> candidateGroups(Task task) {
    return tasks.getIdentityLinksForTask(task.getId()).stream().filter(l -> "candidate".equals(l.getType()))
        .map(IdentityLink::getGroupId).toList();
  }

  private void complete(Task task, Map<String, Object> variables) {
    tasks.complete(task.getId(), variables);
  }
}
