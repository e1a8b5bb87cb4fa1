package kz.egov.workflow.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.Map;
import kz.egov.workflow.calendar.WorkingDayExpressions;
import kz.egov.workflow.process.Jobs;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;

/**
 * In-person delivery through {@code shared-deliver-result} and the hand-over diagram: a result not collected by
 * {@code collectBy} (working days on the calendar) is kept and listed for the clerk (R4 item 17.4), the hand-over
 * task stays open, and handing it over later takes it off the list. Time moves with the engine clock.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"demo", "test"})
class HandOverSafekeepingTest {

  @Autowired ProcessEngine engine;
  @Autowired WorkingDayExpressions workingDays;
  @Autowired TestRestTemplate http;

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void anUncollectedResultIsKeptListedForTheClerkAndStillHandedOver() {
    // Tuesday 14 April 2026, 11:00 in Aktau
    Date now = Date.from(OffsetDateTime.of(2026, 4, 14, 11, 0, 0, 0, ZoneOffset.ofHours(5)).toInstant());
    ClockUtil.setCurrentTime(now);
    ProcessInstance delivery = engine.getRuntimeService().startProcessInstanceByKey("shared-deliver-result",
        "sk-archival-1", Map.of("delivery", "in-person", "applicationNumber", "KZ-MANGYSTAU-2026-000601",
            "handOverGroup", "mangystau-clerk", "provider", "mangystau", "applicantName", "Серікбаев Ерлан Қайратұлы",
            "resultDocumentKind", "archival-certificate", "resultDocumentNumber", "KZ-MANGYSTAU-2026-000601-AC"));
    ProcessInstance handOver = engine.getRuntimeService().createProcessInstanceQuery()
        .superProcessInstanceId(delivery.getId()).singleResult();
    assertThat(handOver.getProcessDefinitionKey()).isEqualTo("shared-hand-over-result");
    assertThat(handOver.getBusinessKey()).isEqualTo("sk-archival-1");

    // collectBy: 30 working days on the calendar (the process property collect-working-days)
    Date collectBy = (Date) engine.getRuntimeService().getVariable(handOver.getId(), "collectBy");
    assertThat(collectBy).isEqualTo(workingDays.deadline(now, 30));
    Job timer = engine.getManagementService().createJobQuery().processInstanceId(handOver.getId()).timers()
        .singleResult();
    assertThat(timer.getDuedate()).isEqualTo(collectBy);
    Task task = engine.getTaskService().createTaskQuery().processInstanceId(handOver.getId()).singleResult();
    assertThat(task.getDueDate()).isEqualTo(collectBy);

    // the day before the deadline nothing happens
    ClockUtil.setCurrentTime(Date.from(collectBy.toInstant().minus(1, ChronoUnit.DAYS)));
    Jobs.runDue(engine.getManagementService(), handOver.getId());
    assertThat(engine.getRuntimeService().getVariable(handOver.getId(), "safekeeping")).isNull();
    assertThat(kept("mangystau.clerk")).doesNotContain("sk-archival-1");

    // a minute after it the result goes into safekeeping, and the hand-over task stays open
    Date after = Date.from(collectBy.toInstant().plus(1, ChronoUnit.MINUTES));
    ClockUtil.setCurrentTime(after);
    Jobs.runDue(engine.getManagementService(), handOver.getId());
    assertThat(engine.getRuntimeService().getVariable(handOver.getId(), "safekeeping")).isEqualTo(true);
    assertThat(engine.getRuntimeService().getVariable(handOver.getId(), "safekeepingSince")).isEqualTo(after);
    assertThat(engine.getTaskService().createTaskQuery().processInstanceId(handOver.getId()).singleResult().getId())
        .isEqualTo(task.getId());

    ResponseEntity<JsonNode> list = http.withBasicAuth("mangystau.clerk", "demo")
        .getForEntity("/api/v1/documents/safekeeping?provider=mangystau", JsonNode.class);
    assertThat(list.getStatusCode()).isEqualTo(HttpStatus.OK);
    JsonNode item = item(list.getBody(), "sk-archival-1");
    assertThat(item.get("applicationNumber").asText()).isEqualTo("KZ-MANGYSTAU-2026-000601");
    assertThat(item.get("applicantName").asText()).isEqualTo("Серікбаев Ерлан Қайратұлы");
    assertThat(item.get("documentNumber").asText()).isEqualTo("KZ-MANGYSTAU-2026-000601-AC");
    assertThat(item.get("resultKind").asText()).isEqualTo("archival-certificate");
    assertThat(OffsetDateTime.parse(item.get("since").asText()).toInstant()).isEqualTo(after.toInstant());
    assertThat(OffsetDateTime.parse(item.get("collectBy").asText()).toInstant()).isEqualTo(collectBy.toInstant());
    assertThat(kept("auditor")).contains("sk-archival-1");
    assertThat(http.withBasicAuth("admin", "admin").getForEntity("/api/v1/documents/safekeeping?provider=mangystau",
        JsonNode.class).getStatusCode()).isEqualTo(HttpStatus.OK);

    // the applicant comes: handed over, off the list, and the delivery ends with what happened
    engine.getTaskService().complete(task.getId(), Map.of("recipientName", "Серікбаев Ерлан", "identityChecked", true));
    assertThat(kept("mangystau.clerk")).doesNotContain("sk-archival-1");
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(delivery.getId()).count())
        .isZero();
    Map<String, Object> outcome = history(delivery.getId());
    assertThat(outcome).containsEntry("safekeeping", true).containsEntry("recipientName", "Серікбаев Ерлан")
        .containsEntry("handedOverAt", after);
  }

  @Test
  void aResultCollectedInTimeIsNeverKept() {
    Date collectBy = Date.from(Instant.now().plus(3, ChronoUnit.DAYS));
    ProcessInstance handOver = engine.getRuntimeService().startProcessInstanceByKey("shared-hand-over-result",
        "sk-in-time", Map.of("applicationNumber", "KZ-AKMOLA-2026-000602", "handOverGroup", "akmola-clerk",
            "collectBy", collectBy));
    assertThat(engine.getRuntimeService().getVariable(handOver.getId(), "collectBy")).isEqualTo(collectBy);
    Task task = engine.getTaskService().createTaskQuery().processInstanceId(handOver.getId()).singleResult();
    engine.getTaskService().complete(task.getId(), Map.of("recipientName", "Серікбаев Ерлан", "identityChecked", true));
    assertThat(history(handOver.getId())).doesNotContainKey("safekeeping");
    assertThat(engine.getManagementService().createJobQuery().processInstanceId(handOver.getId()).count()).isZero();
  }

  @Test
  void theListIsForTheProvidersClerksAuditorsAndAdministrators() {
    for (String user : new String[] {"akmola.clerk", "mangystau.head", "mangystau.executor", "portal", "operator"}) {
      ResponseEntity<JsonNode> refused = http.withBasicAuth(user, "demo")
          .getForEntity("/api/v1/documents/safekeeping?provider=mangystau", JsonNode.class);
      assertThat(refused.getStatusCode()).as(user).isEqualTo(HttpStatus.FORBIDDEN);
    }
    assertThat(http.withBasicAuth("auditor", "demo").getForEntity("/api/v1/documents/safekeeping?provider=atyrau",
        JsonNode.class).getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(http.withBasicAuth("auditor", "demo").getForEntity("/api/v1/documents/safekeeping", JsonNode.class)
        .getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(http.getForEntity("/api/v1/documents/safekeeping?provider=mangystau", JsonNode.class).getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
  }

  private List<String> kept(String user) {
    JsonNode body = http.withBasicAuth(user, "demo")
        .getForEntity("/api/v1/documents/safekeeping?provider=mangystau", JsonNode.class).getBody();
    return body.get("items").findValuesAsText("applicationId");
  }

  private static JsonNode item(JsonNode list, String applicationId) {
    for (JsonNode item : list.get("items")) {
      if (item.get("applicationId").asText().equals(applicationId)) {
        return item;
      }
    }
    throw new AssertionError(applicationId + " is not in " + list);
  }

  private Map<String, Object> history(String processInstanceId) {
    Map<String, Object> values = new java.util.HashMap<>();
    engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(processInstanceId).list()
        .forEach(v -> values.put(v.getName(), v.getValue()));
    return values;
  }
}
