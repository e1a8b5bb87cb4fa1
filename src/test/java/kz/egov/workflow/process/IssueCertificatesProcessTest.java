package kz.egov.workflow.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import kz.egov.workflow.documents.ResultDocument;
import kz.egov.workflow.documents.ResultDocuments;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.spin.plugin.variable.SpinValues;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/** {@code ${issueDocument}} forms the R1/R3 certificate and the R4 archival certificate from the form's keys. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"demo", "test"})
class IssueCertificatesProcessTest {

  static final String KEY = "documents-issue-certificate";

  @Autowired ProcessEngine engine;
  @Autowired ResultDocuments documents;

  @BeforeEach
  void deploy() {
    if (engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey(KEY).count() == 0) {
      engine.getRepositoryService().createDeployment().name("certificate tests").addModelInstance(KEY + ".bpmn",
          Bpmn.createExecutableProcess(KEY).camundaHistoryTimeToLive(30).startEvent()
              .serviceTask("FormResult").name("Form the result").camundaAsyncBefore()
              .camundaDelegateExpression("${issueDocument}").camundaInputParameter("documentKind", "${kind}")
              .endEvent().done()).deploy();
    }
  }

  @Test
  void theCertificateAndTheArchivalCertificateAreFormedFromTheForm() {
    String certificate = engine.getRuntimeService().startProcessInstanceByKey(KEY, "proc-certificate-1", Map.of(
        "kind", "certificate", "service", "cultural-export-2017", "provider", "akmola", "applicantId", "850315300128",
        "applicantName", "Серікбаев Ерлан", "applicationNumber", "KZ-AKMOLA-2026-000901",
        "formData", SpinValues.jsonValue("""
            {"culturalValues": [{"description": "Қобыз, XIX ғ.", "quantity": 1}], "destinationCountry": "Франция",
             "exportPurpose": "көрме / выставка", "exportFrom": "2026-05-01", "exportUntil": "2026-08-31"}""")
            .create())).getId();
    Jobs.runDue(engine.getManagementService(), certificate);
    ResultDocument record = documents.resultOf("proc-certificate-1").orElseThrow().record();
    assertThat(record.number()).isEqualTo("KZ-AKMOLA-2026-000901-CERT");
    assertThat(record.certificate().values()).containsExactly(new ResultDocument.CulturalValue("Қобыз, XIX ғ.", 1));
    assertThat(record.certificate().destinationCountry()).isEqualTo("Франция");
    assertThat(variable(certificate, "resultDocumentKind")).isEqualTo("certificate");

    String archival = engine.getRuntimeService().startProcessInstanceByKey(KEY, "proc-archival-1", Variables
        .createVariables().putValue("kind", "archival-certificate").putValue("service", "archival-certificate")
        .putValue("provider", "mangystau").putValue("applicantId", "850315300128")
        .putValue("applicantName", "Серікбаев Ерлан").putValue("applicationNumber", "KZ-MANGYSTAU-2026-000902")
        // a JSON string works as well as Spin JSON
        .putValue("formData", "{\"archivalCertificateKind\": \"education\", \"confirmedInformation\":"
            + " \"1990 жылы Ақтау политехникалық колледжін бітірген\"}")).getId();
    Jobs.runDue(engine.getManagementService(), archival);
    ResultDocument archivalRecord = documents.resultOf("proc-archival-1").orElseThrow().record();
    assertThat(archivalRecord.number()).isEqualTo("KZ-MANGYSTAU-2026-000902-AC");
    assertThat(archivalRecord.archivalCertificate().kindKk()).isEqualTo("білімі туралы");
    assertThat(variable(archival, "resultDocumentNumber")).isEqualTo("KZ-MANGYSTAU-2026-000902-AC");
  }

  private Object variable(String processInstanceId, String name) {
    return engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(processInstanceId)
        .variableName(name).singleResult().getValue();
  }
}
