package kz.egov.workflow.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import kz.egov.workflow.process.Jobs;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * R2 diagram №2 (processes/scrap-metal-license/provider.bpmn) as its people see it in a real browser:
 * the provider employee starts the service in Tasklist, enters the applicant (Camunda Form, P3), marks the
 * paper documents and uploads the scan (embedded form, P6), and decides through the role's filter (refusal
 * with its reason, and the licence); a clerk of another provider does not see the task; the auditor finds
 * the application in Cockpit. The job executor is off in tests: the test runs due jobs between the steps.
 */
@EnabledIfChromium
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"demo", "test"})
class TasklistJourneyTest {

  @RegisterExtension static final Browser browser = new Browser();

  static final String KEY = "scrap-metal-license-provider";
  static final String EMPLOYEE_FILTER = "Қызмет берушінің қызметкері / Сотрудник услугодателя · wko";
  static final String REFUSAL_REASON = "Нет прибора радиационного контроля на площадке";
  static final byte[] PDF = "%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired ManagementService management;
  @Autowired HistoryService history;
  @Autowired IdentityService identity;

  @BeforeEach
  void init() {
    BpmnAwareTests.init(engine);
  }

  @Test
  void theEmployeeEntersTheApplicationUploadsTheScanAndRefusesWithAReason() throws IOException {
    signIn("tasklist", "wko.employee", "demo");
    browser.visible(filter(EMPLOYEE_FILTER));
    browser.step("signed-in");

    // start the service from Tasklist's "Start process" dialogue, as the employee does at the counter
    Set<String> before = enterDataTaskIds();
    browser.click(By.xpath("//a[contains(normalize-space(.), 'Start process')]"));
    browser.click(By.xpath("//a[contains(., 'R2 Scrap-metal licence via the provider')]"));
    browser.step("start-dialogue");
    browser.click(By.xpath("//button[normalize-space(.)='Start']"));
    Task enter = browser.waitFor(driver -> tasks.createTaskQuery().taskDefinitionKey("task-enter-data")
        .taskAssignee("wko.employee").list().stream().filter(t -> !before.contains(t.getId())).findFirst().orElse(null));
    ProcessInstance instance = runtime.createProcessInstanceQuery().processInstanceId(enter.getProcessInstanceId())
        .singleResult();
    assertThat(instance).isWaitingAt("task-enter-data");

    // P3: the Camunda Form applicant-data.form
    openThroughFilter(EMPLOYEE_FILTER, enter);
    browser.click(formField("requestKind-display"));
    browser.click(By.xpath("//*[contains(@class, 'fjs-dropdownlist-item')][contains(., 'Выдача лицензии')]"));
    browser.type(formField("applicantId"), "040540000123");
    browser.type(formField("companyName"), "ТОО \"Батыс Металл Трейд\"");
    browser.type(formField("siteAddress"), "Уральск, Промзона, 3");
    browser.click(formField("metals-0"));
    browser.click(formField("subtypes-0"));
    browser.click(formField("subtypes-3"));
    browser.step("p3-filled");
    completeInBrowser(enter);
    Jobs.runDue(management, instance.getId());
    assertThat(instance).hasPassed("task-legal-entities", "task-notary").isWaitingAt("task-scans");
    assertThat(runtime.getVariable(instance.getId(), "applicantId")).isEqualTo("040540000123");

    // P6: the embedded form scans.html, a real file chosen in its file input
    Task scans = task(instance, "task-scans");
    Path scan = Files.createDirectories(Path.of("target", "browser-scans")).resolve("application-scan.pdf");
    Files.write(scan, PDF);
    openThroughFilter(EMPLOYEE_FILTER, scans);
    browser.visible(By.xpath("//strong[contains(., 'Батыс Металл Трейд')]"));
    browser.click(By.cssSelector("input[cam-variable-name='paperApplication']"));
    browser.driver().findElement(By.cssSelector("input[cam-variable-name='scanApplication']"))
        .sendKeys(scan.toAbsolutePath().toString());
    browser.step("p6-filled");
    completeInBrowser(scans);
    Jobs.runDue(management, instance.getId());
    assertThat(instance).hasPassed("task-register").isWaitingAt("task-decide");
    Map<String, Object> variables = runtime.getVariables(instance.getId());
    assertThat(variables).containsEntry("paperApplication", true);
    assertThat(variables.get("scanApplication")).as("the uploaded scan").isNotNull();
    assertThat(variables).as("file inputs left empty are no scans").doesNotContainKeys("scanPremises", "scanOther");

    // the decision, found through the role's filter: the refusal with its reason (decision.form)
    decide(task(instance, "task-decide"), "refuse", REFUSAL_REASON);
    Jobs.runDue(management, instance.getId());

    assertThat(instance).isEnded().hasPassed("task-sign-refusal", "end-refused").hasNotPassed("end-licence");
    Map<String, Object> ended = variables(instance);
    assertThat(ended).containsEntry("decision", "refuse").containsEntry("refusalStep", "P8");
    assertThat((String) ended.get("refusalReasonRu"))
        .isEqualTo("Отказ в оказании услуги (мотивированный отказ): " + REFUSAL_REASON);
  }

  @Test
  void theEmployeeIssuesTheLicenceThroughTheRoleFilter() {
    ProcessInstance instance = waitingForTheDecision();
    signIn("tasklist", "wko.employee", "demo");

    decide(task(instance, "task-decide"), "issue", null);
    Jobs.runDue(management, instance.getId());

    assertThat(instance).isEnded().hasPassed("task-issue-licence", "task-sign-licence", "end-licence")
        .hasNotPassed("end-refused");
    assertThat(variables(instance)).containsEntry("outcome", "issued")
        .containsEntry("resultDocumentKind", "licence");
  }

  @Test
  void aClerkOfAnotherProviderDoesNotSeeTheTask() {
    ProcessInstance instance = waitingForTheDecision();
    Task decide = task(instance, "task-decide");
    signIn("tasklist", "akmola.clerk", "demo");

    browser.visible(filter("Кеңсе қызметкері / Сотрудник канцелярии · akmola"));
    assertThat(browser.find(filter(EMPLOYEE_FILTER))).as("wko's filter is not offered to akmola").isEmpty();
    for (String name : List.of("Кеңсе қызметкері / Сотрудник канцелярии · akmola", "Менің тапсырмаларым / Мои задачи")) {
      browser.click(filter(name));
      waitForTheList();
      assertThat(browser.find(taskCard(decide))).as("the wko task in akmola's filter " + name).isEmpty();
    }
    browser.step("akmola-filters");

    // nor by its address: Tasklist cannot load it, so there is no form to complete
    browser.open(tasklist() + "#/?task=" + decide.getId());
    browser.waitFor(driver -> browser.find(By.cssSelector(".notifications .alert-danger, .notifications .alert-warning,"
        + " .task-details .alert")).isPresent() || browser.find(By.xpath("//*[contains(., 'Select a task in the list')]"))
        .isPresent());
    browser.step("task-by-address");
    assertThat(browser.find(By.cssSelector("button[ng-click='complete()']"))).isEmpty();
    assertThat(browser.find(By.xpath("//*[contains(@class, 'fjs-form')]"))).isEmpty();
    assertThat(instance).isWaitingAt("task-decide");
  }

  @Test
  void theAuditorFollowsTheApplicationInCockpit() {
    ProcessInstance instance = waitingForTheDecision();
    signIn("cockpit", "auditor", "demo");
    browser.visible(By.xpath("//*[contains(@class, 'dashboard')] | //a[contains(., 'Processes')]"));
    browser.step("cockpit-signed-in");

    browser.open(cockpit() + "#/processes");
    browser.click(By.xpath("//a[contains(., 'R2 Scrap-metal licence via the provider')]"));
    browser.visible(By.xpath("//a[contains(@href, '" + instance.getId() + "')]"));
    browser.step("definition-with-instances");
    browser.click(By.xpath("//a[contains(@href, '" + instance.getId() + "')]"));
    // where the application stands: the decision task waits in the diagram and in the instance's user tasks
    browser.visible(By.cssSelector("[data-element-id='task-decide']"));
    browser.click(By.xpath("//a[normalize-space(.)='User Tasks']"));
    browser.visible(By.xpath("//td[contains(., 'Check the qualification requirements')]"));
    browser.step("instance");
  }

  // --- steps in the browser

  private void signIn(String app, String user, String password) {
    browser.signOut(base() + "/camunda/app/welcome/");
    browser.open(base() + "/camunda/app/" + app + "/");
    browser.type(By.cssSelector("input[ng-model=username]"), user);
    browser.type(By.cssSelector("input[ng-model=password]"), password);
    browser.click(By.cssSelector("button[type=submit]"));
    browser.waitFor(driver -> browser.find(By.cssSelector("input[ng-model=username]")).isEmpty()
        || !browser.find(By.cssSelector("input[ng-model=username]")).get().isDisplayed());
  }

  private void openThroughFilter(String filterName, Task task) {
    browser.open(tasklist());
    browser.click(filter(filterName));
    browser.click(taskCard(task));
    browser.visible(By.xpath("//h2[contains(., '" + task.getName() + "')]"));
    browser.step("opened-" + task.getTaskDefinitionKey());
  }

  private void completeInBrowser(Task task) {
    browser.click(By.cssSelector("button[ng-click='complete()']"));
    browser.waitFor(driver -> tasks.createTaskQuery().taskId(task.getId()).count() == 0);
    browser.step("completed-" + task.getTaskDefinitionKey());
  }

  /** decision.form: the decision radio (issue/refuse) and, for a refusal, its reason; claimed first. */
  private void decide(Task decide, String decision, String reason) {
    openThroughFilter(EMPLOYEE_FILTER, decide);
    browser.click(By.cssSelector("[ng-click='claim()']"));
    browser.waitFor(driver -> "wko.employee".equals(tasks.createTaskQuery().taskId(decide.getId()).singleResult()
        .getAssignee()));
    browser.click(formField("decision-" + ("issue".equals(decision) ? 0 : 1)));
    if (reason != null) {
      browser.type(formField("decisionReason"), reason);
    }
    browser.step("decision-" + decision);
    completeInBrowser(decide);
  }

  private void waitForTheList() {
    browser.waitFor(driver -> browser.find(By.cssSelector("li.task")).isPresent()
        || browser.find(By.xpath("//*[contains(., 'No task matching filters found')]")).isPresent());
  }

  private static By filter(String name) {
    return By.xpath("//*[contains(@class, 'task-filter')]//h4[contains(normalize-space(.), '" + name + "')]/a");
  }

  private static By taskCard(Task task) {
    return By.cssSelector("li.task a[href*='task=" + task.getId() + "']");
  }

  /** A form-js field by its key: form-js names the input fjs-form-<random>-<key>. */
  private static By formField(String key) {
    return By.cssSelector(".fjs-form [id$='-" + key + "']");
  }

  private String base() {
    return "http://localhost:" + port;
  }

  private String tasklist() {
    return base() + "/camunda/app/tasklist/default/";
  }

  private String cockpit() {
    return base() + "/camunda/app/cockpit/default/";
  }

  // --- instances prepared through the engine (what the first journey does in the browser)

  private ProcessInstance waitingForTheDecision() {
    identity.setAuthentication("wko.employee", List.of("wko", "wko-employee"));
    ProcessInstance instance;
    try {
      instance = runtime.startProcessInstanceByKey(KEY);
    } finally {
      identity.clearAuthentication();
    }
    Map<String, Object> data = new HashMap<>();
    data.put("requestKind", "issuance");
    data.put("applicantId", "040540000123");
    data.put("companyName", "ТОО \"Батыс Металл Трейд\"");
    data.put("siteAddress", "Уральск, Промзона, 3");
    data.put("metals", Variables.objectValue(List.of("ferrous")).serializationDataFormat("application/json").create());
    data.put("subtypes", Variables.objectValue(List.of("collection")).serializationDataFormat("application/json").create());
    data.put("powerOfAttorneyNotarised", false);
    tasks.complete(task(instance, "task-enter-data").getId(), data);
    Jobs.runDue(management, instance.getId());
    tasks.complete(task(instance, "task-scans").getId(), Map.of("paperApplication", true,
        "scanApplication", Variables.fileValue("application.pdf").file(PDF).mimeType("application/pdf").create()));
    Jobs.runDue(management, instance.getId());
    assertThat(instance).isWaitingAt("task-decide");
    return instance;
  }

  private Set<String> enterDataTaskIds() {
    return tasks.createTaskQuery().taskDefinitionKey("task-enter-data").list().stream().map(Task::getId)
        .collect(Collectors.toSet());
  }

  /** The instance's own variables as history keeps them after its end. */
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

  private Task task(ProcessInstance instance, String definitionKey) {
    return tasks.createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey(definitionKey).singleResult();
  }
}
