package kz.egov.workflow.access;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import kz.egov.workflow.process.Jobs;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;

/**
 * One provider's staff cannot see, claim or complete another provider's tasks nor read its applications, through
 * every door: {@code /engine-rest}, the webapps' REST API that Tasklist calls, and {@code /api/v1}. The two
 * providers: wko (R2, processes/scrap-metal-license/provider.bpmn) and akmola (a test diagram of its regulation,
 * src/test/resources/access). The portal and the service centers read only what they submitted.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"demo", "test"})
class IsolationTest {

  static final String WKO_KEY = "scrap-metal-license-provider";
  static final String AKMOLA_KEY = "cultural-export-2013-isolation-test";
  static final String COMPANY = "ТОО \"Изоляция Металл\"";
  static final byte[] PDF = "%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

  @Autowired TestRestTemplate http;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired HistoryService history;
  @Autowired ManagementService management;
  @Autowired RepositoryService repository;
  @Autowired IdentityService identity;
  @Autowired AccessModel accessModel;

  @BeforeEach
  void deployTheSecondProvidersDiagram() {
    if (repository.createProcessDefinitionQuery().processDefinitionKey(AKMOLA_KEY).count() == 0) {
      repository.createDeployment().name("isolation tests")
          .addClasspathResource("access/cultural-export-isolation.bpmn").deploy();
      // as at every start: authorizations for the definitions now deployed
      accessModel.apply();
    }
    if (repository.createProcessDefinitionQuery().processDefinitionKey("test-licence-portal").count() == 0) {
      repository.createDeployment().name("application API tests")
          .addClasspathResource("applications/test-licence-portal.bpmn")
          .addClasspathResource("applications/test-licence-provider.bpmn").deploy();
    }
  }

  @Test
  void anotherProvidersStaffNeitherSeeNorTouchItsWorkThroughEngineRestOrTasklist() {
    ProcessInstance wko = wkoWaitingForTheDecision();
    Task decide = tasks.createTaskQuery().processInstanceId(wko.getId()).taskDefinitionKey("task-decide").singleResult();
    tasks.createComment(decide.getId(), wko.getId(), "Проверено: площадка соответствует");
    tasks.createAttachment("application/pdf", decide.getId(), wko.getId(), "act.pdf", "Акт осмотра",
        new java.io.ByteArrayInputStream(PDF));
    ProcessInstance akmola = runtime.startProcessInstanceByKey(AKMOLA_KEY, Map.of("applicantName", "Сейтқали Айгүл"));
    Task examine = tasks.createTaskQuery().processInstanceId(akmola.getId()).singleResult();

    for (EngineApi api : List.of(EngineApi.engineRest(http, "akmola.clerk", "demo"),
        EngineApi.webapp(http, "tasklist", "akmola.clerk", "demo"),
        EngineApi.engineRest(http, "akmola.employee", "demo"))) {
      assertSeesNothingOf(api, wko, decide, COMPANY);
    }
    for (EngineApi api : List.of(EngineApi.engineRest(http, "wko.employee", "demo"),
        EngineApi.webapp(http, "tasklist", "wko.employee", "demo"))) {
      assertSeesNothingOf(api, akmola, examine, "Сейтқали");
    }

    // each provider's own staff do see their own work, through both doors (the control of the above)
    EngineApi wkoRest = EngineApi.engineRest(http, "wko.employee", "demo");
    EngineApi wkoTasklist = EngineApi.webapp(http, "tasklist", "wko.employee", "demo");
    for (EngineApi own : List.of(wkoRest, wkoTasklist)) {
      assertThat(own.get("/task/" + decide.getId()).status()).as("%s", own).isEqualTo(200);
      assertThat(own.get("/process-instance/" + wko.getId() + "/variables").body()).contains("Изоляция Металл");
      assertThat(own.get("/history/variable-instance?processInstanceId=" + wko.getId()).body())
          .contains("Изоляция Металл");
      assertThat(own.get("/task/" + decide.getId() + "/comment").body()).contains("площадка соответствует");
      assertThat(own.get("/task/" + decide.getId() + "/attachment").body()).contains("act.pdf");
      assertThat(own.post("/task/" + decide.getId() + "/comment/create", "{\"message\":\"Площадка осмотрена\"}")
          .status()).as("%s comments on its own provider's task", own).isEqualTo(200);
    }
    EngineApi.Answer claimed = EngineApi.webapp(http, "tasklist", "akmola.clerk", "demo")
        .post("/task/" + examine.getId() + "/claim", "{\"userId\":\"akmola.clerk\"}");
    assertThat(claimed.status()).as(claimed.body()).isEqualTo(204);

    // nothing changed through the refused calls
    assertThat(tasks.createTaskQuery().taskId(decide.getId()).singleResult().getAssignee()).isNull();
    assertThat(runtime.getVariable(wko.getId(), "intruded")).isNull();
    assertThat(history.createHistoricProcessInstanceQuery().processDefinitionKey(WKO_KEY).startedBy("akmola.clerk")
        .count()).isZero();
    assertThat(tasks.getTaskComments(decide.getId())).extracting(c -> c.getFullMessage()).doesNotContain("intrusion");
  }

  @Test
  void aTaskIsClaimedForOneselfNotHandedToAnotherProvidersStaff() {
    ProcessInstance wko = wkoWaitingForTheDecision();
    Task decide = tasks.createTaskQuery().processInstanceId(wko.getId()).taskDefinitionKey("task-decide").singleResult();
    EngineApi akmola = EngineApi.engineRest(http, "akmola.employee", "demo");

    for (EngineApi wkoEmployee : List.of(EngineApi.engineRest(http, "wko.employee", "demo"),
        EngineApi.webapp(http, "tasklist", "wko.employee", "demo"))) {
      EngineApi.Answer handed = wkoEmployee.post("/task/" + decide.getId() + "/claim",
          "{\"userId\":\"akmola.employee\"}");
      assertThat(handed.status()).as("%s: %s", wkoEmployee, handed.body()).isEqualTo(403);
      assertThat(handed.json().path("message").asText()).contains("claimed for oneself");
      assertThat(tasks.createTaskQuery().taskId(decide.getId()).singleResult().getAssignee()).isNull();
      assertThat(akmola.get("/task/" + decide.getId()).ok()).isFalse();
    }
    // an administrator assigns work to whomever he likes (within the task's group)
    EngineApi admin = EngineApi.engineRest(http, "admin", "admin");
    assertThat(admin.post("/task/" + decide.getId() + "/claim", "{\"userId\":\"wko.clerk\"}").status()).isEqualTo(204);
    assertThat(admin.post("/task/" + decide.getId() + "/unclaim", "").status()).isEqualTo(204);
    // and claiming for oneself works as before
    assertThat(EngineApi.engineRest(http, "wko.employee", "demo").post("/task/" + decide.getId() + "/claim",
        "{\"userId\":\"wko.employee\"}").status()).isEqualTo(204);
    assertThat(tasks.createTaskQuery().taskId(decide.getId()).singleResult().getAssignee()).isEqualTo("wko.employee");
  }

  @Test
  void aStartThroughTheRestApiNamesNoOtherSubmitter() {
    for (EngineApi api : List.of(EngineApi.engineRest(http, "wko.employee", "demo"),
        EngineApi.webapp(http, "tasklist", "wko.employee", "demo"))) {
      EngineApi.Answer start = api.post("/process-definition/key/" + WKO_KEY + "/start",
          "{\"variables\":{\"submittedBy\":{\"value\":\"akmola.clerk\",\"type\":\"String\"}}}");
      assertThat(start.status()).as("%s: %s", api, start.body()).isEqualTo(400);
      assertThat(start.body()).contains("submittedBy", "not the signed-in user");
    }
    assertThat(runtime.createProcessInstanceQuery().processDefinitionKey(WKO_KEY)
        .variableValueEquals("submittedBy", "akmola.clerk").count()).isZero();
  }

  @Test
  void theApplicationApiAnswersAnotherProvidersStaffAsIfTheApplicationDidNotExist() {
    ProcessInstance wko = wkoWaitingForTheDecision();
    String id = wko.getBusinessKey();
    for (String stranger : List.of("akmola.clerk", "akmola.head", "mangystau.employee", "operator")) {
      assertThat(http.withBasicAuth(stranger, "demo").getForEntity("/api/v1/applications/" + id, String.class)
          .getStatusCode()).as(stranger).isEqualTo(HttpStatus.NOT_FOUND);
      assertThat(http.withBasicAuth(stranger, "demo").getForEntity("/api/v1/applications/" + id + "/attachments",
          String.class).getStatusCode()).as(stranger).isEqualTo(HttpStatus.NOT_FOUND);
      assertThat(http.withBasicAuth(stranger, "demo").getForEntity("/api/v1/applications/" + id + "/result",
          String.class).getStatusCode().is2xxSuccessful()).as(stranger).isFalse();
    }
    for (String reader : List.of("wko.employee", "wko.head", "auditor")) {
      ResponseEntity<JsonNode> read = http.withBasicAuth(reader, "demo").getForEntity("/api/v1/applications/" + id,
          JsonNode.class);
      assertThat(read.getStatusCode()).as(reader).isEqualTo(HttpStatus.OK);
      assertThat(read.getBody().path("applicant").path("name").asText()).isEqualTo(COMPANY);
    }
  }

  @Test
  void thePortalAndTheServiceCentersReadOnlyWhatTheySubmitted() {
    ensureUser("portal-2", "portal-system");
    String ours = portalApplication("portal");
    String theirs = portalApplication("portal-2");
    TestRestTemplate portal = http.withBasicAuth("portal", "demo");

    assertThat(portal.getForEntity("/api/v1/applications/" + ours, String.class).getStatusCode())
        .isEqualTo(HttpStatus.OK);
    assertThat(portal.getForEntity("/api/v1/applications/" + theirs, String.class).getStatusCode())
        .as("another member of the portal's group submitted it").isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(http.withBasicAuth("service-center", "demo").getForEntity("/api/v1/applications/" + ours, String.class)
        .getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(http.withBasicAuth("portal-2", "demo").getForEntity("/api/v1/applications/" + theirs, String.class)
        .getStatusCode()).isEqualTo(HttpStatus.OK);

    JsonNode listed = portal.getForEntity("/api/v1/applications?applicantId=110840001237", JsonNode.class).getBody();
    assertThat(listed.path("items").findValuesAsText("id")).contains(ours).doesNotContain(theirs);

    // and the engine shows the technical users no instance at all: they start, the API answers
    EngineApi rest = EngineApi.engineRest(http, "portal", "demo");
    assertThat(rest.get("/history/process-instance?processInstanceBusinessKey=" + ours).json()).isEmpty();
    assertThat(rest.get("/process-instance?businessKey=" + ours).json()).isEmpty();
  }

  // ---- assertions and fixtures --------------------------------------------------------------------------

  /** Every read answers nothing of the instance, every change is refused; the applicant's name never shows. */
  private static void assertSeesNothingOf(EngineApi api, ProcessInstance instance, Task task, String secret) {
    String pi = instance.getId();
    String t = task.getId();
    Function<String, String> label = path -> api + ": " + path;
    for (String list : List.of("/task?processInstanceId=" + pi, "/task?processInstanceBusinessKey="
        + instance.getBusinessKey(), "/process-instance?processInstanceIds=" + pi,
        "/variable-instance?processInstanceIdIn=" + pi, "/execution?processInstanceId=" + pi,
        "/job?processInstanceId=" + pi, "/incident?processInstanceId=" + pi,
        "/history/process-instance?processInstanceId=" + pi, "/history/variable-instance?processInstanceId=" + pi,
        "/history/task?processInstanceId=" + pi, "/history/activity-instance?processInstanceId=" + pi,
        "/history/detail?processInstanceId=" + pi, "/history/user-operation?processInstanceId=" + pi,
        "/history/incident?processInstanceId=" + pi, "/history/job-log?processInstanceId=" + pi)) {
      EngineApi.Answer answer = api.get(list);
      assertThat(answer.status()).as(label.apply(list)).isEqualTo(200);
      assertThat(answer.json()).as(label.apply(list)).isEmpty();
    }
    for (String read : List.of("/task/" + t, "/task/" + t + "/variables", "/task/" + t + "/form-variables",
        "/task/" + t + "/comment", "/task/" + t + "/attachment", "/task/" + t + "/identity-links",
        "/process-instance/" + pi, "/process-instance/" + pi + "/variables",
        "/process-instance/" + pi + "/activity-instances", "/history/process-instance/" + pi,
        "/process-definition/" + instance.getProcessDefinitionId(),
        "/process-definition/" + instance.getProcessDefinitionId() + "/xml")) {
      EngineApi.Answer answer = api.get(read);
      assertThat(answer.ok()).as(label.apply(read) + " answered " + answer.status()).isFalse();
      assertThat(answer.body() == null ? "" : answer.body()).as(label.apply(read)).doesNotContain(secret);
    }
    for (String post : List.of("/task/" + t + "/claim", "/task/" + t + "/complete", "/task/" + t + "/submit-form",
        "/task/" + t + "/comment/create", "/process-definition/" + instance.getProcessDefinitionId() + "/start")) {
      String body = post.endsWith("/claim") ? "{\"userId\":\"" + callerOf(api) + "\"}"
          : post.endsWith("/comment/create") ? "{\"message\":\"intrusion\"}" : "{\"variables\":{}}";
      EngineApi.assertRefused(api.post(post, body), label.apply(post));
    }
    EngineApi.assertRefused(api.put("/process-instance/" + pi + "/variables/intruded",
        "{\"value\":\"x\",\"type\":\"String\"}"), label.apply("PUT variable"));
    EngineApi.assertRefused(api.put("/task/" + t + "/variables/intruded", "{\"value\":\"x\",\"type\":\"String\"}"),
        label.apply("PUT task variable"));
  }

  private static String callerOf(EngineApi api) {
    String text = api.toString();
    return text.substring(text.lastIndexOf(' ') + 1);
  }

  /** R2 diagram №2 up to the decision (C4), as the employee's Tasklist journey leaves it. */
  private ProcessInstance wkoWaitingForTheDecision() {
    identity.setAuthentication("wko.employee", List.of("wko", "wko-employee"));
    ProcessInstance instance;
    try {
      instance = runtime.startProcessInstanceByKey(WKO_KEY);
    } finally {
      identity.clearAuthentication();
    }
    Map<String, Object> data = new HashMap<>();
    data.put("requestKind", "issuance");
    data.put("applicantId", "040540000123");
    data.put("companyName", COMPANY);
    data.put("siteAddress", "Уральск, Промзона, 7");
    data.put("metals", Variables.objectValue(List.of("ferrous")).serializationDataFormat("application/json").create());
    data.put("subtypes", Variables.objectValue(List.of("collection")).serializationDataFormat("application/json")
        .create());
    data.put("powerOfAttorneyNotarised", false);
    tasks.complete(task(instance, "task-enter-data").getId(), data);
    Jobs.runDue(management, instance.getId());
    tasks.complete(task(instance, "task-scans").getId(), Map.of("paperApplication", true,
        "scanApplication", Variables.fileValue("application.pdf").file(PDF).mimeType("application/pdf").create()));
    Jobs.runDue(management, instance.getId());
    runtime.setVariable(instance.getId(), "applicantName", COMPANY);
    assertThat(task(instance, "task-decide")).as("the decision waits").isNotNull();
    return instance;
  }

  private String portalApplication(String submittedBy) {
    String id = UUID.randomUUID().toString();
    runtime.startProcessInstanceByKey("test-licence-portal", id, Map.of("service", "test-licence",
        "channel", "portal", "requestKind", "issuance", "applicantId", "110840001237",
        "applicantName", "ТОО \"Портал\"", "submittedBy", submittedBy));
    return id;
  }

  private void ensureUser(String id, String group) {
    if (identity.createUserQuery().userId(id).count() == 0) {
      User user = identity.newUser(id);
      user.setFirstName("Second");
      user.setLastName("member");
      user.setPassword("demo");
      identity.saveUser(user);
      identity.createMembership(id, group);
    }
  }

  private Task task(ProcessInstance instance, String definitionKey) {
    return tasks.createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey(definitionKey).singleResult();
  }
}
