package kz.egov.workflow.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import kz.egov.workflow.scrapmetal.DemoSigner;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The application killed with SIGKILL ({@code kill -9}) under load on PostgreSQL and started again: every
 * application that was answered 201 is still there and completes, the one in flight at the kill is accepted
 * when the portal sends it again with its Idempotency-Key, and no licence or signed result exists twice.
 * The application runs as a child JVM (the test's own class path), twice, on one embedded PostgreSQL.
 */
class CrashRecoveryTest {

  static final Duration STARTUP = Duration.ofSeconds(150);
  final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @Test
  void killedUnderLoadAndStartedAgainEveryAcceptedApplicationCompletesOnce() throws Exception {
    try (EmbeddedPostgres database = EmbeddedPostgres.start()) {
      String url = database.getJdbcUrl("postgres", "postgres");
      Node first = Node.start(url, "first");
      Process second = null;
      try {
        long started = System.currentTimeMillis();
        first.awaitUp(client);
        log("first node up", started);
        DemoSigner company = DemoSigner.fromPkcs12(Path.of("target/test-pki/company.p12"), "demo");

        // the portal submits, one after another, paid and signed applications while the node is killed
        List<String> accepted = Collections.synchronizedList(new ArrayList<>());
        List<String> refused = Collections.synchronizedList(new ArrayList<>());
        AtomicReference<Submission> inFlight = new AtomicReference<>();
        AtomicBoolean stop = new AtomicBoolean();
        Thread portal = new Thread(() -> {
          while (!stop.get()) {
            try {
              String reference = "REL-CRASH-" + UUID.randomUUID();
              Submission submission = new Submission(reference, UUID.randomUUID().toString(),
                  R2Requests.JSON.writeValueAsString(R2Requests.portalApplication(reference, "ТОО Батыс Металл Трейд",
                      company)), R2Requests.JSON.writeValueAsString(R2Requests.payment("PAY-" + reference, reference)));
              inFlight.set(submission);
              first.pay(client, submission);
              int status = first.submit(client, submission);
              if (status == 201) {
                accepted.add(submission.reference());
                inFlight.set(null);
              } else {
                refused.add(submission.reference() + ": " + status);
              }
            } catch (IOException killed) {
              return;
            } catch (Exception e) {
              throw new IllegalStateException(e);
            }
          }
        }, "portal");
        portal.start();
        long until = System.currentTimeMillis() + 30_000;
        while (accepted.size() < 6 && System.currentTimeMillis() < until) {
          Thread.sleep(100);
        }
        first.process().destroyForcibly(); // SIGKILL: no shutdown hook, no graceful stop
        first.process().waitFor();
        log("first node killed with " + accepted.size() + " accepted", started);
        stop.set(true);
        portal.join(30_000);
        assertThat(refused).as("answers other than 201 before the kill").isEmpty();
        assertThat(accepted).as("applications accepted before the kill").hasSizeGreaterThanOrEqualTo(3);

        Node again = Node.start(url, "second");
        second = again.process();
        again.awaitUp(client);
        log("second node up", started);
        // the portal sends the request that had no answer again, with the same key
        Submission unanswered = inFlight.get();
        if (unanswered != null) {
          again.pay(client, unanswered);
          assertThat(again.submit(client, unanswered)).isEqualTo(201);
          accepted.add(unanswered.reference());
        }

        // every accepted application reaches the decision; the employee issues; each ends with its licence
        Map<String, String> licences = again.decideAndAwaitIssued(client, accepted);
        log("every application issued", started);
        assertThat(licences).hasSize(accepted.size());
        assertThat(licences.values()).doesNotHaveDuplicates().doesNotContainNull();

        JdbcTemplate jdbc = new JdbcTemplate(database.getPostgresDatabase());
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM application WHERE id LIKE 'REL-CRASH-%'", Long.class))
            .as("the accepted ones, and the one in flight if the first node had stored it").isEqualTo(accepted.size());
        assertThat(jdbc.queryForList("SELECT application_number FROM licensing_licence WHERE application_number"
            + " IS NOT NULL GROUP BY application_number HAVING COUNT(*) > 1", String.class)).isEmpty();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM result_document WHERE application_id LIKE"
            + " 'REL-CRASH-%' AND kind = 'licence'", Long.class)).isEqualTo(accepted.size());
        assertThat(jdbc.queryForObject("SELECT COUNT(DISTINCT business_key_) FROM act_hi_procinst"
            + " WHERE business_key_ LIKE 'REL-CRASH-%'", Long.class)).isEqualTo(accepted.size());
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM act_hi_procinst WHERE business_key_ LIKE 'REL-CRASH-%'",
            Long.class)).as("one instance per application").isEqualTo(accepted.size());
      } finally {
        first.process().destroyForcibly().waitFor();
        if (second != null) {
          second.destroy();
          second.waitFor();
        }
      }
    }
  }

  private static void log(String event, long started) {
    System.out.printf("crash recovery: %s after %.1f s%n", event, (System.currentTimeMillis() - started) / 1000.0);
  }

  /** An application and its fee's payment notification, as the portal and the gateway send (and resend) them. */
  record Submission(String reference, String idempotencyKey, String body, String payment) {}

  /** The application in a child JVM: the test's class path, the postgres and demo profiles, jobs running. */
  record Node(Process process, int port, String name) {

    static Node start(String databaseUrl, String name) throws IOException {
      int port;
      try (ServerSocket socket = new ServerSocket(0)) {
        port = socket.getLocalPort();
      }
      // surefire's class path ends with an empty entry, which would put the working directory (and the
      // processes/ folder a second time) on the child's class path
      String classPath = java.util.Arrays.stream(System.getProperty("surefire.test.class.path",
              System.getProperty("java.class.path")).split(File.pathSeparator)).filter(e -> !e.isBlank())
          .collect(java.util.stream.Collectors.joining(File.pathSeparator));
      List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
              .toString(), "-Xmx512m", "-XX:TieredStopAtLevel=1", "-cp", classPath,
          "kz.egov.workflow.EgovWorkflowApplication",
          "--spring.profiles.active=postgres,demo",
          "--spring.datasource.url=" + databaseUrl,
          "--spring.datasource.username=postgres",
          "--spring.datasource.password=",
          "--server.port=" + port,
          "--egov.signature.demo.directory=target/test-pki",
          "--camunda.bpm.job-execution.enabled=true",
          // a dead node's locks expire after this; Camunda's default is 5 minutes
          "--camunda.bpm.job-execution.lock-time-in-millis=10000",
          "--camunda.bpm.job-execution.max-wait=1000",
          "--logging.level.root=WARN"));
      File log = new File("target/crash-recovery-" + name + ".log");
      Process process = new ProcessBuilder(command).redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.to(log)).start();
      return new Node(process, port, name);
    }

    String base() {
      return "http://localhost:" + port;
    }

    void awaitUp(HttpClient client) throws Exception {
      long until = System.currentTimeMillis() + STARTUP.toMillis();
      while (System.currentTimeMillis() < until) {
        if (!process.isAlive()) {
          throw new AssertionError(name + " node ended at start; see target/crash-recovery-" + name + ".log");
        }
        try {
          HttpResponse<String> health = client.send(HttpRequest.newBuilder(URI.create(base() + "/actuator/health"))
              .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
          if (health.statusCode() == 200 && health.body().contains("UP")) {
            return;
          }
        } catch (IOException notYet) {
          // still starting
        }
        Thread.sleep(500);
      }
      throw new AssertionError(name + " node not up within " + STARTUP);
    }

    void pay(HttpClient client, Submission submission) throws Exception {
      HttpResponse<String> paid = send(client, "payment-gateway:demo", "POST", "/api/v1/payments",
          submission.payment(), null);
      assertThat(paid.statusCode()).as(paid.body()).isIn(200, 201);
    }

    int submit(HttpClient client, Submission submission) throws Exception {
      return send(client, "portal:demo", "POST", "/api/v1/applications", submission.body(),
          submission.idempotencyKey()).statusCode();
    }

    /** Decides every application when it reaches C4, until all are issued; their licence numbers. */
    Map<String, String> decideAndAwaitIssued(HttpClient client, List<String> references) throws Exception {
      Map<String, String> licences = new LinkedHashMap<>();
      long until = System.currentTimeMillis() + 120_000;
      while (licences.size() < references.size() && System.currentTimeMillis() < until) {
        for (String reference : references) {
          if (licences.containsKey(reference)) {
            continue;
          }
          HttpResponse<String> answer = send(client, "portal:demo", "GET", "/api/v1/applications/" + reference,
              null, null);
          assertThat(answer.statusCode()).as(reference + " is still there: " + answer.body()).isEqualTo(200);
          JsonNode status = R2Requests.JSON.readTree(answer.body());
          if ("issued".equals(status.path("status").asText())) {
            licences.put(reference, status.at("/result/licenceNumber").asText(null));
          } else if (status.path("currentSteps").toString().contains("Check the qualification requirements")) {
            JsonNode tasks = R2Requests.JSON.readTree(send(client, "wko.employee:demo", "GET",
                "/engine-rest/task?processInstanceBusinessKey=" + reference, null, null).body());
            if (tasks.size() == 1) {
              send(client, "wko.employee:demo", "POST", "/engine-rest/task/" + tasks.get(0).get("id").asText()
                  + "/complete", "{\"variables\": {\"decision\": {\"value\": \"issue\"}}}", null);
            }
          } else {
            assertThat(status.path("status").asText()).as(reference + ": " + status).isIn("submitted",
                "in-progress");
          }
        }
        Thread.sleep(500);
      }
      return licences;
    }

    HttpResponse<String> send(HttpClient client, String credentials, String method, String path, String body,
        String idempotencyKey) throws IOException, InterruptedException {
      HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base() + path)).timeout(Duration.ofSeconds(60))
          .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
              credentials.getBytes(StandardCharsets.UTF_8)));
      if (body != null) {
        request.header("Content-Type", "application/json")
            .method(method, HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
      } else {
        request.method(method, HttpRequest.BodyPublishers.noBody());
      }
      if (idempotencyKey != null) {
        request.header("Idempotency-Key", idempotencyKey);
      }
      return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
  }
}
