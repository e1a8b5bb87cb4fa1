package kz.egov.workflow.archival;

import static kz.egov.workflow.archival.ArchivalTestSupport.child;
import static kz.egov.workflow.archival.ArchivalTestSupport.pdf;
import static kz.egov.workflow.archival.ArchivalTestSupport.runDue;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import kz.egov.workflow.process.SignedRequests;
import kz.egov.workflow.scrapmetal.DemoSigner;
import kz.egov.workflow.signature.DemoPki;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.spin.plugin.variable.value.JsonValue;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * R4 diagram №2 (processes/archival-certificate/service-center.bpmn), every branch in Tasklist: a user who is no
 * service-center operator (P2), a power of attorney the notary registry does not confirm (T3.4), a request signed
 * with another person's key (P5), and a representative's request that the archives answer with the archival
 * certificate, handed over by the operator (P8); the archives' refusal and T3.8 run through REST in
 * {@link ArchivalJourneyTest}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"demo", "test"})
class ServiceCenterProcessTest {

  static final String KEY = "archival-certificate-service-center";
  static final String OPERATOR = "operator";

  @Autowired ProcessEngine engine;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired HistoryService history;
  @Autowired IdentityService identity;
  @Autowired DemoPki demoPki;

  @BeforeEach
  void init() {
    BpmnAwareTests.init(engine);
  }

  @Test
  void aRepresentativesRequestFiledSignedByTheOperatorAndTheCertificateHandedOverAtTheServiceCenter() throws Exception {
    ProcessInstance instance = startAs(OPERATOR, List.of("service-center-operator"));
    assertThat(runtime.getVariables(instance.getId())).containsEntry("operator", OPERATOR)
        .containsEntry("employeeAuthentic", true).containsEntry("channel", "service-center");
    Map<String, Object> request = LocalExecutiveBodyProcessTest.request("salary");
    request.put("representativeIin", "951201402114");
    assertThatThrownBy(() -> tasks.complete(ArchivalTestSupport.task(engine, instance, "task-fill").getId(), request))
        .hasRootCauseInstanceOf(FormFieldValidationException.class).hasMessageContaining("powerOfAttorneyNumber");
    request.put("powerOfAttorneyNumber", "N-2025-003321");
    tasks.complete(ArchivalTestSupport.task(engine, instance, "task-fill").getId(), request);
    runDue(engine, instance.getId());

    assertThat(instance).hasPassed("task-individuals", "task-notary").isWaitingAt("task-scans");
    assertThat(runtime.getVariables(instance.getId())).containsEntry("powerOfAttorneyValid", true)
        .containsEntry("byRepresentative", true);
    Task scans = ArchivalTestSupport.task(engine, instance, "task-scans");
    assertThat(scans.getAssignee()).isEqualTo(OPERATOR);
    // a representative: the power of attorney is required too
    assertThatThrownBy(() -> tasks.complete(scans.getId(), Map.of("scanIdentityDocument", pdf("id.pdf"),
        "scanWorkRecordBook", pdf("book.pdf")))).hasRootCauseInstanceOf(FormFieldValidationException.class)
        .hasMessageContaining("Сенімхат / Доверенность (scanPowerOfAttorney)");
    tasks.complete(scans.getId(), Map.of("scanIdentityDocument", pdf("id.pdf"), "scanWorkRecordBook", pdf("book.pdf"),
        "scanPowerOfAttorney", pdf("poa.pdf")));
    runDue(engine, instance.getId());

    tasks.complete(ArchivalTestSupport.task(engine, instance, "task-sign").getId(), Map.of("requestSignature",
        Variables.fileValue("request.cms").file(signer(OPERATOR).signAttached(requestDocument(instance))).create()));
    runDue(engine, instance.getId());
    String number = (String) runtime.getVariable(instance.getId(), "applicationNumber");
    assertThat(number).startsWith("KZ-MANGYSTAU-");
    assertThat(runtime.getVariable(child(engine, instance, "archival-certificate-archives").getId(),
        "applicationNumber")).isEqualTo(number);

    Task process = ArchivalTestSupport.task(engine, instance, "task-process");
    assertThat(tasks.getIdentityLinksForTask(process.getId())).anyMatch(l -> "mangystau-employee".equals(l.getGroupId()));
    tasks.complete(process.getId(), Map.of("decision", "issue", "confirmedInformation",
        "2003–2011 жылдардағы жалақы мөлшері туралы мәліметтер / сведения о заработной плате за 2003–2011 годы"));
    runDue(engine, instance.getId());

    // the result comes back to the service center: its operators hand it over
    Task give = ArchivalTestSupport.task(engine, instance, "task-hand-over");
    assertThat(tasks.getIdentityLinksForTask(give.getId()))
        .anyMatch(l -> "service-center-operator".equals(l.getGroupId()));
    tasks.complete(give.getId(), Map.of("recipientName", "Касымова Айгерим (по доверенности)", "identityChecked", true));

    assertThat(instance).isEnded().hasPassed("end-certificate");
    Map<String, Object> ended = ended(instance);
    assertThat(ended).containsEntry("outcome", "issued").containsEntry("applicationNumber", number)
        .containsEntry("resultDocumentNumber", number + "-AC");
  }

  @Test
  void aUserWhoIsNoOperatorIsRefusedAtP2() {
    identity.setAuthentication("mangystau.employee", List.of("mangystau", "mangystau-employee"));
    try {
      assertThatThrownBy(() -> runtime.startProcessInstanceByKey(KEY)).isInstanceOf(AuthorizationException.class);
    } finally {
      identity.clearAuthentication();
    }
    ProcessInstance instance = startAs("admin", List.of("camunda-admin"));
    assertThat(instance).isEnded().hasPassed("end-not-authorised");
    assertThat((String) ended(instance).get("refusalReason"))
        .isEqualTo("Authorisation refused: The operator's data are not authentic: admin is not a member of"
            + " service-center-operator");
  }

  @Test
  void aPowerOfAttorneyOfAnotherPrincipalEndsAtT34() {
    ProcessInstance instance = startAs(OPERATOR, List.of("service-center-operator"));
    Map<String, Object> request = LocalExecutiveBodyProcessTest.request("education");
    request.put("representativeIin", "900710400568");
    request.put("powerOfAttorneyNumber", "N-2026-000145"); // given by a company, not by the applicant
    tasks.complete(ArchivalTestSupport.task(engine, instance, "task-fill").getId(), request);
    runDue(engine, instance.getId());

    assertThat(instance).isEnded().hasPassed("end-no-data").hasNotPassed("task-scans");
    Map<String, Object> ended = ended(instance);
    assertThat(ended).containsEntry("refusalStep", "T3.4");
    assertThat((String) ended.get("refusalReason")).isEqualTo("The data cannot be obtained: Power of attorney"
        + " N-2026-000145 was given by 040540000123, not by the applicant 850315300128");
  }

  @Test
  void aRequestSignedWithTheApplicantsKeyInsteadOfTheOperatorsIsRefusedAtP5() throws Exception {
    ProcessInstance instance = startAs(OPERATOR, List.of("service-center-operator"));
    tasks.complete(ArchivalTestSupport.task(engine, instance, "task-fill").getId(),
        LocalExecutiveBodyProcessTest.request("other"));
    runDue(engine, instance.getId());
    tasks.complete(ArchivalTestSupport.task(engine, instance, "task-scans").getId(),
        Map.of("scanIdentityDocument", pdf("id.pdf")));
    runDue(engine, instance.getId());
    DemoPki.Material material = demoPki.ensure();
    tasks.complete(ArchivalTestSupport.task(engine, instance, "task-sign").getId(), Map.of("requestSignature",
        Variables.fileValue("request.cms").file(DemoSigner.fromPkcs12(material.applicantKeyStore(), material.password())
            .signAttached(requestDocument(instance))).create()));
    runDue(engine, instance.getId());

    assertThat(instance).isEnded().hasPassed("end-signature-refused");
    Map<String, Object> ended = ended(instance);
    assertThat(ended).containsEntry("refusalStep", "P5");
    assertThat((String) ended.get("signatureReasons")).contains("IIN_MISMATCH");
  }

  // --- helpers

  private byte[] requestDocument(ProcessInstance instance) {
    JsonValue document = runtime.getVariableTyped(instance.getId(), SignedRequests.DOCUMENT, false);
    return document.getValueSerialized().getBytes(StandardCharsets.UTF_8);
  }

  private DemoSigner signer(String user) throws Exception {
    return DemoSigner.fromPkcs12(demoPki.staffKeyStore(user), "demo");
  }

  private ProcessInstance startAs(String user, List<String> groups) {
    identity.setAuthentication(user, groups);
    try {
      return runtime.startProcessInstanceByKey(KEY);
    } finally {
      identity.clearAuthentication();
    }
  }

  private Map<String, Object> ended(ProcessInstance instance) {
    Map<String, Object> values = new HashMap<>();
    history.createHistoricVariableInstanceQuery().processInstanceId(instance.getId()).list()
        .forEach(v -> values.put(v.getName(), v.getValue()));
    return values;
  }
}
