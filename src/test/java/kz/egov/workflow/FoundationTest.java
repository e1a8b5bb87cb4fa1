package kz.egov.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.util.LinkedMultiValueMap;

/** The foundation as its users meet it, over real HTTP on H2: deployment, REST security, Tasklist filters, Cockpit. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"demo", "test"})
class FoundationTest {

  @Autowired ProcessEngine engine;
  @Autowired TestRestTemplate http;

  @Test
  void everyDiagramIsDeployedAndRunsOnH2() {
    DiagramRuns.assertEveryDiagramDeployedAndRuns(engine);
  }

  @Test
  void engineRestRequiresAuthentication() {
    assertThat(http.getForEntity("/engine-rest/engine", String.class).getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
    // (a wrong password delays the user's next sign-in by a few seconds: another user here)
    assertThat(http.withBasicAuth("service-center", "wrong").getForEntity("/engine-rest/engine", String.class)
        .getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    ResponseEntity<String> ok = http.withBasicAuth("portal", "demo").getForEntity("/engine-rest/engine", String.class);
    assertThat(ok.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(ok.getBody()).contains("default");
  }

  @Test
  void projectApiRequiresAuthenticationAndTheRightGroup() {
    ResponseEntity<JsonNode> anonymous = http.getForEntity("/api/v1/me", JsonNode.class);
    assertThat(anonymous.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(anonymous.getBody().get("detail").asText()).contains("HTTP Basic");

    ResponseEntity<JsonNode> me = http.withBasicAuth("akmola.clerk", "demo").getForEntity("/api/v1/me", JsonNode.class);
    assertThat(me.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(me.getBody().get("groups").toString()).contains("akmola-clerk", "\"akmola\"");

    assertThat(http.withBasicAuth("akmola.clerk", "demo").getForEntity("/api/v1/access/groups", String.class)
        .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    ResponseEntity<JsonNode> groups = http.withBasicAuth("auditor", "demo").getForEntity("/api/v1/access/groups",
        JsonNode.class);
    assertThat(groups.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(groups.getBody().findValuesAsText("id")).contains("wko-employee", "mangystau-employee",
        "akmola-commission", "committee-head", "service-center-operator", "auditor", "portal-system",
        "payment-gateway");
  }

  @Test
  void eachClerkSeesOnlyItsOwnTasksThroughItsFilter() {
    ProcessInstance instance = engine.getRuntimeService().startProcessInstanceByKey("shared-hand-over-result",
        Map.of("applicationNumber", "KZ-TEST-2026-000002", "handOverGroup", "akmola-clerk"));
    Task task = engine.getTaskService().createTaskQuery().processInstanceId(instance.getId()).singleResult();

    String akmolaFilter = filterId("akmola.clerk", "akmola");
    ResponseEntity<JsonNode> listed = http.withBasicAuth("akmola.clerk", "demo")
        .postForEntity("/engine-rest/filter/" + akmolaFilter + "/list", json("{}"), JsonNode.class);
    assertThat(listed.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(listed.getBody().findValuesAsText("id")).contains(task.getId());

    // a clerk of another provider sees neither the filter nor the task
    JsonNode wkoFilters = http.withBasicAuth("wko.clerk", "demo")
        .getForEntity("/engine-rest/filter?resourceType=Task", JsonNode.class).getBody();
    assertThat(wkoFilters.findValuesAsText("id")).doesNotContain(akmolaFilter);
    assertThat(wkoFilters.findValuesAsText("name")).anyMatch(n -> n.endsWith("wko"));
    JsonNode wkoTasks = http.withBasicAuth("wko.clerk", "demo").getForEntity("/engine-rest/task", JsonNode.class)
        .getBody();
    assertThat(wkoTasks.findValuesAsText("id")).doesNotContain(task.getId());
    assertThat(http.withBasicAuth("wko.clerk", "demo").postForEntity("/engine-rest/task/" + task.getId()
        + "/complete", json("{}"), String.class).getStatusCode().is2xxSuccessful()).isFalse();

    // the akmola clerk claims and completes it over REST, as Tasklist would
    assertThat(http.withBasicAuth("akmola.clerk", "demo").postForEntity("/engine-rest/task/" + task.getId()
        + "/claim", json("{\"userId\":\"akmola.clerk\"}"), String.class).getStatusCode())
        .isEqualTo(HttpStatus.NO_CONTENT);
    assertThat(http.withBasicAuth("akmola.clerk", "demo").postForEntity("/engine-rest/task/" + task.getId()
        + "/complete", json("{\"variables\":{\"recipientName\":{\"value\":\"Ахметова Дана\"},"
        + "\"identityChecked\":{\"value\":true}}}"), String.class).getStatusCode())
        .isEqualTo(HttpStatus.NO_CONTENT);
    assertThat(engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(instance.getId())
        .variableName("recipientName").singleResult().getValue()).isEqualTo("Ахметова Дана");
  }

  @Test
  void auditorReadsEverythingAndChangesNothing() {
    ProcessInstance instance = engine.getRuntimeService().startProcessInstanceByKey("shared-hand-over-result",
        Map.of("applicationNumber", "KZ-TEST-2026-000003", "handOverGroup", "wko-clerk"));
    Task task = engine.getTaskService().createTaskQuery().processInstanceId(instance.getId()).singleResult();
    TestRestTemplate auditor = http.withBasicAuth("auditor", "demo");

    assertThat(auditor.getForEntity("/engine-rest/process-instance/" + instance.getId(), String.class)
        .getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(auditor.getForEntity("/engine-rest/history/activity-instance?processInstanceId=" + instance.getId(),
        JsonNode.class).getBody().size()).isGreaterThanOrEqualTo(2);
    assertThat(auditor.getForEntity("/engine-rest/task/" + task.getId(), String.class).getStatusCode())
        .isEqualTo(HttpStatus.OK);

    assertThat(auditor.postForEntity("/engine-rest/task/" + task.getId() + "/complete", json("{}"), String.class)
        .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(auditor.exchange("/engine-rest/process-instance/" + instance.getId() + "/variables/note",
        HttpMethod.PUT, json("{\"value\":\"x\",\"type\":\"String\"}"), String.class).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(auditor.exchange("/engine-rest/process-instance/" + instance.getId(), HttpMethod.DELETE, null,
        String.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(instance.getId()).count())
        .isEqualTo(1);
    assertThat(engine.getRuntimeService().getVariable(instance.getId(), "note")).isNull();
  }

  @Test
  void webappsLetEachRoleIntoItsOwnApplication() {
    ResponseEntity<String> tasklist = http.getForEntity("/camunda/app/tasklist/", String.class);
    assertThat(tasklist.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(tasklist.getBody()).containsIgnoringCase("<html");

    assertThat(login("akmola.clerk", "tasklist")).isEqualTo(HttpStatus.OK);
    assertThat(login("auditor", "cockpit")).isEqualTo(HttpStatus.OK);
    assertThat(login("akmola.clerk", "cockpit")).isNotEqualTo(HttpStatus.OK);
    assertThat(login("auditor", "admin")).isNotEqualTo(HttpStatus.OK);
    assertThat(login("admin", "admin")).isEqualTo(HttpStatus.OK);
  }

  @Test
  void healthIsPublic() {
    ResponseEntity<String> health = http.getForEntity("/actuator/health", String.class);
    assertThat(health.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(health.getBody()).contains("UP");
  }

  /** Signs in as the webapp's login page does: the CSRF token from the page's cookie goes back as a header. */
  private HttpStatus login(String user, String app) {
    ResponseEntity<String> page = http.getForEntity("/camunda/app/" + app + "/", String.class);
    List<String> cookies = page.getHeaders().getOrEmpty(HttpHeaders.SET_COOKIE).stream()
        .map(c -> c.split(";", 2)[0]).toList();
    String token = cookies.stream().filter(c -> c.startsWith("XSRF-TOKEN=")).map(c -> c.substring(11))
        .findFirst().orElseThrow(() -> new AssertionError("no XSRF-TOKEN cookie from " + app));
    LinkedMultiValueMap<String, String> form = new LinkedMultiValueMap<>();
    form.add("username", user);
    form.add("password", user.equals("admin") ? "admin" : "demo");
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
    headers.add(HttpHeaders.COOKIE, String.join("; ", cookies));
    headers.add("X-XSRF-TOKEN", token);
    return HttpStatus.valueOf(http.postForEntity("/camunda/api/admin/auth/user/default/login/" + app,
        new HttpEntity<>(form, headers), String.class).getStatusCode().value());
  }

  private String filterId(String user, String providerSuffix) {
    JsonNode filters = http.withBasicAuth(user, "demo").getForEntity("/engine-rest/filter?resourceType=Task",
        JsonNode.class).getBody();
    List<String> ids = new java.util.ArrayList<>();
    for (JsonNode filter : filters) {
      if (filter.get("name").asText().endsWith(providerSuffix)) {
        ids.add(filter.get("id").asText());
      }
    }
    assertThat(ids).as("exactly one filter of %s's role", user).hasSize(1);
    return ids.get(0);
  }

  private static HttpEntity<String> json(String body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return new HttpEntity<>(body, headers);
  }
}
