package kz.egov.workflow.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import kz.egov.workflow.signature.DemoPki;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

/**
 * Soak: mixed traffic at a fixed rate for {@code -Dsoak.duration} (default 10 minutes): every second the portal
 * pays and submits an R2 application, reads statuses, checks a signature and a deadline, and the employee
 * decides what reached C4 (through the engine's API); the job executor runs the steps. No answer may be an
 * error and the heap after a full GC may not grow (the database is a file, so stored applications do not count as heap). Not in the
 * normal suite (tag {@code benchmark}); docs/reliability.md has the command and the last figure.
 */
@Tag("benchmark")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "camunda.bpm.process-engine-name=soak",
    "camunda.bpm.job-execution.enabled=true",
    "spring.datasource.url=jdbc:h2:file:./target/soak/egov-${random.uuid};DB_CLOSE_ON_EXIT=FALSE"})
@ActiveProfiles({"demo", "test"})
@DirtiesContext
class SoakBenchmark {

  @Autowired TestRestTemplate http;
  @Autowired RuntimeService runtime;
  @Autowired ManagementService management;
  @Autowired TaskService tasks;
  @Autowired DemoPki demoPki;

  @Test
  void mixedTrafficAtAFixedRateWithoutErrorsAndWithFlatMemory() throws Exception {
    Duration duration = Duration.parse(System.getProperty("soak.duration", "PT10M"));
    R2Driver r2 = new R2Driver(http, runtime, management, demoPki);
    byte[] signed = r2.company().signAttached("soak".getBytes(StandardCharsets.UTF_8));
    List<String> errors = Collections.synchronizedList(new ArrayList<>());
    Queue<String> open = new ConcurrentLinkedQueue<>();
    AtomicLong submitted = new AtomicLong();
    AtomicLong issued = new AtomicLong();
    AtomicLong requests = new AtomicLong();
    List<Long> submitMillis = Collections.synchronizedList(new ArrayList<>());
    ExecutorService workers = Executors.newFixedThreadPool(4);
    ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor();

    Runnable tick = () -> workers.submit(() -> {
      try {
        // the portal: a paid, signed application
        String reference = "SOAK-" + UUID.randomUUID();
        long start = System.nanoTime();
        ResponseEntity<JsonNode> paid = r2.pay("PAY-" + reference, reference);
        ResponseEntity<JsonNode> answer = r2.submit(r2.application(reference, "ТОО Батыс Металл Трейд"),
            UUID.randomUUID().toString());
        submitMillis.add((System.nanoTime() - start) / 1_000_000);
        requests.addAndGet(2);
        expect(errors, "payment", paid.getStatusCode().value(), 201);
        expect(errors, "submission", answer.getStatusCode().value(), 201);
        submitted.incrementAndGet();
        open.add(reference);
        // reads: a signature check, a deadline
        ResponseEntity<String> verdict = http.withBasicAuth("portal", "demo").postForEntity(
            "/api/v1/signatures/verify", Map.of("cms", Base64.getEncoder().encodeToString(signed)), String.class);
        expect(errors, "verify", verdict.getStatusCode().value(), 200);
        ResponseEntity<String> deadline = http.withBasicAuth("portal", "demo").getForEntity(
            "/api/v1/calendar/deadline?from=2026-03-19T05:00:00Z&workingDays=15", String.class);
        expect(errors, "deadline", deadline.getStatusCode().value(), 200);
        requests.addAndGet(2);
        // the employee decides what has reached C4; the portal reads statuses
        for (int i = 0, n = open.size(); i < n; i++) {
          String id = open.poll();
          if (id == null) {
            break;
          }
          JsonNode status = r2.status(id);
          requests.incrementAndGet();
          if ("issued".equals(status.path("status").asText())) {
            issued.incrementAndGet();
            continue;
          }
          if (!status.path("status").asText().matches("submitted|in-progress")) {
            errors.add(id + " ended " + status.path("status").asText() + ": " + status.path("refusal"));
            continue;
          }
          if (status.path("currentSteps").toString().contains("Check the qualification requirements")) {
            // through the engine's API: this context's engine is not the one /engine-rest serves ("default")
            Task decision = tasks.createTaskQuery().processInstanceBusinessKey(id).singleResult();
            tasks.complete(decision.getId(), Map.of("decision", "issue"));
          }
          open.add(id);
        }
      } catch (Exception | AssertionError e) {
        errors.add(e.toString());
      }
    });

    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    long begin = System.currentTimeMillis();
    clock.scheduleAtFixedRate(tick, 0, 1, TimeUnit.SECONDS);
    // the heap is measured after a warm-up of a sixth of the run, and at the end
    Thread.sleep(duration.toMillis() / 6);
    long heapAfterWarmUp = usedHeapAfterGc(memory);
    Thread.sleep(duration.toMillis() - duration.toMillis() / 6);
    clock.shutdown();
    clock.awaitTermination(10, TimeUnit.SECONDS);
    workers.shutdown();
    workers.awaitTermination(2, TimeUnit.MINUTES);
    long heapAtEnd = usedHeapAfterGc(memory);
    double seconds = (System.currentTimeMillis() - begin) / 1000.0;

    List<Long> sorted = new ArrayList<>(submitMillis);
    Collections.sort(sorted);
    String figure = String.format("soak %s: %d applications submitted (%d issued), %d requests in %.0f s"
            + " (%.1f req/s), %d errors; submit+pay p50 %d ms, p95 %d ms; heap after GC %d MiB after warm-up,"
            + " %d MiB at the end", duration, submitted.get(), issued.get(), requests.get(), seconds,
        requests.get() / seconds, errors.size(), percentile(sorted, 50), percentile(sorted, 95),
        heapAfterWarmUp >> 20, heapAtEnd >> 20);
    System.out.println(figure);
    Files.createDirectories(Path.of("target"));
    Files.writeString(Path.of("target/soak.txt"), figure + System.lineSeparator() + String.join(System.lineSeparator(),
        errors.subList(0, Math.min(20, errors.size()))));

    assertThat(errors).as("errors during the soak").isEmpty();
    assertThat(submitted.get()).as("the fixed rate was held").isGreaterThanOrEqualTo((long) (seconds * 0.9) - 2);
    assertThat(heapAtEnd).as("flat memory: heap after GC at the end vs after warm-up")
        .isLessThan(heapAfterWarmUp + Math.max(64L << 20, heapAfterWarmUp / 2));
  }

  private static void expect(List<String> errors, String what, int status, int expected) {
    if (status != expected) {
      errors.add(what + " answered " + status);
    }
  }

  private static long usedHeapAfterGc(MemoryMXBean memory) throws InterruptedException {
    for (int i = 0; i < 3; i++) {
      System.gc();
      Thread.sleep(200);
    }
    return memory.getHeapMemoryUsage().getUsed();
  }

  private static long percentile(List<Long> sorted, int p) {
    return sorted.isEmpty() ? 0 : sorted.get(Math.min(sorted.size() - 1, sorted.size() * p / 100));
  }

}
