package kz.egov.workflow.archival;

import static kz.egov.workflow.archival.ArchivalTestSupport.runDue;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import kz.egov.workflow.scrapmetal.DemoSigner;
import kz.egov.workflow.signature.DemoPki;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
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
 * R4 diagram №3 (processes/archival-certificate/portal.bpmn) started as the portal's system would, every branch:
 * an unknown portal login (P2), a signature that is not the applicant's (P5), required scans missing (T1.7), the
 * archival certificate and the archives' refusal in the cabinet (P7); and the archives' deadline: the head is
 * reminded two working days before, the application is marked overdue at the deadline, never refused.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"demo", "test"})
class PortalAndArchivesProcessTest {

  static final String KEY = "archival-certificate-portal";

  @Autowired ProcessEngine engine;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired HistoryService history;
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
  void anUnknownPortalLoginIsRefusedAtP2() throws Exception {
    ProcessInstance instance = start("950615300010", applicant().signAttached(new byte[] {1}), "other");
    runDue(engine, instance.getId());
    assertThat(instance).isEnded().hasPassed("end-not-authorised");
    assertThat(ended(instance)).containsEntry("refusalStep", "P2").containsEntry("portalAccountValid", false);
  }

  @Test
  void aSignatureThatIsNotTheApplicantsIsRefusedAtP5() throws Exception {
    ProcessInstance instance = start(DemoPki.applicantIin(),
        DemoSigner.fromPkcs12(demoPki.staffKeyStore("mangystau.employee"), "demo").signAttached(new byte[] {1}), "other");
    runDue(engine, instance.getId());
    assertThat(instance).isEnded().hasPassed("end-signature-refused").hasNotPassed("task-register");
    assertThat((String) ended(instance).get("signatureReasons")).contains("IIN_MISMATCH");
  }

  @Test
  void requiredScansMissingEndInAMotivatedRefusalInTheCabinetAtT17() throws Exception {
    ProcessInstance instance = start(DemoPki.applicantIin(), applicant().signAttached(new byte[] {1}), "education");
    runDue(engine, instance.getId());
    assertThat(instance).isEnded().hasPassed("task-register", "task-documents-refusal", "call-deliver",
        "end-documents-refused").hasNotPassed("call-archives");
    Map<String, Object> ended = ended(instance);
    assertThat(ended).containsEntry("refusalStep", "T1.7").containsEntry("resultDocumentKind", "refusal")
        .containsEntry("missingDocuments", "educationDocument");
    assertThat((String) ended.get("resultDocumentNumber")).endsWith("-REF");
  }

  @Test
  void theCertificateAndTheRefusalReachTheCabinetAtP7() throws Exception {
    ProcessInstance issued = start(DemoPki.applicantIin(), applicant().signAttached(new byte[] {1}), "awards");
    runDue(engine, issued.getId());
    tasks.complete(ArchivalTestSupport.task(engine, issued, "task-process").getId(), Map.of("decision", "issue",
        "confirmedInformation", "1986 жылы «Құрмет белгісі» орденімен марапатталған / награждён орденом «Знак Почёта» в 1986 году"));
    runDue(engine, issued.getId());
    assertThat(issued).isEnded().hasPassed("end-certificate");
    assertThat(ended(issued)).containsEntry("outcome", "issued").containsEntry("resultDocumentKind", "archival-certificate");

    ProcessInstance refused = start(DemoPki.applicantIin(), applicant().signAttached(new byte[] {1}), "other");
    runDue(engine, refused.getId());
    tasks.complete(ArchivalTestSupport.task(engine, refused, "task-process").getId(), Map.of("decision", "refuse",
        "decisionReason", "Сұралған мәліметтер мемлекеттік мұрағатта сақталмайды"));
    runDue(engine, refused.getId());
    assertThat(refused).isEnded().hasPassed("end-refused");
    assertThat(ended(refused)).containsEntry("refusalStep", "P7").containsEntry("outcome", "refused");
  }

  @Test
  void theArchivesRemindTheHeadAndMarkTheApplicationOverdueButNeverRefuse() throws Exception {
    ProcessInstance instance = start(DemoPki.applicantIin(), applicant().signAttached(new byte[] {1}), "other");
    runDue(engine, instance.getId());
    Task process = ArchivalTestSupport.task(engine, instance, "task-process");
    Date deadline = (Date) runtime.getVariable(instance.getId(), "deadlineAt");
    assertThat(process.getDueDate()).isEqualTo(deadline);

    ClockUtil.setCurrentTime(Date.from(deadline.toInstant().plus(1, ChronoUnit.MINUTES)));
    runDue(engine, instance.getId());
    Task late = ArchivalTestSupport.task(engine, instance, "task-process");
    assertThat(late.getId()).as("still with the archives").isEqualTo(process.getId());
    assertThat(late.getPriority()).isEqualTo(90);
    assertThat(tasks.getIdentityLinksForTask(late.getId())).anyMatch(l -> "mangystau-head".equals(l.getGroupId()));
    ProcessInstance archives = ArchivalTestSupport.child(engine, instance, "archival-certificate-archives");
    assertThat(runtime.getVariable(archives.getId(), "overdue")).isEqualTo(true);

    tasks.complete(late.getId(), Map.of("decision", "issue", "confirmedInformation", "Мәліметтер расталды / сведения подтверждены"));
    runDue(engine, instance.getId());
    assertThat(instance).isEnded().hasPassed("end-certificate");
    assertThat(ended(instance)).containsEntry("overdue", true).containsEntry("outcome", "issued");
  }

  // --- helpers

  private DemoSigner applicant() throws Exception {
    DemoPki.Material material = demoPki.ensure();
    return DemoSigner.fromPkcs12(material.applicantKeyStore(), material.password());
  }

  private ProcessInstance start(String login, byte[] cms, String kind) {
    Map<String, Object> variables = new HashMap<>();
    variables.put("applicantId", DemoPki.applicantIin());
    variables.put("applicantName", "Демо Заявитель Демович");
    variables.put("portalLogin", login);
    variables.put("cms", cms);
    variables.put("formData", SpinValues.jsonValue("{\"archivalCertificateKind\": \"" + kind + "\","
        + " \"requestedInformation\": \"Мұрағаттық мәліметтер / архивные сведения\", \"delivery\": \"cabinet\"}").create());
    return runtime.startProcessInstanceByKey(KEY, "R4-PORTAL-" + UUID.randomUUID(), variables);
  }

  private Map<String, Object> ended(ProcessInstance instance) {
    Map<String, Object> values = new HashMap<>();
    history.createHistoricVariableInstanceQuery().processInstanceId(instance.getId()).list()
        .forEach(v -> values.put(v.getName(), v.getValue()));
    return values;
  }
}
