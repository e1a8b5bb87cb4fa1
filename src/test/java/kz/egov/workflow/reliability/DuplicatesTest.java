package kz.egov.workflow.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import kz.egov.workflow.process.Jobs;
import kz.egov.workflow.signature.DemoPki;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/**
 * Duplicates change nothing: one Idempotency-Key sent twenty times at once is one application and one
 * instance; one payment notification sent twice, and ten times at once, is one payment that wakes the
 * waiting application once; two employees completing one decision at once: one wins, the other hears why.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"demo", "test"})
class DuplicatesTest {

  /** A second employee of the provider, so that two people may take the same decision at once. */
  static final String SECOND_EMPLOYEE = "wko.employee.reliability";

  static ExecutorService pool;

  @Autowired TestRestTemplate http;
  @Autowired RuntimeService runtime;
  @Autowired HistoryService history;
  @Autowired ManagementService management;
  @Autowired IdentityService identity;
  @Autowired org.camunda.bpm.engine.TaskService taskService;
  @Autowired JdbcTemplate jdbc;
  @Autowired DemoPki demoPki;

  @BeforeAll
  static void threads() {
    pool = Executors.newFixedThreadPool(20);
  }

  @AfterAll
  static void stop() {
    pool.shutdownNow();
  }

  R2Driver r2() {
    return new R2Driver(http, runtime, management, demoPki);
  }

  @Test
  void twentyConcurrentSubmissionsWithOneKeyAreOneApplicationAndOneInstance() throws Exception {
    R2Driver r2 = r2();
    String reference = "REL-DUP-" + UUID.randomUUID();
    String key = UUID.randomUUID().toString();
    ObjectNode request = r2.application(reference, "ТОО \"Батыс Металл Трейд\"");
    long applicationsBefore = count("application");
    long instancesBefore = history.createHistoricProcessInstanceQuery().count();

    List<ResponseEntity<JsonNode>> answers = all(20, () -> r2.submit(request, key));

    assertThat(answers).allSatisfy(answer -> {
      assertThat(answer.getStatusCode()).as(String.valueOf(answer.getBody())).isEqualTo(HttpStatus.CREATED);
      assertThat(answer.getBody().get("id").asText()).isEqualTo(reference);
    });
    assertThat(answers.stream().filter(a -> "true".equals(a.getHeaders().getFirst("Idempotent-Replayed"))))
        .hasSize(19);
    assertThat(count("application") - applicationsBefore).isEqualTo(1);
    assertThat(history.createHistoricProcessInstanceQuery().count() - instancesBefore).isEqualTo(1);
    assertThat(history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(reference).count())
        .isEqualTo(1);
  }

  @Test
  void aPaymentNotifiedTwiceAndTenTimesAtOnceIsOnePaymentThatWakesTheApplicationOnce() throws Exception {
    R2Driver r2 = r2();
    // an application that waits for its payment
    String reference = "REL-PAY-" + UUID.randomUUID();
    assertThat(r2.submit(r2.application(reference, "ТОО \"Батыс Металл Трейд\""), UUID.randomUUID().toString())
        .getStatusCode()).isEqualTo(HttpStatus.CREATED);
    ProcessInstance instance = r2.instance(reference);
    Jobs.runDue(management, instance.getId());
    assertThat(runtime.getActiveActivityIds(instance.getId())).containsExactly("gateway-await-payment");

    // the gateway notifies ten times at once (a retry storm), then once more
    String paymentId = "PAY-" + UUID.randomUUID();
    Map<String, Object> notification = R2Requests.payment(paymentId, reference);
    List<ResponseEntity<String>> answers = all(10, () -> http.withBasicAuth("payment-gateway", "demo")
        .postForEntity("/api/v1/payments", notification, String.class));
    assertThat(answers).allSatisfy(a -> assertThat(a.getStatusCode().value()).as(a.getBody()).isIn(200, 201));
    assertThat(answers.stream().filter(a -> a.getStatusCode() == HttpStatus.CREATED)).hasSize(1);
    ResponseEntity<String> repeat = http.withBasicAuth("payment-gateway", "demo").postForEntity("/api/v1/payments",
        notification, String.class);
    assertThat(repeat.getStatusCode()).isEqualTo(HttpStatus.OK);

    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM payment WHERE application_reference = ?", Long.class,
        reference)).isEqualTo(1);
    Jobs.runDue(management, instance.getId());
    assertThat(runtime.getActiveActivityIds(instance.getId())).containsExactly("task-decide");
    assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(instance.getId())
        .activityId("catch-payment").count()).isEqualTo(1);
    assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(instance.getId())
        .activityId("task-payment").count()).as("the payment checked once after the wait").isEqualTo(2);
  }

  @Test
  void twoEmployeesCompletingOneDecisionAtOnceOneWinsTheOtherHearsWhy() throws Exception {
    secondEmployee();
    R2Driver r2 = r2();
    for (int round = 0; round < 3; round++) {
      String reference = "REL-TWO-" + UUID.randomUUID();
      ProcessInstance instance = r2.toDecision(reference, "ТОО \"Батыс Металл Трейд\"");
      String taskId = r2.decisionTask(reference);
      // offered to the second employee by name too: a user's own grant, whatever other tests did to group grants
      taskService.addCandidateUser(taskId, SECOND_EMPLOYEE);
      CyclicBarrier together = new CyclicBarrier(2);
      Future<ResponseEntity<String>> first = pool.submit(() -> {
        together.await();
        return r2.decide("wko.employee", taskId, "issue");
      });
      Future<ResponseEntity<String>> second = pool.submit(() -> {
        together.await();
        return r2.decide(SECOND_EMPLOYEE, taskId, "issue");
      });
      List<ResponseEntity<String>> answers = List.of(first.get(60, TimeUnit.SECONDS),
          second.get(60, TimeUnit.SECONDS));

      assertThat(answers.stream().filter(a -> a.getStatusCode() == HttpStatus.NO_CONTENT)).as(answers.toString())
          .hasSize(1);
      ResponseEntity<String> loser = answers.stream().filter(a -> a.getStatusCode() != HttpStatus.NO_CONTENT)
          .findFirst().orElseThrow();
      assertThat(loser.getStatusCode().is4xxClientError()).as(loser.toString()).isTrue();
      assertThat(loser.getStatusCode().value()).as(loser.toString()).isIn(404, 409);
      assertThat(loser.getBody()).as("the loser is told the task is done or gone").containsIgnoringCase("task");
      ResponseEntity<String> late = r2.decide(SECOND_EMPLOYEE, taskId, "refuse");
      assertThat(late.getStatusCode()).as(late.getBody()).isEqualTo(HttpStatus.NOT_FOUND);
      assertThat(late.getBody()).contains("Cannot find task", "completed by someone else");

      r2.runJobs(instance);
      assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(instance.getId()).singleResult()
          .getEndActivityId()).isEqualTo("end-licence");
      assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM licensing_licence l JOIN licensing_application a"
          + " ON l.application_number = a.application_number WHERE a.reference = ?", Long.class, reference))
          .as("one licence").isEqualTo(1);
    }
  }

  private void secondEmployee() {
    if (identity.createUserQuery().userId(SECOND_EMPLOYEE).count() == 0) {
      User user = identity.newUser(SECOND_EMPLOYEE);
      user.setFirstName("Second");
      user.setLastName("Employee");
      user.setPassword("demo");
      identity.saveUser(user);
      identity.createMembership(SECOND_EMPLOYEE, "wko");
      identity.createMembership(SECOND_EMPLOYEE, "wko-employee");
    }
  }

  private long count(String table) {
    return jdbc.queryForObject("SELECT COUNT(*) FROM " + table, Long.class);
  }

  private static <T> List<T> all(int times, Callable<T> call) throws Exception {
    CyclicBarrier together = new CyclicBarrier(times);
    List<Future<T>> futures = new ArrayList<>();
    for (int i = 0; i < times; i++) {
      futures.add(pool.submit(() -> {
        together.await();
        return call.call();
      }));
    }
    List<T> results = new ArrayList<>();
    for (Future<T> future : futures) {
      results.add(future.get(120, TimeUnit.SECONDS));
    }
    return results;
  }
}
