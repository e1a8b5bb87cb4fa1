package kz.egov.workflow.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * R2 diagram №2 P4-C2-P7 with the embedded registries and register (the default adapters and the demo
 * data): the delegates as the diagrams call them, by bean name.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"demo", "test"})
class ProviderIntakeProcessTest {

  static final String KEY = "state-systems-provider-intake";

  @Autowired RepositoryService repository;
  @Autowired RuntimeService runtime;
  @Autowired ManagementService management;
  @Autowired HistoryService history;

  @BeforeEach
  void deploy() {
    if (repository.createProcessDefinitionQuery().processDefinitionKey(KEY).count() == 0) {
      repository.createDeployment().name("state-systems tests")
          .addClasspathResource("state-systems/provider-intake.bpmn")
          .addClasspathResource("state-systems/portal-payment.bpmn").deploy();
    }
  }

  private String run(String businessKey, Map<String, Object> variables) {
    Map<String, Object> all = new HashMap<>(variables);
    all.putIfAbsent("provider", "wko");
    all.putIfAbsent("service", "scrap-metal-license");
    all.putIfAbsent("requestKind", "issuance");
    String id = runtime.startProcessInstanceByKey(KEY, businessKey, all).getId();
    assertThat(runtime.createProcessInstanceQuery().processInstanceId(id).count())
        .as("the first registry call is asynchronous").isEqualTo(1);
    Jobs.runDue(management, id);
    return id;
  }

  private HistoricProcessInstance ended(String id) {
    HistoricProcessInstance instance = history.createHistoricProcessInstanceQuery().processInstanceId(id).singleResult();
    assertThat(instance.getEndTime()).as("instance ended").isNotNull();
    return instance;
  }

  private Object variable(String id, String name) {
    HistoricVariableInstance variable = history.createHistoricVariableInstanceQuery().processInstanceId(id)
        .variableName(name).singleResult();
    return variable == null ? null : variable.getValue();
  }

  @Test
  void aRegisteredCompanyWithItsRepresentativesPowerOfAttorneyIsRegistered() {
    String id = run("intake-1", Map.of("applicantId", "040540000123", "powerOfAttorneyNumber", "N-2026-000145",
        "representativeIin", "900710400568"));

    assertThat(ended(id).getEndActivityId()).isEqualTo("ApplicationRegistered");
    assertThat(variable(id, "applicantFound")).isEqualTo(true);
    assertThat(variable(id, "applicantName")).isEqualTo("ТОО \"Батыс Металл Трейд\"");
    assertThat(variable(id, "applicant").toString()).contains("\"legalForm\":\"ТОО\"", "\"bin\":\"040540000123\"");
    assertThat(variable(id, "powerOfAttorneyValid")).isEqualTo(true);
    assertThat((String) variable(id, "applicationNumber")).matches("KZ-WKO-\\d{4}-\\d{6}");
    assertThat(variable(id, "applicationRegisteredAt")).isNotNull();
  }

  @Test
  void aPersonWithoutARepresentativeIsRegistered() {
    String id = run("intake-2", Map.of("applicantId", "850315300128", "provider", "committee",
        "service", "archaeology-license"));

    assertThat(ended(id).getEndActivityId()).isEqualTo("ApplicationRegistered");
    assertThat(variable(id, "applicantName")).isEqualTo("Серікбаев Ерлан Маратұлы");
    assertThat((String) variable(id, "applicationNumber")).startsWith("KZ-COMMITTEE-");
    assertThat((String) variable(id, "powerOfAttorneyReason")).contains("nothing to check");
  }

  @Test
  void anApplicantAbsentFromTheRegistryEndsWithDataCannotBeObtained() {
    String unknown = run("intake-3", Map.of("applicantId", "110840001247"));
    assertThat(ended(unknown).getEndActivityId()).isEqualTo("DataCannotBeObtained");
    assertThat((String) variable(unknown, "applicantLookUpReason"))
        .isEqualTo("BIN 110840001247 is not in the legal-entities registry");
    assertThat(variable(unknown, "applicationNumber")).isNull();

    String liquidated = run("intake-4", Map.of("applicantId", "081240007893"));
    assertThat(ended(liquidated).getEndActivityId()).isEqualTo("DataCannotBeObtained");
    assertThat((String) variable(liquidated, "applicantLookUpReason")).contains("not active");

    String deceased = run("intake-5", Map.of("applicantId", "750512300227"));
    assertThat((String) variable(deceased, "applicantLookUpReason")).contains("deceased");

    String wrongDigit = run("intake-6", Map.of("applicantId", "040540000124"));
    assertThat((String) variable(wrongDigit, "applicantLookUpReason")).contains("check digit is 4, expected 3");
  }

  @Test
  void aPowerOfAttorneyThatIsMissingForeignExpiredOrRevokedStopsTheApplication() {
    Map<String, String> cases = Map.of(
        "N-0000-000000", "is not in the notary registry",
        "N-2025-003321", "was given by 850315300128, not by the applicant",
        "N-2024-000777", "not on",
        "N-2025-004410", "revoked");
    Map<String, String> principals = Map.of("N-0000-000000", "040540000123", "N-2025-003321", "040540000123",
        "N-2024-000777", "110840001237", "N-2025-004410", "150740004562");
    int n = 10;
    for (Map.Entry<String, String> poa : cases.entrySet()) {
      String id = run("intake-" + n++, Map.of("applicantId", principals.get(poa.getKey()),
          "powerOfAttorneyNumber", poa.getKey()));
      assertThat(ended(id).getEndActivityId()).as(poa.getKey()).isEqualTo("DataCannotBeObtained");
      assertThat(variable(id, "powerOfAttorneyValid")).isEqualTo(false);
      assertThat((String) variable(id, "powerOfAttorneyReason")).as(poa.getKey()).contains(poa.getValue());
    }

    String otherRepresentative = run("intake-20", Map.of("applicantId", "040540000123",
        "powerOfAttorneyNumber", "N-2026-000145", "representativeIin", "951201402114"));
    assertThat((String) variable(otherRepresentative, "powerOfAttorneyReason"))
        .contains("names 900710400568 as representative, not 951201402114");
  }
}
