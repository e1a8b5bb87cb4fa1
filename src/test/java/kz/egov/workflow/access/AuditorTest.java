package kz.egov.workflow.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.test.context.ActiveProfiles;

/**
 * Auditors read everything and change nothing, through {@code /engine-rest} and through the webapps' REST API
 * (signed in to Cockpit, their webapp): every change is refused with 403 and leaves the engine as it was, while
 * reading the runtime and the history of any provider's application works.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"demo", "test"})
class AuditorTest {

  static final String BPMN = """
      <?xml version="1.0" encoding="UTF-8"?>
      <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
          xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="AuditorDeploys" targetNamespace="http://egov.kz/test">
        <bpmn:process id="auditor-deploys" isExecutable="true" camunda:historyTimeToLive="P1D">
          <bpmn:startEvent id="s"/>
        </bpmn:process>
      </bpmn:definitions>
      """;

  @Autowired TestRestTemplate http;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired HistoryService history;
  @Autowired RepositoryService repository;

  @Test
  void auditorsReadEverythingAndChangeNothing() {
    for (EngineApi auditor : List.of(EngineApi.engineRest(http, "auditor", "demo"),
        EngineApi.webapp(http, "cockpit", "auditor", "demo"))) {
      ProcessInstance instance = runtime.startProcessInstanceByKey("shared-hand-over-result",
          Map.of("applicationNumber", "KZ-AUDIT-2026-000001", "handOverGroup", "mangystau-clerk",
              "applicantName", "Аудит Тексеру"));
      String pi = instance.getId();
      Task task = tasks.createTaskQuery().processInstanceId(pi).singleResult();
      String t = task.getId();
      String definition = instance.getProcessDefinitionId();
      String attachment = tasks.createAttachment("application/pdf", t, pi, "receipt.pdf", "Расписка",
          new java.io.ByteArrayInputStream(new byte[] {37, 80, 68, 70})).getId();

      // reading: runtime, variables, tasks, the whole history
      for (String read : List.of("/process-instance/" + pi, "/process-instance/" + pi + "/variables",
          "/process-instance/" + pi + "/activity-instances", "/task/" + t, "/task/" + t + "/variables",
          "/history/process-instance/" + pi, "/process-definition/" + definition + "/xml")) {
        EngineApi.Answer answer = auditor.get(read);
        assertThat(answer.status()).as("%s: GET %s: %s", auditor, read, answer.body()).isEqualTo(200);
      }
      assertThat(auditor.get("/process-instance/" + pi + "/variables").body()).contains("KZ-AUDIT-2026-000001");
      assertThat(auditor.get("/history/activity-instance?processInstanceId=" + pi).json().size())
          .isGreaterThanOrEqualTo(2);
      assertThat(auditor.get("/history/variable-instance?processInstanceId=" + pi).body()).contains("Аудит Тексеру");
      assertThat(auditor.get("/history/task?processInstanceId=" + pi).json().size()).isEqualTo(1);
      assertThat(auditor.get("/history/process-instance?processDefinitionKey=scrap-metal-license-provider")
          .status()).isEqualTo(200);

      // changing: each refused with 403
      String variable = "{\"value\":\"x\",\"type\":\"String\"}";
      assertForbidden(auditor, "claim", auditor.post("/task/" + t + "/claim", "{\"userId\":\"auditor\"}"));
      assertForbidden(auditor, "complete", auditor.post("/task/" + t + "/complete", "{\"variables\":{}}"));
      assertForbidden(auditor, "submit form", auditor.post("/task/" + t + "/submit-form", "{\"variables\":{}}"));
      assertForbidden(auditor, "task variable", auditor.put("/task/" + t + "/variables/note", variable));
      assertForbidden(auditor, "comment", auditor.post("/task/" + t + "/comment/create", "{\"message\":\"x\"}"));
      assertForbidden(auditor, "add attachment", auditor.post("/task/" + t + "/attachment/create", "{}"));
      assertForbidden(auditor, "delete attachment", auditor.delete("/task/" + t + "/attachment/" + attachment));
      assertForbidden(auditor, "set variable", auditor.put("/process-instance/" + pi + "/variables/note", variable));
      assertForbidden(auditor, "modify variables", auditor.post("/process-instance/" + pi + "/variables",
          "{\"modifications\":{\"note\":" + variable + "}}"));
      assertForbidden(auditor, "modify", auditor.post("/process-instance/" + pi + "/modification",
          "{\"instructions\":[{\"type\":\"cancel\",\"activityId\":\"task-hand-over\"}]}"));
      assertForbidden(auditor, "suspend", auditor.put("/process-instance/" + pi + "/suspended", "{\"suspended\":true}"));
      assertForbidden(auditor, "suspend definition", auditor.put("/process-definition/" + definition + "/suspended",
          "{\"suspended\":true,\"includeProcessInstances\":true}"));
      assertForbidden(auditor, "delete", auditor.delete("/process-instance/" + pi));
      assertForbidden(auditor, "delete history", auditor.delete("/history/process-instance/" + pi));
      assertForbidden(auditor, "start", auditor.post("/process-definition/key/shared-hand-over-result/start",
          "{\"variables\":{}}"));
      assertForbidden(auditor, "deploy", auditor.deploy("auditor's", "auditor-deploys.bpmn",
          BPMN.getBytes(StandardCharsets.UTF_8)));
      assertForbidden(auditor, "create user", auditor.post("/user/create",
          "{\"profile\":{\"id\":\"audited\"},\"credentials\":{\"password\":\"x\"}}"));
      assertForbidden(auditor, "join a group", auditor.put("/group/camunda-admin/members/auditor", ""));

      // and nothing changed
      Task after = tasks.createTaskQuery().taskId(t).singleResult();
      assertThat(after).as("%s: the task is still open", auditor).isNotNull();
      assertThat(after.getAssignee()).isNull();
      assertThat(runtime.getVariable(pi, "note")).isNull();
      assertThat(runtime.createProcessInstanceQuery().processInstanceId(pi).active().count()).isEqualTo(1);
      assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(pi).count()).isEqualTo(1);
      assertThat(repository.createProcessDefinitionQuery().processDefinitionKey("auditor-deploys").count()).isZero();
      assertThat(repository.getProcessDefinition(definition).isSuspended()).isFalse();
      assertThat(tasks.getTaskComments(t)).isEmpty();
      assertThat(tasks.getTaskAttachments(t)).extracting(a -> a.getId()).containsExactly(attachment);
      assertThat(auditor.get("/task/" + t + "/attachment").body()).as("reading the case file works").contains("receipt.pdf");
    }
  }

  private static void assertForbidden(EngineApi api, String what, EngineApi.Answer answer) {
    assertThat(answer.status()).as("%s: %s answered %s", api, what, answer.body()).isEqualTo(403);
    EngineApi.assertRefused(answer, api + ": " + what);
  }
}
