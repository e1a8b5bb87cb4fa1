package kz.egov.workflow.scrapmetal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import kz.egov.workflow.licensing.Licence;
import kz.egov.workflow.licensing.LicensingRegister;
import kz.egov.workflow.process.Jobs;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
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
 * R2 diagram №2 (processes/scrap-metal-license/provider.bpmn), every branch: an employee of another provider
 * (P2), an applicant or power of attorney the registries do not confirm (P5), the refusal (P8) and the licence
 * (P9); the forms' rules (scans, the refusal's reason) hold through the engine, not only in the browser.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"demo", "test"})
class ScrapMetalProviderProcessTest {

  static final String KEY = "scrap-metal-license-provider";
  static final byte[] PDF = "%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

  @Autowired ProcessEngine engine;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired ManagementService management;
  @Autowired HistoryService history;
  @Autowired IdentityService identity;
  @Autowired LicensingRegister register;

  @BeforeEach
  void init() {
    BpmnAwareTests.init(engine);
  }

  @Test
  void anEmployeeStartsInTasklistAndTheCompanyGetsItsLicence() {
    ProcessInstance instance = startAs("wko.employee", List.of("wko", "wko-employee"));
    assertThat(instance.getBusinessKey()).as("an application id is given when Tasklist gives none").isNotBlank();
    assertThat(runtime.getVariables(instance.getId())).containsEntry("applicationId", instance.getBusinessKey())
        .containsEntry("service", "scrap-metal-license").containsEntry("provider", "wko")
        .containsEntry("channel", "provider").containsEntry("submittedBy", "wko.employee")
        .containsEntry("employeeAuthentic", true);

    Task enter = task(instance, "task-enter-data");
    assertThat(enter.getAssignee()).isEqualTo("wko.employee");
    complete(enter, applicantData("040540000123", "N-2026-000145", "900710400568"));
    Jobs.runDue(management, instance.getId());

    assertThat(instance).hasPassed("task-legal-entities", "task-notary").isWaitingAt("task-scans");
    Map<String, Object> found = runtime.getVariables(instance.getId());
    assertThat(found).containsEntry("applicantFound", true).containsEntry("powerOfAttorneyValid", true)
        .containsEntry("applicantName", "ТОО \"Батыс Металл Трейд\"");
    SpinJsonNode form = (SpinJsonNode) found.get("formData");
    assertThat(form.prop("siteAddress").stringValue()).isEqualTo("Уральск, Промзона, 3");
    assertThat(form.prop("metals").elements()).hasSize(2);

    complete(task(instance, "task-scans"), Map.of("paperApplication", true,
        "scanApplication", Variables.fileValue("application.pdf").file(PDF).mimeType("application/pdf").create()));
    Jobs.runDue(management, instance.getId());
    assertThat(instance).isWaitingAt("task-decide");

    complete(task(instance, "task-decide"), Map.of("decision", "issue"));
    Jobs.runDue(management, instance.getId());

    assertThat(instance).isEnded().hasPassed("end-licence");
    Map<String, Object> ended = variables(instance);
    assertThat(ended).containsEntry("outcome", "issued").containsEntry("resultDocumentKind", "licence");
    Licence licence = register.licence((String) ended.get("licenceNumber")).orElseThrow();
    assertThat(licence.holderId()).isEqualTo("040540000123");
    assertThat(licence.holderName()).isEqualTo("ТОО \"Батыс Металл Трейд\"");
  }

  @Test
  void aUserWhoIsNoEmployeeOfTheProviderIsRefusedAtP2() {
    // Tasklist offers the diagram only to the provider's staff (another provider's clerk may not start it);
    // the administrator may, but is nobody's employee
    identity.setAuthentication("akmola.clerk", List.of("akmola", "akmola-clerk"));
    try {
      assertThatThrownBy(() -> runtime.startProcessInstanceByKey(KEY)).isInstanceOf(AuthorizationException.class);
    } finally {
      identity.clearAuthentication();
    }
    ProcessInstance instance = startAs("admin", List.of("camunda-admin"));

    assertThat(instance).isEnded().hasPassed("end-not-authorised").hasNotPassed("task-enter-data");
    Map<String, Object> ended = variables(instance);
    assertThat(ended).containsEntry("refusalStep", "P2").containsEntry("employeeAuthentic", false);
    assertThat((String) ended.get("refusalReason")).startsWith("Authorisation refused: ");
  }

  @Test
  void aCompanyNotInTheRegistryEndsAtP5() {
    ProcessInstance instance = startAs("wko.employee", List.of("wko", "wko-employee"));
    complete(task(instance, "task-enter-data"), applicantData("081240007893", null, null)); // inactive company
    Jobs.runDue(management, instance.getId());

    assertThat(instance).isEnded().hasPassed("end-no-data").hasNotPassed("task-scans");
    Map<String, Object> ended = variables(instance);
    assertThat(ended).containsEntry("refusalStep", "P5");
    assertThat((String) ended.get("refusalReason"))
        .isEqualTo("The data cannot be obtained: BIN 081240007893 (ТОО \"Каспий Архив Сервис\") is not active in the"
            + " legal-entities registry");
  }

  @Test
  void anExpiredPowerOfAttorneyEndsAtP5() {
    ProcessInstance instance = startAs("wko.employee", List.of("wko", "wko-employee"));
    complete(task(instance, "task-enter-data"), applicantData("110840001237", "N-2024-000777", "010203500345"));
    Jobs.runDue(management, instance.getId());

    assertThat(instance).isEnded().hasPassed("end-no-data");
    assertThat((String) variables(instance).get("refusalReason"))
        .startsWith("The data cannot be obtained: Power of attorney N-2024-000777 is in force from 2024-03-01 to 2025-03-01");
  }

  @Test
  void scansMustBeScansAndARefusalMustSayWhyThenItIsSignedAtP8() {
    ProcessInstance instance = startAs("wko.employee", List.of("wko", "wko-employee"));
    complete(task(instance, "task-enter-data"), applicantData("040540000123", null, null));
    Jobs.runDue(management, instance.getId());

    Task scans = task(instance, "task-scans");
    assertThatThrownBy(() -> tasks.complete(scans.getId(), Map.of("paperApplication", true)))
        .hasRootCauseInstanceOf(FormFieldValidationException.class).hasMessageContaining("scanApplication: the scan is required");
    assertThatThrownBy(() -> tasks.complete(scans.getId(), Map.of("scanApplication", Variables.fileValue("virus.pdf")
        .file("MZ\u0090\u0000 not a pdf".getBytes(StandardCharsets.ISO_8859_1)).create())))
        .hasRootCauseInstanceOf(FormFieldValidationException.class).hasMessageContaining("not a PDF, JPEG or PNG");
    assertThat(instance).isWaitingAt("task-scans");
    complete(scans, Map.of("scanApplication", Variables.fileValue("application.pdf").file(PDF).create()));
    Jobs.runDue(management, instance.getId());

    Task decide = task(instance, "task-decide");
    assertThatThrownBy(() -> tasks.complete(decide.getId(), Map.of("decision", "refuse")))
        .hasRootCauseInstanceOf(FormFieldValidationException.class).hasMessageContaining("a refusal needs its reason");
    assertThatThrownBy(() -> tasks.complete(decide.getId(), Map.of("decision", "maybe")))
        .hasRootCauseInstanceOf(FormFieldValidationException.class).hasMessageContaining("'issue' or 'refuse'");
    assertThat(instance).isWaitingAt("task-decide");
    complete(decide, Map.of("decision", "refuse", "decisionReason", "Нет прибора радиационного контроля"));
    Jobs.runDue(management, instance.getId());

    assertThat(instance).isEnded().hasPassed("task-sign-refusal", "end-refused");
    Map<String, Object> ended = variables(instance);
    assertThat(ended).containsEntry("refusalStep", "P8").containsEntry("resultDocumentKind", "refusal");
    assertThat((String) ended.get("refusalReasonRu"))
        .isEqualTo("Отказ в оказании услуги (мотивированный отказ): Нет прибора радиационного контроля");
  }

  // --- helpers

  private ProcessInstance startAs(String user, List<String> groups) {
    identity.setAuthentication(user, groups);
    try {
      return runtime.startProcessInstanceByKey(KEY);
    } finally {
      identity.clearAuthentication();
    }
  }

  private static Map<String, Object> applicantData(String bin, String powerOfAttorney, String representative) {
    Map<String, Object> data = new HashMap<>();
    data.put("requestKind", "issuance");
    data.put("applicantId", bin);
    data.put("companyName", "ТОО \"Батыс Металл Трейд\"");
    data.put("siteAddress", "Уральск, Промзона, 3");
    data.put("metals", Variables.objectValue(List.of("ferrous", "non-ferrous"))
        .serializationDataFormat("application/json").create());
    data.put("subtypes", Variables.objectValue(List.of("collection", "sale"))
        .serializationDataFormat("application/json").create());
    data.put("powerOfAttorneyNotarised", powerOfAttorney != null);
    if (powerOfAttorney != null) {
      data.put("powerOfAttorneyNumber", powerOfAttorney);
      data.put("representativeIin", representative);
    }
    return data;
  }

  private Task task(ProcessInstance instance, String definitionKey) {
    return tasks.createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey(definitionKey).singleResult();
  }

  private void complete(Task task, Map<String, Object> variables) {
    tasks.complete(task.getId(), variables);
  }

  private Map<String, Object> variables(ProcessInstance instance) {
    return ProcessVariables.of(history, instance);
  }
}
