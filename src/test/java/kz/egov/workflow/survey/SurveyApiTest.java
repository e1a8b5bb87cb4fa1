package kz.egov.workflow.survey;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import kz.egov.workflow.process.Jobs;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;

/**
 * The quality-and-accessibility questionnaire (every regulation's last appendix): answered once per application,
 * after its result or refusal, by whoever may read the application; counted per service for auditors and staff.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"demo", "test"})
class SurveyApiTest {

  @Autowired ProcessEngine engine;
  @Autowired TestRestTemplate http;

  /** The application API's test service (src/test/resources/applications), deployed as ApplicationApiTest does. */
  @BeforeEach
  void deploy() {
    var repository = engine.getRepositoryService();
    if (repository.createProcessDefinitionQuery().processDefinitionKey("test-licence-portal").count() == 0) {
      repository.createDeployment().name("application API tests")
          .addClasspathResource("applications/test-licence-portal.bpmn")
          .addClasspathResource("applications/test-licence-provider.bpmn").deploy();
    }
  }

  @Test
  void answeredOnceAfterTheResultAndCountedPerService() {
    JsonNode before = counts("auditor", "demo").getBody();
    ProcessInstance instance = start("survey-1");

    // still being examined: no questionnaire yet
    ResponseEntity<JsonNode> early = answer("portal", "survey-1", "{\"q1\": 3, \"q2\": 2}");
    assertThat(early.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    assertThat(early.getBody().get("problems").get(0).asText()).contains("has no result or refusal yet");

    decide(instance, true);
    ResponseEntity<JsonNode> answered = answer("portal", "survey-1", "{\"q1\": 3, \"q2\": 2}");
    assertThat(answered.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    assertThat(answered.getBody().get("service").asText()).isEqualTo("test-licence");
    assertThat(answered.getBody().get("provider").asText()).isEqualTo("wko");
    assertThat(answered.getBody().get("q1").asInt()).isEqualTo(3);
    assertThat(answered.getBody().get("answeredBy").asText()).isEqualTo("portal");

    ResponseEntity<JsonNode> again = answer("portal", "survey-1", "{\"q1\": 1, \"q2\": 1}");
    assertThat(again.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    assertThat(again.getBody().get("problems").get(0).asText()).contains("answered already");

    // a refusal ends the service too
    decide(start("survey-2"), false);
    assertThat(answer("portal", "survey-2", "{\"q1\": \"1\", \"q2\": 3}").getStatusCode())
        .isEqualTo(HttpStatus.CREATED);

    JsonNode after = counts("wko.employee", "demo").getBody();
    assertThat(after.get("answers").asLong()).isEqualTo(before.get("answers").asLong() + 2);
    assertThat(count(after, 0, "3") - count(before, 0, "3")).isEqualTo(1);
    assertThat(count(after, 0, "1") - count(before, 0, "1")).isEqualTo(1);
    assertThat(count(after, 1, "2") - count(before, 1, "2")).isEqualTo(1);
    assertThat(count(after, 1, "3") - count(before, 1, "3")).isEqualTo(1);
    assertThat(after.get("questions").get(0).get("question").asText()).isEqualTo("q1");
    assertThat(after.get("questions").get(1).get("textRu").asText()).contains("качеством информации");
    assertThat(counts("admin", "admin").getStatusCode()).isEqualTo(HttpStatus.OK);
  }

  @Test
  void badAnswersAre400AndOthersApplicationsAreUnknown() {
    decide(start("survey-3"), true);
    for (String body : new String[] {"{\"q1\": 4, \"q2\": 2}", "{\"q1\": 0}", "{\"q1\": 2.5, \"q2\": 1}", "{}",
        "{\"q1\": true, \"q2\": \"3\"}"}) {
      ResponseEntity<JsonNode> bad = answer("portal", "survey-3", body);
      assertThat(bad.getStatusCode()).as(body).isEqualTo(HttpStatus.BAD_REQUEST);
      assertThat(bad.getHeaders().getContentType().toString()).startsWith("application/problem+json");
    }
    ResponseEntity<JsonNode> both = answer("portal", "survey-3", "{\"q1\": 7}");
    assertThat(both.getBody().get("problems")).hasSize(2);
    assertThat(both.getBody().get("problems").get(0).asText())
        .isEqualTo("q1: 1 (not satisfied), 2 (partly satisfied) or 3 (satisfied); got 7");

    // a caller who may not read the application does not learn it exists
    assertThat(answer("akmola.clerk", "survey-3", "{\"q1\": 3, \"q2\": 3}").getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(answer("portal", "no-such-application", "{\"q1\": 3, \"q2\": 3}").getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);
    // nothing was stored by the refused attempts
    assertThat(answer("portal", "survey-3", "{\"q1\": 3, \"q2\": 3}").getStatusCode()).isEqualTo(HttpStatus.CREATED);
  }

  @Test
  void countsAreForAuditorsAdministratorsAndTheServicesStaff() {
    for (String user : new String[] {"akmola.clerk", "portal", "operator", "payment-gateway"}) {
      assertThat(counts(user, "demo").getStatusCode()).as(user).isEqualTo(HttpStatus.FORBIDDEN);
    }
    assertThat(http.withBasicAuth("auditor", "demo").getForEntity("/api/v1/surveys?service=no-such-service",
        JsonNode.class).getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(http.getForEntity("/api/v1/surveys?service=test-licence", JsonNode.class).getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
  }

  private ProcessInstance start(String id) {
    ProcessInstance instance = engine.getRuntimeService().startProcessInstanceByKey("test-licence-portal", id,
        Map.of("applicationId", id, "service", "test-licence", "channel", "portal", "applicantId", "040540000123",
            "applicantName", "ТОО \"Батыс Металл Трейд\"", "submittedBy", "portal"));
    Jobs.runDue(engine.getManagementService(), instance.getId());
    return instance;
  }

  private void decide(ProcessInstance instance, boolean approved) {
    String task = engine.getTaskService().createTaskQuery().processInstanceId(instance.getId()).singleResult().getId();
    engine.getTaskService().complete(task, Map.of("approved", approved));
  }

  private ResponseEntity<JsonNode> answer(String user, String id, String body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return http.withBasicAuth(user, "demo").postForEntity("/api/v1/applications/" + id + "/survey",
        new HttpEntity<>(body, headers), JsonNode.class);
  }

  private ResponseEntity<JsonNode> counts(String user, String password) {
    return http.withBasicAuth(user, password).getForEntity("/api/v1/surveys?service=test-licence", JsonNode.class);
  }

  private static long count(JsonNode counts, int question, String answer) {
    return counts.get("questions").get(question).get("counts").get(answer).asLong();
  }
}
