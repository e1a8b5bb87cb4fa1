package kz.egov.workflow.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import kz.egov.workflow.documents.ResultDocuments;
import kz.egov.workflow.documents.StoredDocument;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.spin.plugin.variable.SpinValues;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/** The {@code issueDocument} delegate as a diagram calls it: R2 №1 P11 (licence) and P10 (motivated refusal). */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"demo", "test"})
class IssueDocumentProcessTest {

  static final String KEY = "documents-issue-document";

  @Autowired RepositoryService repository;
  @Autowired RuntimeService runtime;
  @Autowired ManagementService management;
  @Autowired HistoryService history;
  @Autowired ResultDocuments documents;
  @Autowired JdbcTemplate jdbc;

  @BeforeEach
  void deploy() {
    if (repository.createProcessDefinitionQuery().processDefinitionKey(KEY).count() == 0) {
      repository.createDeployment().name("documents tests").addClasspathResource("documents/issue-document.bpmn")
          .deploy();
    }
  }

  private String start(String businessKey, Map<String, Object> variables) {
    Map<String, Object> all = new HashMap<>(variables);
    all.put("applicationId", businessKey);
    all.putIfAbsent("service", "scrap-metal-license");
    all.putIfAbsent("provider", "wko");
    all.putIfAbsent("requestKind", "issuance");
    all.putIfAbsent("applicantId", "040540000123");
    all.putIfAbsent("applicantName", "ТОО \"Батыс Металл Трейд\"");
    all.putIfAbsent("applicationNumber", "KZ-WKO-2026-7" + Math.abs(businessKey.hashCode() % 100000));
    all.putIfAbsent("applicationRegisteredAt", new Date());
    return runtime.startProcessInstanceByKey(KEY, businessKey, all).getId();
  }

  private Object variable(String id, String name) {
    HistoricVariableInstance variable = history.createHistoricVariableInstanceQuery().processInstanceId(id)
        .variableName(name).singleResult();
    return variable == null ? null : variable.getValue();
  }

  private HistoricProcessInstance ended(String id) {
    HistoricProcessInstance instance = history.createHistoricProcessInstanceQuery().processInstanceId(id).singleResult();
    assertThat(instance.getEndTime()).as("instance ended").isNotNull();
    return instance;
  }

  @Test
  void theLicenceIsFormedUnderItsRegisterNumberFromTheForm() {
    String id = start("proc-licence-1", Map.of("refused", false, "licenceNumber", "KZ-WKO-LIC-2026-300001",
        "licenceIssuedOn", "2026-04-14",
        "applicant", SpinValues.jsonValue("{\"bin\":\"040540000123\",\"address\":\"Орал қ., Құрманғазы к-сі, 12\"}").create(),
        "formData", SpinValues.jsonValue("""
            {"subtypes": ["заготовка лома черных металлов"], "place": "Орал қ., Өнеркәсіп аймағы, 7"}""").create()));
    Jobs.runDue(management, id);

    assertThat(ended(id).getEndActivityId()).isEqualTo("LicenceIssued");
    assertThat(variable(id, "resultDocumentNumber")).isEqualTo("KZ-WKO-LIC-2026-300001");
    assertThat(variable(id, "resultDocumentKind")).isEqualTo("licence");
    StoredDocument document = documents.resultOf("proc-licence-1").orElseThrow();
    assertThat(document.record().applicant().address()).isEqualTo("Орал қ., Құрманғазы к-сі, 12");
    assertThat(document.record().licence().issuedOn()).hasToString("2026-04-14");
    assertThat(document.record().licence().subtypes()).containsExactly("заготовка лома черных металлов");
    assertThat(document.record().licence().place()).isEqualTo("Орал қ., Өнеркәсіп аймағы, 7");
    assertThat(document.record().applicationRegisteredAt()).isNotNull();
  }

  @Test
  void aMotivatedRefusalIsFormedWithItsReasonAndARetryIssuesNothingNew() {
    String id = start("proc-refusal-1", Map.of("refused", true, "refusalStep", "P10",
        "refusalReason", "the applicant does not meet the qualification requirements",
        "refusalReasonRu", "Заявитель не соответствует квалификационным требованиям",
        "refusalReasonKk", "Өтініш беруші біліктілік талаптарына сәйкес келмейді"));
    Jobs.runDue(management, id);

    assertThat(ended(id).getEndActivityId()).isEqualTo("Refused");
    String number = (String) variable(id, "resultDocumentNumber");
    assertThat(number).endsWith("-REF").startsWith("KZ-WKO-2026-7");
    assertThat(variable(id, "resultDocumentKind")).isEqualTo("refusal");
    StoredDocument refusal = documents.byNumber(number).orElseThrow();
    assertThat(refusal.record().refusal().reasonKk()).isEqualTo("Өтініш беруші біліктілік талаптарына сәйкес келмейді");

    // the same application reaching the step again (a retried job after a lost commit) gets the same document
    String again = start("proc-refusal-1", Map.of("refused", true, "refusalStep", "P10", "refusalReason", "other"));
    Jobs.runDue(management, again);
    assertThat(variable(again, "resultDocumentNumber")).isEqualTo(number);
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM result_document WHERE application_id = 'proc-refusal-1'",
        Long.class)).isEqualTo(1);
  }

  @Test
  void aRefusalWithoutAReasonIsAModellingErrorThatEndsAsAnIncident() {
    String id = start("proc-refusal-2", Map.of("refused", true, "refusalStep", "P10"));

    Job job = Jobs.failUntilIncident(management, id);

    assertThat(job.getRetries()).isZero();
    assertThat(job.getExceptionMessage()).contains("refusalReason");
    Incident incident = runtime.createIncidentQuery().processInstanceId(id).singleResult();
    assertThat(incident.getActivityId()).isEqualTo("IssueRefusal");
    assertThat(documents.resultOf("proc-refusal-2")).isEmpty();
  }
}
