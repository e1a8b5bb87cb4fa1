package kz.egov.workflow.archaeology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import kz.egov.workflow.calendar.WorkingDayExpressions;
import kz.egov.workflow.licensing.Licence;
import kz.egov.workflow.licensing.LicenceIssue;
import kz.egov.workflow.licensing.LicenceStatus;
import kz.egov.workflow.licensing.LicensingRegister;
import kz.egov.workflow.process.Jobs;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.spin.json.SpinJsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * R5 diagram №2 (processes/archaeology-license/provider.bpmn), every branch: a committee employee enters an
 * individual's and a legal entity's request in Tasklist, the registries find them, scans, registration, the
 * licence (P9) or the motivated refusal (P8); P2 for someone who is not the committee's employee; P5 for an
 * applicant the registries do not know; re-issuance in 10 working days.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"demo", "test"})
class ArchaeologyProviderProcessTest {

  static final String KEY = "archaeology-license-provider";
  static final byte[] PDF = "%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
  static final List<String> EMPLOYEE = List.of("committee", "committee-employee");

  @Autowired ProcessEngine engine;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired ManagementService management;
  @Autowired HistoryService history;
  @Autowired IdentityService identity;
  @Autowired LicensingRegister register;
  @Autowired TestRestTemplate http;
  @Autowired WorkingDayExpressions workingDays;

  @BeforeEach
  void init() {
    BpmnAwareTests.init(engine);
  }

  @Test
  void anEmployeeEntersAnIndividualsRequestAndTheLicenceIsIssued() {
    String iin = person();
    ProcessInstance instance = startAs("committee.employee", EMPLOYEE);
    assertThat(runtime.getVariables(instance.getId())).containsEntry("service", "archaeology-license")
        .containsEntry("provider", "committee").containsEntry("channel", "provider")
        .containsEntry("employeeAuthentic", true);

    Task enter = task(instance, "task-enter-data");
    assertThat(enter.getAssignee()).isEqualTo("committee.employee");
    complete(enter, individual(iin, "issuance", null));
    Jobs.runDue(management, instance.getId());

    assertThat(instance).hasPassed("task-registries").isWaitingAt("task-scans");
    Map<String, Object> found = runtime.getVariables(instance.getId());
    assertThat(found).containsEntry("applicantFound", true).containsEntry("applicantName", "Сейітова Әлия Қанатқызы");
    SpinJsonNode form = (SpinJsonNode) found.get("formData");
    assertThat(form.prop("subtypes").elements()).hasSize(1);
    assertThat(form.prop("specialists").stringValue()).contains("археолог");

    complete(task(instance, "task-scans"), Map.of("paperApplication", true,
        "scanApplication", Variables.fileValue("application.pdf").file(PDF).mimeType("application/pdf").create()));
    Jobs.runDue(management, instance.getId());
    Task decision = task(instance, "task-decide");
    assertThat(decision.getDueDate()).isEqualTo(workingDays.deadline(
        (Date) runtime.getVariable(instance.getId(), "applicationRegisteredAt"), 15));
    complete(decision, Map.of("decision", "issue"));
    Jobs.runDue(management, instance.getId());

    assertThat(instance).isEnded().hasPassed("end-licence");
    Map<String, Object> ended = R5Fixtures.variables(history, instance.getId());
    assertThat(ended).containsEntry("outcome", "issued").containsEntry("resultDocumentKind", "licence");
    Licence licence = register.licence((String) ended.get("licenceNumber")).orElseThrow();
    assertThat(licence.holderId()).isEqualTo(iin);
    assertThat(licence.holderName()).isEqualTo("Сейітова Әлия Қанатқызы");
  }

  @Test
  void aLegalEntitysReIssuanceIsDueIn10WorkingDaysAndTheOldLicenceIsReIssued() {
    String bin = company();
    Licence inForce = register.issue(new LicenceIssue(bin, "ТОО \"Қазба\"", "Осуществление археологических работ",
        "committee", LocalDate.now(ZoneOffset.ofHours(5)).minusYears(1), null, null));
    ProcessInstance instance = startAs("committee.employee", EMPLOYEE);
    Map<String, Object> data = new HashMap<>(Map.of("requestKind", "re-issuance", "applicantId", bin,
        "companyName", "ТОО \"Қазба\"", "address", "Астана қ., Сарыарқа ауданы, Бейбітшілік к-сі, 11",
        "subtypes", Variables.objectValue(List.of("archaeological")).serializationDataFormat("application/json").create(),
        "specialists", "Омаров Б.Т., археолог, 15 жыл", "licenceNumber", inForce.number(),
        "reissueReason", "name-change"));
    complete(task(instance, "task-enter-data"), data);
    Jobs.runDue(management, instance.getId());
    complete(task(instance, "task-scans"), Map.of("scanApplication",
        Variables.fileValue("application.pdf").file(PDF).create()));
    Jobs.runDue(management, instance.getId());
    Task decision = task(instance, "task-decide");
    assertThat(decision.getDueDate()).isEqualTo(workingDays.deadline(
        (Date) runtime.getVariable(instance.getId(), "applicationRegisteredAt"), 10));
    complete(decision, Map.of("decision", "issue"));
    Jobs.runDue(management, instance.getId());

    assertThat(instance).isEnded().hasPassed("end-licence");
    Licence reissued = register.licence((String) R5Fixtures.variables(history, instance.getId()).get("licenceNumber"))
        .orElseThrow();
    assertThat(reissued.previousNumber()).isEqualTo(inForce.number());
    assertThat(register.licence(inForce.number()).orElseThrow().status()).isEqualTo(LicenceStatus.REISSUED);
  }

  @Test
  void someoneWhoIsNotTheCommitteesEmployeeIsRefusedAtP2() {
    identity.setAuthentication("wko.employee", List.of("wko", "wko-employee"));
    try {
      assertThatThrownBy(() -> runtime.startProcessInstanceByKey(KEY)).isInstanceOf(AuthorizationException.class);
    } finally {
      identity.clearAuthentication();
    }
    ProcessInstance instance = startAs("admin", List.of("camunda-admin"));

    assertThat(instance).isEnded().hasPassed("end-not-authorised").hasNotPassed("task-enter-data");
    assertThat(R5Fixtures.variables(history, instance.getId())).containsEntry("refusalStep", "P2")
        .containsEntry("employeeAuthentic", false);
  }

  @Test
  void anApplicantTheRegistriesDoNotKnowEndsAtP5() {
    String unknown = R5Fixtures.newIin();
    ProcessInstance instance = startAs("committee.employee", EMPLOYEE);
    complete(task(instance, "task-enter-data"), individual(unknown, "issuance", null));
    Jobs.runDue(management, instance.getId());

    assertThat(instance).isEnded().hasPassed("end-no-data").hasNotPassed("task-scans");
    Map<String, Object> ended = R5Fixtures.variables(history, instance.getId());
    assertThat(ended).containsEntry("refusalStep", "P5");
    assertThat((String) ended.get("refusalReason")).isEqualTo("The data cannot be obtained: IIN " + unknown
        + " is not in the individuals registry");
  }

  @Test
  void theCommitteesRefusalIsASignedMotivatedRefusalAtP8() {
    String iin = person();
    ProcessInstance instance = startAs("committee.employee", EMPLOYEE);
    complete(task(instance, "task-enter-data"), individual(iin, "issuance", null));
    Jobs.runDue(management, instance.getId());
    complete(task(instance, "task-scans"), Map.of("scanApplication",
        Variables.fileValue("application.pdf").file(PDF).create()));
    Jobs.runDue(management, instance.getId());
    Task decision = task(instance, "task-decide");
    assertThatThrownBy(() -> tasks.complete(decision.getId(), Map.of("decision", "refuse")))
        .hasMessageContaining("a refusal needs its reason");
    complete(decision, Map.of("decision", "refuse", "decisionReason", "Материалдық-техникалық база жоқ"));
    Jobs.runDue(management, instance.getId());

    assertThat(instance).isEnded().hasPassed("task-sign-refusal", "end-refused");
    Map<String, Object> ended = R5Fixtures.variables(history, instance.getId());
    assertThat(ended).containsEntry("refusalStep", "P8").containsEntry("resultDocumentKind", "refusal");
    assertThat((String) ended.get("refusalReasonKk")).isEqualTo("Қызмет көрсетуден бас тартылды (дәлелді бас тарту): "
        + "Материалдық-техникалық база жоқ");
  }

  // --- helpers

  private String person() {
    String iin = R5Fixtures.newIin();
    R5Fixtures.createPerson(http, iin, "Сейітова", "Әлия", "Қанатқызы");
    return iin;
  }

  private String company() {
    String bin = R5Fixtures.newBin();
    R5Fixtures.createCompany(http, bin, "ТОО \"Қазба\"");
    return bin;
  }

  static Map<String, Object> individual(String iin, String kind, String licenceNumber) {
    Map<String, Object> data = new HashMap<>(Map.of("requestKind", kind, "applicantId", iin,
        "applicantType", "individual", "surname", "Сейітова", "givenName", "Әлия", "patronymic", "Қанатқызы",
        "address", "Астана қ., Қабанбай батыр даңғылы, 7",
        "subtypes", Variables.objectValue(List.of("archaeological")).serializationDataFormat("application/json").create(),
        "specialists", "Сейітова Ә.Қ., археолог, тарих магистрі, 9 жыл"));
    if (licenceNumber != null) {
      data.put("licenceNumber", licenceNumber);
      data.put("reissueReason", "address-change");
    }
    return data;
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

  private void complete(Task task, Map<String, Object> variables) {
    tasks.complete(task.getId(), variables);
  }
}
