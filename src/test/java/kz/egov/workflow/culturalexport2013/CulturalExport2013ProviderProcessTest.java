package kz.egov.workflow.culturalexport2013;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import kz.egov.workflow.documents.DocumentKind;
import kz.egov.workflow.documents.DocumentStore;
import kz.egov.workflow.documents.ResultDocument;
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
import org.camunda.spin.plugin.variable.SpinValues;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * R1 diagram №2 (processes/cultural-export-2013/provider.bpmn), every branch: someone who is no employee of the
 * Culture Department (P2), an applicant the registries do not know (P5), the certificate (P9) for an individual
 * entered in Tasklist and the motivated refusal (P8) for a legal entity sent by the provider's system; the forms'
 * rules (the request's schema, the scans, the refusal's reason) hold through the engine.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"demo", "test"})
class CulturalExport2013ProviderProcessTest {

  static final String KEY = "cultural-export-2013-provider";
  static final byte[] PDF = "%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
  static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 0};
  /** Тулегенова Алия, Kokshetau (registry-demo/persons.csv). */
  static final String INDIVIDUAL = "000501602316";
  /** АО "Ақмола Мұра", Kokshetau (registry-demo/companies.csv). */
  static final String COMPANY = "190240012344";

  @Autowired ProcessEngine engine;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired ManagementService management;
  @Autowired HistoryService history;
  @Autowired IdentityService identity;
  @Autowired DocumentStore documents;

  @BeforeEach
  void init() {
    BpmnAwareTests.init(engine);
  }

  @Test
  void theClerkEntersAnIndividualsRequestInTasklistAndTheExecutorIssuesTheCertificate() {
    ProcessInstance instance = startAs("akmola.clerk", List.of("akmola", "akmola-clerk"));
    assertThat(runtime.getVariables(instance.getId())).containsEntry("service", "cultural-export-2013")
        .containsEntry("provider", "akmola").containsEntry("channel", "provider")
        .containsEntry("submittedBy", "akmola.clerk").containsEntry("employeeAuthentic", true);

    Task enter = task(instance, "task-enter-data");
    assertThat(enter.getAssignee()).isEqualTo("akmola.clerk");
    assertThat(R1Fixtures.candidateGroups(tasks, enter)).containsExactly("akmola-clerk");
    tasks.complete(enter.getId(), request(INDIVIDUAL, "2026-04-01", "2026-06-30"));
    Jobs.runDue(management, instance.getId());

    assertThat(instance).hasPassed("task-registry").isWaitingAt("task-scans");
    Map<String, Object> found = runtime.getVariables(instance.getId());
    assertThat(found).containsEntry("applicantFound", true).containsEntry("applicantName", "Тулегенова Алия");
    SpinJsonNode form = (SpinJsonNode) found.get("formData");
    assertThat(form.prop("culturalValues").elements()).hasSize(2);
    assertThat(form.prop("destinationCountry").stringValue()).isEqualTo("Түркия / Турция");

    tasks.complete(task(instance, "task-scans").getId(), Map.of("paperApplication", true, "paperPhotos", true,
        "scanApplication", Variables.fileValue("application.pdf").file(PDF).mimeType("application/pdf").create(),
        "scanPhotos", Variables.fileValue("photos.png").file(PNG).mimeType("image/png").create()));
    Jobs.runDue(management, instance.getId());
    assertThat(instance).hasPassed("task-register").isWaitingAt("task-decide");
    assertThat(R1Fixtures.candidateGroups(tasks, task(instance, "task-decide"))).containsExactly("akmola-executor");

    tasks.complete(task(instance, "task-decide").getId(), Map.of("decision", "issue"));
    Jobs.runDue(management, instance.getId());

    assertThat(instance).isEnded().hasPassedInOrder("task-sign-certificate", "call-deliver-certificate",
        "end-certificate");
    Map<String, Object> ended = variables(instance);
    assertThat(ended).containsEntry("outcome", "issued").containsEntry("resultDocumentKind", "certificate");
    ResultDocument record = documents.byApplication(instance.getBusinessKey(), DocumentKind.CERTIFICATE)
        .orElseThrow().record();
    assertThat(record.applicant().id()).isEqualTo(INDIVIDUAL);
    assertThat(record.applicant().name()).isEqualTo("Тулегенова Алия");
    assertThat(record.applicant().address()).isEqualTo("Кокшетау, ул. Ауельбекова, 150");
    assertThat(record.certificate().values()).extracting(ResultDocument.CulturalValue::description)
        .containsExactly("Домбыра, ағаш, XIX ғ.", "Текемет, киіз");
    assertThat(record.certificate().purpose()).isEqualTo("көрме / выставка");
  }

  @Test
  void aLegalEntitysRequestFromTheProvidersSystemIsRefusedWithASignedMotivatedRefusal() {
    // the provider's system sends the request with the start (channel provider): P3 was done there
    Map<String, Object> start = new HashMap<>();
    start.put("applicationId", UUID.randomUUID().toString());
    start.put("channel", "provider");
    start.put("applicantId", COMPANY);
    start.put("applicantName", "АО \"Ақмола Мұра\"");
    start.put("submittedBy", "akmola.clerk");
    start.put("formData", SpinValues.jsonValue(R1Fixtures.FORM).create());
    ProcessInstance instance = runtime.startProcessInstanceByKey(KEY, start);
    Jobs.runDue(management, instance.getId());
    assertThat(instance).hasNotPassed("task-enter-data").isWaitingAt("task-scans");
    assertThat(runtime.getVariable(instance.getId(), "applicantName")).isEqualTo("АО \"Ақмола Мұра\"");

    Task scans = task(instance, "task-scans");
    assertThatThrownBy(() -> tasks.complete(scans.getId(), Map.of("scanApplication",
        Variables.fileValue("application.pdf").file(PDF).create())))
        .hasRootCauseInstanceOf(FormFieldValidationException.class)
        .hasMessageContaining("scanPhotos: the scan is required");
    tasks.complete(scans.getId(), Map.of(
        "scanApplication", Variables.fileValue("application.pdf").file(PDF).create(),
        "scanPhotos", Variables.fileValue("photos.pdf").file(PDF).create()));
    Jobs.runDue(management, instance.getId());

    Task decide = task(instance, "task-decide");
    assertThatThrownBy(() -> tasks.complete(decide.getId(), Map.of("decision", "refuse", "decisionReason", "нет")))
        .hasRootCauseInstanceOf(FormFieldValidationException.class).hasMessageContaining("a refusal needs its reason");
    assertThat(instance).isWaitingAt("task-decide");
    tasks.complete(decide.getId(), Map.of("decision", "refuse",
        "decisionReason", "Срок вывоза превышает срок договора с принимающей стороной"));
    Jobs.runDue(management, instance.getId());

    assertThat(instance).isEnded().hasPassedInOrder("task-sign-refusal", "call-deliver-refusal", "end-refused");
    Map<String, Object> ended = variables(instance);
    assertThat(ended).containsEntry("refusalStep", "P8").containsEntry("resultDocumentKind", "refusal");
    assertThat((String) ended.get("refusalReasonRu")).isEqualTo(
        "Отказ в оказании услуги (мотивированный отказ): Срок вывоза превышает срок договора с принимающей стороной");
    ResultDocument refusal = documents.byApplication(instance.getBusinessKey(), DocumentKind.REFUSAL).orElseThrow()
        .record();
    assertThat(refusal.applicant().name()).isEqualTo("АО \"Ақмола Мұра\"");
    assertThat(refusal.refusal().step()).isEqualTo("P8");
  }

  @Test
  void someoneWhoIsNoEmployeeOfTheCultureDepartmentIsRefusedAtP2() {
    // Tasklist offers the diagram only to the provider's staff; the administrator may start it, but is nobody's
    // employee
    identity.setAuthentication("wko.employee", List.of("wko", "wko-employee"));
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
    assertThat((String) ended.get("refusalReasonKk")).startsWith("Авторизациядан бас тартылды");
  }

  @Test
  void anApplicantAbsentFromTheIndividualsRegistryEndsAtP5() {
    ProcessInstance instance = startAs("akmola.clerk", List.of("akmola", "akmola-clerk"));
    // a valid IIN nobody entered in the individuals registry
    tasks.complete(task(instance, "task-enter-data").getId(), request("900101300126", "2026-04-01", "2026-06-30"));
    Jobs.runDue(management, instance.getId());

    assertThat(instance).isEnded().hasPassed("end-no-data").hasNotPassed("task-scans", "task-register");
    Map<String, Object> ended = variables(instance);
    assertThat(ended).containsEntry("refusalStep", "P5").containsEntry("applicantFound", false);
    assertThat((String) ended.get("refusalReason"))
        .isEqualTo("The data cannot be obtained: IIN 900101300126 is not in the individuals registry");
    assertThat((String) ended.get("refusalReasonRu")).startsWith("Невозможно получить данные");
  }

  @Test
  void aRequestTheCertificateCouldNotBeFormedFromIsRefusedInTheFormAndTheTaskStaysOpen() {
    ProcessInstance instance = startAs("akmola.clerk", List.of("akmola", "akmola-clerk"));
    Task enter = task(instance, "task-enter-data");

    assertThatThrownBy(() -> tasks.complete(enter.getId(), request(INDIVIDUAL, "2026-06-30", "2026-04-01")))
        .hasRootCauseInstanceOf(FormFieldValidationException.class)
        .hasMessageContaining("formData.exportUntil: not before exportFrom (2026-06-30)");
    Map<String, Object> noQuantity = request(INDIVIDUAL, "2026-04-01", "2026-06-30");
    noQuantity.put("culturalValues", SpinValues.jsonValue("[{\"description\":\"Домбыра\"}]").create());
    assertThatThrownBy(() -> tasks.complete(enter.getId(), noQuantity))
        .hasRootCauseInstanceOf(FormFieldValidationException.class)
        .hasMessageContaining("formData.culturalValues[0].quantity: required");
    assertThat(instance).isWaitingAt("task-enter-data");
    assertThat(runtime.getVariable(instance.getId(), "formData")).as("nothing of the refused form is kept").isNull();

    tasks.complete(enter.getId(), request(INDIVIDUAL, "2026-04-01", "2026-06-30"));
    Jobs.runDue(management, instance.getId());
    assertThat(instance).isWaitingAt("task-scans");
    runtime.deleteProcessInstance(instance.getId(), "test done");
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

  /** What the P3 form submits: one variable per field, the cultural values as Tasklist's JSON list. */
  private static Map<String, Object> request(String applicantId, String from, String until) {
    Map<String, Object> data = new HashMap<>();
    data.put("applicantId", applicantId);
    data.put("culturalValues", SpinValues.jsonValue("[{\"description\":\"Домбыра, ағаш, XIX ғ.\",\"quantity\":1,"
        + "\"dating\":\"XIX ғ.\",\"dimensions\":\"\"},{\"description\":\"Текемет, киіз\",\"quantity\":2}]").create());
    data.put("exportPurpose", "көрме / выставка");
    data.put("destinationCountry", "Түркия / Турция");
    data.put("receivingParty", "");
    data.put("exportFrom", from);
    data.put("exportUntil", until);
    data.put("contactPhone", "+77015550011");
    return data;
  }

  private Task task(ProcessInstance instance, String definitionKey) {
    return tasks.createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey(definitionKey).singleResult();
  }

  private Map<String, Object> variables(ProcessInstance instance) {
    return R1Fixtures.variables(history, instance);
  }
}
