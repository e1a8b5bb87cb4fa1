package kz.egov.workflow.payment;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import kz.egov.workflow.process.Jobs;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
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
 * The payment gateway's notifications over {@code POST /api/v1/payments} and C2 of R2 diagram №1: an
 * application waits for its payment, is woken by the notification, and is checked for the full fee.
 * Payments are dated 2026 so that the fee is 10 MCI × 4325 KZT = 43250 KZT whatever the day of the run.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"demo", "test"})
class PaymentProcessTest {

  static final String KEY = "state-systems-portal-payment";

  @Autowired TestRestTemplate http;
  @Autowired PaymentStore store;
  @Autowired RepositoryService repository;
  @Autowired RuntimeService runtime;
  @Autowired ManagementService management;
  @Autowired HistoryService history;

  @BeforeEach
  void deploy() {
    if (repository.createProcessDefinitionQuery().processDefinitionKey(KEY).count() == 0) {
      repository.createDeployment().name("state-systems tests")
          .addClasspathResource("state-systems/provider-intake.bpmn")
          .addClasspathResource("state-systems/portal-payment.bpmn").deploy();
    }
  }

  static String notification(String paymentId, String amount, String reference) {
    return """
        {"paymentId":"%s","payerId":"040540000123","amountKzt":%s,"service":"scrap-metal-license",
         "applicationReference":"%s","paidAt":"2026-03-02T10:15:00+05:00"}""".formatted(paymentId, amount, reference);
  }

  private ResponseEntity<JsonNode> post(String user, String password, String body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return http.withBasicAuth(user, password).postForEntity("/api/v1/payments", new HttpEntity<>(body, headers),
        JsonNode.class);
  }

  private ResponseEntity<JsonNode> notify(String body) {
    return post("payment-gateway", "demo", body);
  }

  private String start(String reference, String kind) {
    String id = runtime.startProcessInstanceByKey(KEY, reference, Map.of("applicantId", "040540000123",
        "requestKind", kind)).getId();
    Jobs.runDue(management, id);
    return id;
  }

  private Object variable(String id, String name) {
    return runtime.getVariable(id, name);
  }

  private String endOf(String id) {
    return history.createHistoricProcessInstanceQuery().processInstanceId(id).singleResult().getEndActivityId();
  }

  @Test
  void aNotificationIsStoredOnceAndARepeatChangesNothing() {
    long before = store.count();
    ResponseEntity<JsonNode> first = notify(notification("PAY-REPEAT-1", "43250", "APP-REPEAT-1"));
    assertThat(first.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    assertThat(first.getBody().get("receivedAt").asText()).isNotBlank();

    ResponseEntity<JsonNode> repeat = notify(notification("PAY-REPEAT-1", "43250.00", "APP-REPEAT-1"));
    assertThat(repeat.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(repeat.getBody()).isEqualTo(first.getBody());
    assertThat(store.count()).isEqualTo(before + 1);

    ResponseEntity<JsonNode> changed = notify(notification("PAY-REPEAT-1", "50000", "APP-REPEAT-1"));
    assertThat(changed.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    assertThat(changed.getBody().get("detail").asText()).contains("PAY-REPEAT-1", "other content");
    assertThat(store.count()).isEqualTo(before + 1);
    assertThat(store.find("PAY-REPEAT-1").orElseThrow().amountKzt()).isEqualByComparingTo("43250");
  }

  @Test
  void badNotificationsAreRefusedWithEveryProblemAndStoreNothing() {
    long before = store.count();
    ResponseEntity<JsonNode> bad = notify("""
        {"paymentId":"PAY BAD","payerId":"040540000124","amountKzt":-1,"service":"fishing-licence",
         "paidAt":"2099-01-01T00:00:00+05:00"}""");
    assertThat(bad.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(bad.getBody().get("problems")).extracting(JsonNode::asText).containsExactlyInAnyOrder(
        "paymentId: 1 to 64 letters, digits, '.', '_', ':' or '-'",
        "payerId: BIN 040540000124: check digit is 4, expected 3",
        "amountKzt: must be more than 0",
        "service: 'fishing-licence' is not a paid service here (known: archaeology-license, scrap-metal-license)",
        "applicationReference: required",
        "paidAt: 2099-01-01T00:00+05:00 is in the future");
    assertThat(notify("{\"paymentId\":\"PAY-X\",\"amountKzt\":\"много\"}").getStatusCode())
        .isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(notify(notification("PAY-TIYN", "100.005", "APP-X")).getBody().get("problems").toString())
        .contains("2 of tiyn");
    assertThat(store.count()).isEqualTo(before);
  }

  @Test
  void onlyThePaymentGatewayAndAdministratorsMayNotify() {
    assertThat(post("portal", "demo", notification("PAY-AUTH-1", "1", "APP-AUTH")).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(post("wko.employee", "demo", notification("PAY-AUTH-1", "1", "APP-AUTH")).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(store.find("PAY-AUTH-1")).isEmpty();
    assertThat(post("admin", "admin", notification("PAY-AUTH-2", "1", "APP-AUTH")).getStatusCode())
        .isEqualTo(HttpStatus.CREATED);
    assertThat(http.withBasicAuth("wko.employee", "demo").getForEntity("/api/v1/payments?applicationReference=APP-AUTH",
        JsonNode.class).getBody()).hasSize(1);
  }

  @Test
  void aWaitingApplicationIsWokenByEachPaymentAndRegisteredOncePaidInFull() {
    String id = start("APP-WAIT-1", "issuance");
    assertThat(runtime.getActiveActivityIds(id)).containsExactly("WaitForPayment");
    assertThat(variable(id, "paymentReason")).asString().startsWith("No payment for application APP-WAIT-1");

    // a partial payment wakes the application, fails C2 with a reason, and the application waits again
    ResponseEntity<JsonNode> partial = notify(notification("PAY-WAIT-1", "20000", "APP-WAIT-1"));
    assertThat(partial.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    Jobs.runDue(management, id);
    assertThat(variable(id, "paymentComplete")).isEqualTo(false);
    assertThat(variable(id, "paymentShortfall")).isEqualTo("23250.00");
    assertThat(variable(id, "paymentReason")).isEqualTo("Paid 20000.00 KZT of 43250.00 KZT, 23250.00 KZT missing"
        + " (10 MCI × 4325 KZT (MCI 2026) = 43250.00 KZT for issuance of scrap-metal-license)");
    assertThat(runtime.getActiveActivityIds(id)).containsExactly("WaitForPayment");

    // a repeated notification wakes nobody and counts once
    assertThat(notify(notification("PAY-WAIT-1", "20000", "APP-WAIT-1")).getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(management.createJobQuery().processInstanceId(id).executable().count()).isZero();

    notify(notification("PAY-WAIT-2", "23250", "APP-WAIT-1"));
    Jobs.runDue(management, id);
    assertThat(endOf(id)).isEqualTo("ApplicationRegistered");
    assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(id).variableName("applicationNumber")
        .singleResult().getValue()).asString().matches("KZ-WKO-\\d{4}-\\d{6}");
  }

  @Test
  void aPaymentNobodyWaitsForIsFoundByTheCheckLater() {
    assertThat(notify(notification("PAY-EARLY-1", "4325", "APP-EARLY-1")).getStatusCode())
        .isEqualTo(HttpStatus.CREATED);

    String id = start("APP-EARLY-1", "re-issuance");

    assertThat(endOf(id)).isEqualTo("ApplicationRegistered");
  }

  @Test
  void withoutPaymentTheWaitTimesOutAndTheServiceIsRefused() {
    String id = start("APP-NONE-1", "duplicate");
    assertThat(variable(id, "paymentDue")).isNotNull();
    Job timer = management.createJobQuery().processInstanceId(id).timers().singleResult();
    assertThat(timer).as("the wait has a deadline").isNotNull();

    management.executeJob(timer.getId());

    assertThat(endOf(id)).isEqualTo("RefusedNoPayment");
    assertThat(runtime.createProcessInstanceQuery().processInstanceId(id).count()).isZero();
  }
}
