package kz.egov.workflow.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;
import kz.egov.workflow.payment.Payment;
import kz.egov.workflow.payment.PaymentNotifications;
import kz.egov.workflow.process.Jobs;
import kz.egov.workflow.scrapmetal.DemoSigner;
import kz.egov.workflow.signature.DemoPki;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;

/**
 * The compliance report's numbers against applications whose timing the test made: the audit drill
 * ({@link AuditDrill}: step norms in elapsed time, working days and working hours, a called sub-process, a
 * 5-working-day deadline) and R2's portal diagram (an outside-system step that waited, a decision after the
 * 15-working-day deadline, a refusal at P2).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"demo", "test"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuditReportTest {

  static final String COMPANY_BIN = "040540000123";
  static final String HEAD_IIN = "781122301233";

  @Autowired ProcessEngine engine;
  @Autowired TestRestTemplate http;
  @Autowired WorkingTimeMeasure measure;
  @Autowired PaymentNotifications payments;
  @Autowired DemoPki demoPki;

  AuditDrill drill;
  String lateR2;
  Date lateR2Deadline;
  String refusedR2;

  @BeforeAll
  void seed() throws Exception {
    drill = new AuditDrill(engine, measure.zone());
    drill.seedOnce();
    seedR2();
  }

  @BeforeEach
  void reportTime() {
    ClockUtil.setCurrentTime(drill.now());
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void theSummaryCountsTheDrillExactly() {
    JsonNode summary = get("auditor", "/api/v1/audit/summary?" + AuditDrill.PERIOD).getBody();
    assertThat(summary.path("from").asText()).isEqualTo("2031-02-01");
    assertThat(summary.path("generatedAt").asText()).isEqualTo("2031-02-14T12:00:00+05:00");
    JsonNode service = only(summary.path("services"), "service", AuditDrill.SERVICE);
    assertGroup(service);
    assertThat(service.path("provider").asText()).isEqualTo("wko");
    // nothing else of wko's ran in February 2031: the provider's numbers are the drill's
    JsonNode provider = only(summary.path("providers"), "provider", "wko");
    assertGroup(provider);
    assertThat(provider.path("name").path("ru").asText()).contains("Западно-Казахстанской");

    JsonNode receive = step(service, AuditDrill.KEY, "receive");
    assertThat(receive.path("step").asText()).isEqualTo("D1");
    assertThat(receive.path("norm").asText()).isEqualTo("PT15M");
    assertThat(receive.path("unit").asText()).isEqualTo("seconds");
    assertStep(receive, 6, 2, 600, 2400);
    assertStep(step(service, AuditDrill.KEY, "register"), 6, 0, 0, 0);
    JsonNode examine = step(service, AuditDrill.KEY, "examine");
    assertThat(examine.path("unit").asText()).isEqualTo("working days");
    assertThat(examine.path("normValue").asDouble()).isEqualTo(2);
    assertStep(examine, 6, 2, 1.5, 9);
    JsonNode sign = step(service, AuditDrill.KEY, "sign");
    assertThat(sign.path("normValue").asDouble()).isEqualTo(3600);
    assertStep(sign, 3, 1, 1800, 4200);
    // the call activity has no norm; the called process's step is counted under the caller's application
    assertStep(step(service, AuditDrill.KEY, "hand-over"), 3, 0, 300, 600);
    assertStep(step(service, "audit-drill-notice", "hand-over"), 3, 0, 300, 600);
    assertThat(service.path("steps")).hasSize(6);
  }

  private static void assertGroup(JsonNode group) {
    assertThat(group.path("total").asInt()).isEqualTo(6);
    assertThat(group.path("finished").asInt()).isEqualTo(4);
    assertThat(group.path("issued").asInt()).isEqualTo(3);
    assertThat(group.path("refused").asInt()).isEqualTo(1);
    assertThat(group.path("running").asInt()).isEqualTo(2);
    assertThat(group.path("overdue").asInt()).isEqualTo(1);
    assertThat(group.path("deadlineBreaches").asInt()).isEqualTo(2);
    assertThat(group.path("stepBreaches").asInt()).isEqualTo(5);
    assertThat(group.path("applicationsWithStepBreaches").asInt()).isEqualTo(4);
    assertThat(group.path("deadlineWorkingDays").asInt()).isEqualTo(5);
    // finished applications took 1, 1, 3 and 6 working days
    assertThat(group.path("workingDays").path("count").asInt()).isEqualTo(4);
    assertThat(group.path("workingDays").path("median").asDouble()).isEqualTo(2.0);
    assertThat(group.path("workingDays").path("p95").asDouble()).isEqualTo(6.0);
  }

  private static void assertStep(JsonNode step, int count, int exceeded, double median, double p95) {
    assertThat(step.path("count").asInt()).as(step.path("name").asText()).isEqualTo(count);
    assertThat(step.path("exceeded").asInt()).as(step.path("name").asText()).isEqualTo(exceeded);
    assertThat(step.path("actual").path("median").asDouble()).as(step.path("name").asText()).isEqualTo(median);
    assertThat(step.path("actual").path("p95").asDouble()).as(step.path("name").asText()).isEqualTo(p95);
  }

  @Test
  void eachApplicationShowsItsStepsAgainstTheirNorms() {
    JsonNode b = get("auditor", "/api/v1/audit/applications/" + AuditDrill.PREFIX + "B").getBody();
    assertThat(b.path("status").asText()).isEqualTo("issued");
    assertThat(b.path("deadline").asText()).isEqualTo("met");
    assertThat(b.path("deadlineAt").asText()).isEqualTo("2031-02-10T18:30:00+05:00");
    assertThat(b.path("workingDays").asInt()).isEqualTo(3);
    assertThat(b.path("stepsExceeded").asInt()).isEqualTo(2);
    List<String> order = new ArrayList<>();
    b.path("steps").forEach(s -> order.add(s.path("name").asText()));
    assertThat(order).containsExactly("D1 Receive the documents", "D2 Register the application",
        "D3 Examine the documents", "D4 Sign the certificate", "D5 Hand the certificate over",
        "N1 Hand the certificate over");
    JsonNode receive = b.path("steps").get(0);
    assertThat(receive.path("actual").asDouble()).isEqualTo(2400);
    assertThat(receive.path("status").asText()).isEqualTo("exceeded");
    assertThat(receive.path("clause").asText()).isEqualTo("drill 1");
    assertThat(receive.path("normText").asText()).isEqualTo("15 minutes");
    JsonNode examine = b.path("steps").get(2);
    assertThat(examine.path("actual").asDouble()).as("ended at 18:00 of the 2nd working day").isEqualTo(2);
    assertThat(examine.path("status").asText()).isEqualTo("within");
    JsonNode sign = b.path("steps").get(3);
    assertThat(sign.path("startedAt").asText()).isEqualTo("2031-02-05T18:00:00+05:00");
    assertThat(sign.path("endedAt").asText()).isEqualTo("2031-02-06T09:40:00+05:00");
    assertThat(sign.path("actual").asDouble()).as("30 + 40 minutes of working time, not 15 h 40 min").isEqualTo(4200);
    assertThat(sign.path("status").asText()).isEqualTo("exceeded");
    assertThat(b.path("steps").get(4).path("status").asText()).isEqualTo("no-norm");
    assertThat(b.path("steps").get(5).path("process").asText()).isEqualTo("audit-drill-notice");

    JsonNode c = get("auditor", "/api/v1/audit/applications/" + AuditDrill.PREFIX + "C").getBody();
    assertThat(c.path("deadline").asText()).isEqualTo("breached");
    assertThat(c.path("workingDays").asInt()).isEqualTo(6);

    JsonNode e = get("auditor", "/api/v1/audit/applications/" + AuditDrill.PREFIX + "E").getBody();
    assertThat(e.path("status").asText()).isEqualTo("running");
    assertThat(e.path("deadline").asText()).isEqualTo("overdue");
    JsonNode running = e.path("steps").get(2);
    assertThat(running.path("running").asBoolean()).isTrue();
    assertThat(running.path("actual").asDouble()).isEqualTo(9);
    assertThat(running.path("status").asText()).isEqualTo("exceeded");

    JsonNode f = get("auditor", "/api/v1/audit/applications/" + AuditDrill.PREFIX + "F").getBody();
    assertThat(f.path("deadline").asText()).isEqualTo("due");
    assertThat(f.path("dueInWorkingDays").asInt()).isEqualTo(4);
    assertThat(f.path("deadlineAt").asText()).isEqualTo("2031-02-20T18:30:00+05:00");
  }

  @Test
  void theListFiltersByBreach() {
    assertThat(ids("/api/v1/audit/applications?service=audit-drill&" + AuditDrill.PERIOD))
        .containsExactly("A", "B", "E", "C", "D", "F");
    assertThat(ids("/api/v1/audit/applications?service=audit-drill&breached=true&" + AuditDrill.PERIOD))
        .containsExactly("B", "E", "C", "F");
    assertThat(ids("/api/v1/audit/applications?service=audit-drill&breached=deadline&" + AuditDrill.PERIOD))
        .containsExactly("E", "C");
    assertThat(ids("/api/v1/audit/applications?service=audit-drill&breached=false&" + AuditDrill.PERIOD))
        .containsExactly("A", "D");
    assertThat(ids("/api/v1/audit/applications?service=audit-drill&from=2031-02-05&to=2031-02-13"))
        .containsExactly("D", "F");
    JsonNode list = get("auditor", "/api/v1/audit/applications?service=audit-drill&" + AuditDrill.PERIOD).getBody();
    assertThat(list.path("count").asInt()).isEqualTo(6);
    assertThat(list.path("applications").get(0).has("steps")).as("lists carry counts, not steps").isFalse();
  }

  @Test
  void r2ApplicationsShowTheOutsideSystemsWaitAndTheBreachedDeadline() {
    ClockUtil.reset();
    JsonNode late = get("auditor", "/api/v1/audit/applications/" + lateR2).getBody();
    assertThat(late.path("process").asText()).isEqualTo("scrap-metal-license-portal");
    assertThat(late.path("service").asText()).isEqualTo("scrap-metal-license");
    assertThat(late.path("status").asText()).isEqualTo("issued");
    assertThat(late.path("deadline").asText()).isEqualTo("breached");
    assertThat(late.path("deadlineWorkingDays").asInt()).isEqualTo(15);
    assertThat(OffsetDateTime.parse(late.path("deadlineAt").asText()).toInstant()).isEqualTo(lateR2Deadline.toInstant());
    assertThat(late.path("workingDays").asInt()).as("an hour after the end of the 15th working day").isEqualTo(16);
    assertThat(late.path("stepsExceeded").asInt()).isEqualTo(1);
    JsonNode p1 = stepNamed(late, "P1 Applicant signs in to the portal");
    assertThat(p1.path("norm").asText()).isEqualTo("PT15S");
    assertThat(p1.path("actual").asDouble()).as("from the job's creation: the 30 s it waited count").isEqualTo(30);
    assertThat(p1.path("status").asText()).isEqualTo("exceeded");
    JsonNode p9 = stepNamed(late, "P9 Register the application");
    assertThat(p9.path("norm").asText()).isEqualTo("P15D");
    assertThat(p9.path("unit").asText()).isEqualTo("working days");
    assertThat(p9.path("status").asText()).isEqualTo("within");
    assertThat(stepNamed(late, "Check the qualification requirements").path("status").asText()).isEqualTo("no-norm");

    JsonNode refused = get("auditor", "/api/v1/audit/applications/" + refusedR2).getBody();
    assertThat(refused.path("status").asText()).isEqualTo("refused");
    assertThat(refused.path("refusalStep").asText()).isEqualTo("P2");
    assertThat(refused.path("deadline").asText()).as("refused before registration: no deadline ran").isEqualTo("none");
    JsonNode p2 = stepNamed(refused, "P2 Authorisation refused");
    assertThat(p2.path("norm").asText()).isEqualTo("PT20S");
    assertThat(p2.path("status").asText()).isEqualTo("within");

    assertThat(ids("/api/v1/audit/applications?service=scrap-metal-license&breached=deadline")).contains(lateR2)
        .doesNotContain(refusedR2);
  }

  @Test
  void csvHasOneHeaderAndOneRowPerApplicationStepOrGroup() {
    ResponseEntity<String> list = http.withBasicAuth("auditor", "demo").exchange(
        "/api/v1/audit/applications?service=audit-drill&" + AuditDrill.PERIOD, HttpMethod.GET,
        new HttpEntity<>(headers("text/csv")), String.class);
    assertThat(list.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(list.getHeaders().getContentType().toString()).startsWith("text/csv");
    String[] lines = list.getBody().split("\r\n");
    assertThat(lines).hasSize(7);
    assertThat(lines[0]).isEqualTo(String.join(",", AuditCsv.APPLICATION_COLUMNS));
    assertThat(lines[1]).startsWith("AUDIT-DRILL-A,audit-drill-provider,audit-drill,wko,provider,,,issued,,"
        + "2031-02-03T08:50:00+05:00,2031-02-03T09:00:00+05:00,2031-02-10T18:30:00+05:00,2031-02-04T10:35:00+05:00,"
        + "5,1,met,,0");
    for (String line : lines) {
      assertThat(line.split(",", -1)).hasSize(AuditCsv.APPLICATION_COLUMNS.size());
    }

    String steps = http.withBasicAuth("auditor", "demo").getForObject(
        "/api/v1/audit/applications/" + AuditDrill.PREFIX + "B.csv", String.class);
    String[] stepLines = steps.split("\r\n");
    assertThat(stepLines).hasSize(7);
    assertThat(stepLines[0]).isEqualTo(String.join(",", AuditCsv.STEP_COLUMNS));
    assertThat(stepLines[4]).isEqualTo("AUDIT-DRILL-B,audit-drill-provider,D4,D4 Sign the certificate,sign,drill 4,PT1H,"
        + "seconds,3600,2031-02-05T18:00:00+05:00,2031-02-06T09:40:00+05:00,4200,exceeded,false");

    String summary = http.withBasicAuth("auditor", "demo").getForObject(
        "/api/v1/audit/summary.csv?service=audit-drill&" + AuditDrill.PERIOD, String.class);
    String[] summaryLines = summary.split("\r\n");
    assertThat(summaryLines[0]).isEqualTo(String.join(",", AuditCsv.SUMMARY_COLUMNS));
    // a service row, its 6 steps, the provider row and its 6 steps
    assertThat(summaryLines).hasSize(1 + 7 + 7);
    assertThat(summaryLines[1]).isEqualTo("service,audit-drill,wko,,,,,working days,,6,4,3,1,2,1,2,5,5,4,,2,6");
    assertThat(summaryLines[2]).isEqualTo("service-step,audit-drill,wko,audit-drill-provider,D1,"
        + "D1 Receive the documents,PT15M,seconds,900,,,,,,,,,,6,2,600,2400");
  }

  @Test
  void auditorsAndAdminsReadEverythingAHeadItsOwnProviderOthersNothing() {
    assertThat(get("auditor", "/api/v1/audit/summary").getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(http.withBasicAuth("admin", "admin").getForEntity("/api/v1/audit/summary", JsonNode.class)
        .getStatusCode()).isEqualTo(HttpStatus.OK);
    ResponseEntity<JsonNode> clerk = get("wko.clerk", "/api/v1/audit/summary");
    assertThat(clerk.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(clerk.getBody().path("detail").asText()).contains("auditors");
    assertThat(get("portal", "/api/v1/audit/applications").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(get("wko.clerk", "/api/v1/audit/applications/" + AuditDrill.PREFIX + "A").getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(http.getForEntity("/api/v1/audit/summary", String.class).getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);

    // the head of wko sees wko's applications; the head of akmola none of them, and may not ask for them
    assertThat(ids("wko.head", "/api/v1/audit/applications?service=audit-drill&" + AuditDrill.PERIOD)).hasSize(6);
    assertThat(ids("akmola.head", "/api/v1/audit/applications?service=audit-drill&" + AuditDrill.PERIOD)).isEmpty();
    assertThat(get("akmola.head", "/api/v1/audit/summary?provider=wko").getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(get("akmola.head", "/api/v1/audit/applications/" + AuditDrill.PREFIX + "A").getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);
  }

  @Test
  void badFiltersAre400WithEveryProblem() {
    ResponseEntity<JsonNode> bad = get("auditor", "/api/v1/audit/applications?from=2031-13-01&to=x&breached=maybe");
    assertThat(bad.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(bad.getBody().path("problems")).hasSize(3);
    assertThat(get("auditor", "/api/v1/audit/summary?from=2031-03-01&to=2031-02-01").getStatusCode())
        .isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(get("auditor", "/api/v1/audit/summary?service=No%20Such").getStatusCode())
        .isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(get("auditor", "/api/v1/audit/applications/no-such-application").getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);
  }

  // --- helpers

  private ResponseEntity<JsonNode> get(String user, String path) {
    return http.withBasicAuth(user, "demo").getForEntity(path, JsonNode.class);
  }

  private List<String> ids(String path) {
    return ids("auditor", path);
  }

  private List<String> ids(String user, String path) {
    ResponseEntity<JsonNode> response = get(user, path);
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    return StreamSupport.stream(response.getBody().path("applications").spliterator(), false)
        .map(a -> a.path("id").asText().replace(AuditDrill.PREFIX, "")).toList();
  }

  private static HttpHeaders headers(String accept) {
    HttpHeaders headers = new HttpHeaders();
    headers.set("Accept", accept);
    return headers;
  }

  private static JsonNode only(JsonNode groups, String field, String value) {
    List<JsonNode> found = StreamSupport.stream(groups.spliterator(), false)
        .filter(g -> value.equals(g.path(field).asText())).toList();
    assertThat(found).as(field + " " + value).hasSize(1);
    return found.get(0);
  }

  private static JsonNode step(JsonNode group, String process, String activityId) {
    return StreamSupport.stream(group.path("steps").spliterator(), false)
        .filter(s -> process.equals(s.path("process").asText()) && activityId.equals(s.path("activityId").asText()))
        .findFirst().orElseThrow(() -> new AssertionError("no step " + process + "/" + activityId));
  }

  private static JsonNode stepNamed(JsonNode application, String name) {
    return StreamSupport.stream(application.path("steps").spliterator(), false)
        .filter(s -> name.equals(s.path("name").asText())).findFirst()
        .orElseThrow(() -> new AssertionError("no step " + name + " in " + application));
  }

  /** Two R2 portal applications at the real time (e-licensing registers with the real clock). */
  private void seedR2() throws Exception {
    DemoPki.Material material = demoPki.ensure();
    DemoSigner signer = DemoSigner.fromPkcs12(material.directory().resolve("company.p12"), material.password());
    var runtime = engine.getRuntimeService();
    var management = engine.getManagementService();
    try {
      lateR2 = "audit-r2-" + UUID.randomUUID();
      payments.receive(new Payment("PAY-" + UUID.randomUUID(), COMPANY_BIN, new BigDecimal("43250.00"),
          "scrap-metal-license", lateR2, OffsetDateTime.now(ZoneOffset.ofHours(5)).minusMinutes(1), null));
      Instant t0 = Instant.now().truncatedTo(ChronoUnit.SECONDS);
      ClockUtil.setCurrentTime(Date.from(t0));
      ProcessInstance late = runtime.startProcessInstanceByKey("scrap-metal-license-portal",
          r2Variables(lateR2, HEAD_IIN, signer));
      // the portal-account register answers 30 s later (the job waited): P1's norm is 15 s
      ClockUtil.setCurrentTime(Date.from(t0.plusSeconds(30)));
      Jobs.runDue(management, late.getId());
      lateR2Deadline = (Date) runtime.getVariable(late.getId(), "deadlineAt");
      ClockUtil.setCurrentTime(Date.from(lateR2Deadline.toInstant().plus(1, ChronoUnit.HOURS)));
      Task decision = engine.getTaskService().createTaskQuery().processInstanceId(late.getId())
          .taskDefinitionKey("task-decide").singleResult();
      engine.getTaskService().complete(decision.getId(), Map.of("decision", "issue"));
      Jobs.runDue(management, late.getId());

      ClockUtil.reset();
      refusedR2 = "audit-r2-" + UUID.randomUUID();
      ProcessInstance refused = runtime.startProcessInstanceByKey("scrap-metal-license-portal",
          r2Variables(refusedR2, "950615300010", signer));
      Jobs.runDue(management, refused.getId());
    } finally {
      ClockUtil.reset();
    }
  }

  private static Map<String, Object> r2Variables(String id, String login, DemoSigner signer) throws Exception {
    Map<String, Object> variables = new HashMap<>();
    variables.put("applicationId", id);
    variables.put("channel", "portal");
    variables.put("requestKind", "issuance");
    variables.put("applicantId", COMPANY_BIN);
    variables.put("applicantName", "ТОО \"Батыс Металл Трейд\"");
    variables.put("portalLogin", login);
    variables.put("submittedBy", "portal");
    String document = "{\"service\":\"scrap-metal-license\",\"requestKind\":\"issuance\",\"applicantId\":\""
        + COMPANY_BIN + "\",\"formData\":{\"companyName\":\"ТОО \\\"Батыс Металл Трейд\\\"\","
        + "\"siteAddress\":\"Уральск, Промзона, 3\",\"metals\":[\"ferrous\"],\"subtypes\":[\"collection\"]},"
        + "\"attachments\":[]}";
    variables.put("cms", signer.signAttached(document.getBytes(StandardCharsets.UTF_8)));
    return variables;
  }
}
