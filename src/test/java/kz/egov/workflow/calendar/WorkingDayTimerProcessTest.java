package kz.egov.workflow.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.OffsetDateTime;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
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

/**
 * A 15 WD deadline in a diagram, driven by the engine's clock: the timers land on the calendar's dates, the
 * reminder fires 2 WD before, the deadline marks the application overdue without ending the work, and the
 * timers follow a transfer recorded afterwards once they are recalculated.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"demo", "test"})
class WorkingDayTimerProcessTest {

  static final String KEY = "calendar-working-day-deadline";

  @Autowired ProcessEngine engine;
  @Autowired ManagementService managementService;
  @Autowired MeterRegistry meters;
  @Autowired TestRestTemplate http;

  @BeforeEach
  void deployTheTestDiagram() {
    BpmnAwareTests.init(engine);
    if (engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey(KEY).count() == 0) {
      engine.getRepositoryService().createDeployment().name("calendar test")
          .addClasspathResource("calendar/working-day-deadline.bpmn").deploy();
    }
  }

  @AfterEach
  void resetTheClock() {
    ClockUtil.reset();
  }

  @Test
  void fifteenWorkingDaysRemindTwoDaysBeforeAndMarkOverdueAtTheDeadline() {
    // Thursday 19 March 2026, 10:00 in Almaty; Nauryz (21-23) and its moved days off (24, 25) follow
    clock("2026-03-19T10:00:00+05:00");
    ProcessInstance instance = engine.getRuntimeService().startProcessInstanceByKey(KEY, "KZ-CAL-2026-000001",
        Map.of("registeredAt", date("2026-03-19T10:00:00+05:00")));

    assertThat(instance).isWaitingAt("task-process");
    assertThat(task(instance).getDueDate()).isEqualTo(date("2026-04-14T18:30:00+05:00"));
    assertThat(timer(instance, "timer-deadline").getDuedate()).isEqualTo(date("2026-04-14T18:30:00+05:00"));
    assertThat(timer(instance, "timer-reminder").getDuedate()).isEqualTo(date("2026-04-10T18:30:00+05:00"));

    clock("2026-04-10T18:29:00+05:00");
    assertThat(dueJobs(instance)).isEmpty();
    clock("2026-04-10T18:31:00+05:00");
    assertThat(dueJobs(instance)).extracting(j -> j.getId()).containsExactly(timer(instance, "timer-reminder").getId());
    dueJobs(instance).forEach(j -> managementService.executeJob(j.getId()));

    assertThat(instance).isWaitingAt("task-process", "task-remind-head");
    assertThat(engine.getRuntimeService().getVariable(instance.getId(), "overdue")).isNull();

    double breachesBefore = breaches();
    clock("2026-04-14T18:29:00+05:00");
    assertThat(dueJobs(instance)).isEmpty();
    clock("2026-04-14T18:31:00+05:00");
    assertThat(dueJobs(instance)).hasSize(1);
    dueJobs(instance).forEach(j -> managementService.executeJob(j.getId()));

    // overdue, counted, the head is told, and the application is still being processed: no silent refusal
    assertThat(instance).isWaitingAt("task-process", "task-remind-head", "task-overdue-notice");
    assertThat(instance).hasPassed("task-mark-overdue");
    assertThat(engine.getRuntimeService().getVariables(instance.getId()))
        .containsEntry("overdue", true)
        .containsEntry("overdueAt", date("2026-04-14T18:31:00+05:00"));
    assertThat(breaches()).isEqualTo(breachesBefore + 1);

    engine.getRuntimeService().deleteProcessInstance(instance.getId(), "test done");
  }

  @Test
  void recordedTransferMovesRunningTimersAfterRecalculation() {
    // Wednesday 13 March 2030: 15 WD over Nauryz 2030 (21-23, Sat 23 moves to Mon 25) end on Monday 8 April
    ProcessInstance instance = engine.getRuntimeService().startProcessInstanceByKey(KEY, "KZ-CAL-2030-000001",
        Map.of("registeredAt", date("2030-03-13T10:00:00+05:00")));
    assertThat(timer(instance, "timer-deadline").getDuedate()).isEqualTo(date("2030-04-08T18:30:00+05:00"));
    assertThat(timer(instance, "timer-reminder").getDuedate()).isEqualTo(date("2030-04-04T18:30:00+05:00"));

    TestRestTemplate admin = http.withBasicAuth("admin", "admin");
    assertThat(http.withBasicAuth("akmola.clerk", "demo").postForEntity("/api/v1/calendar/recalculate-timers", null,
        String.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(http.postForEntity("/api/v1/calendar/recalculate-timers", null, String.class).getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);

    // a (made-up) act makes Friday 15 March 2030 a day off for a Saturday in June
    ResponseEntity<JsonNode> added = admin.postForEntity("/api/v1/calendar/transfers",
        json("{\"workedDay\":\"2030-06-29\",\"dayOff\":\"2030-03-15\",\"act\":\"Test act No. 1 of 2030-01-10\"}"),
        JsonNode.class);
    assertThat(added.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    try {
      // the running timers keep their dates until they are recalculated
      assertThat(timer(instance, "timer-deadline").getDuedate()).isEqualTo(date("2030-04-08T18:30:00+05:00"));
      ResponseEntity<JsonNode> recalculated = admin.postForEntity("/api/v1/calendar/recalculate-timers", null,
          JsonNode.class);
      assertThat(recalculated.getStatusCode()).isEqualTo(HttpStatus.OK);
      assertThat(recalculated.getBody().get("timers").asInt()).isGreaterThanOrEqualTo(2);
      assertThat(recalculated.getBody().get("changed").asInt()).isGreaterThanOrEqualTo(2);
      assertThat(recalculated.getBody().get("failures")).isEmpty();
      assertThat(timer(instance, "timer-deadline").getDuedate()).isEqualTo(date("2030-04-09T18:30:00+05:00"));
      assertThat(timer(instance, "timer-reminder").getDuedate()).isEqualTo(date("2030-04-05T18:30:00+05:00"));
    } finally {
      admin.exchange("/api/v1/calendar/transfers/" + added.getBody().get("id").asLong(), HttpMethod.DELETE, null,
          String.class);
    }
    admin.postForEntity("/api/v1/calendar/recalculate-timers", null, JsonNode.class);
    assertThat(timer(instance, "timer-deadline").getDuedate()).isEqualTo(date("2030-04-08T18:30:00+05:00"));
    engine.getRuntimeService().deleteProcessInstance(instance.getId(), "test done");
  }

  private Job timer(ProcessInstance instance, String activityId) {
    return managementService.createJobQuery().processInstanceId(instance.getId()).timers().activityId(activityId)
        .singleResult();
  }

  private List<Job> dueJobs(ProcessInstance instance) {
    return managementService.createJobQuery().processInstanceId(instance.getId()).executable().list();
  }

  private double breaches() {
    return meters.counter("egov.deadline.overdue", "process", KEY, "deadline", "P9 15 WD").count();
  }

  private static void clock(String moment) {
    ClockUtil.setCurrentTime(date(moment));
  }

  private static Date date(String moment) {
    return Date.from(OffsetDateTime.parse(moment).toInstant());
  }

  private static HttpEntity<String> json(String body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return new HttpEntity<>(body, headers);
  }
}
