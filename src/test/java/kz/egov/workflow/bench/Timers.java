package kz.egov.workflow.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Many deadline timers coming due at once: {@code n} instances of {@link BenchDiagrams#TIMERS} wait in their user
 * task with a deadline timer whose date is past, created while the timer's job definition is suspended (so the
 * jobs are created suspended and nothing fires early); then the job definition is activated with its jobs and the
 * running job executor has them all due at once. Measured: activation until the first and until the last has
 * fired (its job gone and the overdue step's path ended).
 */
final class Timers {

  record Figures(int timers, double firstSeconds, double allSeconds) {
    double perSecond() {
      return timers / allSeconds;
    }
  }

  private Timers() {}

  /** Timers created and waiting (suspended) for {@link #fire}. */
  record Prepared(AppNode node, int timers, String jobDefinition, long firedBefore) {}

  static Figures fireAtOnce(AppNode node, int timers, int clients) throws Exception {
    return fire(prepare(node, timers, clients));
  }

  static Prepared prepare(AppNode node, int timers, int clients) throws Exception {
    String key = BenchDiagrams.TIMERS;
    JsonNode definitions = AppNode.json(node.get("admin:admin", "/engine-rest/job-definition?processDefinitionKey="
        + key + "&jobType=timer-transition"));
    if (definitions.size() != 1) {
      throw new AssertionError("one timer job definition expected: " + definitions);
    }
    String jobDefinition = definitions.get(0).get("id").asText();
    R2Load.expect(node.send("admin:admin", "PUT", "/engine-rest/job-definition/" + jobDefinition + "/suspended",
        "{\"suspended\": true, \"includeJobs\": true}", null), 204);
    long before = firedCount(node);

    AtomicInteger next = new AtomicInteger();
    ExecutorService threads = Executors.newFixedThreadPool(clients);
    try {
      List<Future<?>> running = new ArrayList<>();
      for (int c = 0; c < clients; c++) {
        running.add(threads.submit(() -> {
          for (int i = next.getAndIncrement(); i < timers; i = next.getAndIncrement()) {
            R2Load.expect(node.post("admin:admin", "/engine-rest/process-definition/key/" + key + "/start", "{}"), 200);
          }
          return null;
        }));
      }
      for (Future<?> client : running) {
        client.get();
      }
    } finally {
      threads.shutdownNow();
      threads.awaitTermination(30, TimeUnit.SECONDS);
    }
    long waiting = node.count("admin:admin", "/engine-rest/job/count?processDefinitionKey=" + key + "&suspended=true");
    if (waiting < timers) {
      throw new AssertionError(timers + " suspended timer jobs expected, found " + waiting);
    }
    return new Prepared(node, timers, jobDefinition, before);
  }

  /** Activates the prepared timers' jobs: all due at once; waits until all have fired. */
  static Figures fire(Prepared prepared) throws Exception {
    AppNode node = prepared.node();
    String key = BenchDiagrams.TIMERS;
    String jobDefinition = prepared.jobDefinition();
    int timers = prepared.timers();
    long before = prepared.firedBefore();
    long begin = System.nanoTime();
    R2Load.expect(node.send("admin:admin", "PUT", "/engine-rest/job-definition/" + jobDefinition + "/suspended",
        "{\"suspended\": false, \"includeJobs\": true}", null), 204);
    double first = -1;
    while (true) {
      long fired = firedCount(node) - before;
      double elapsed = (System.nanoTime() - begin) / 1e9;
      if (fired > 0 && first < 0) {
        first = elapsed;
      }
      if (fired >= timers && node.count("admin:admin", "/engine-rest/job/count?processDefinitionKey=" + key) == 0) {
        return new Figures(timers, first, elapsed);
      }
      if (elapsed * 1000 > R2Load.TIMEOUT_MILLIS) {
        throw new AssertionError(fired + " of " + timers + " timers fired within " + elapsed + " s");
      }
      Thread.sleep(100);
    }
  }

  /** Timers whose path has ended: the overdue step's end event, in history. */
  private static long firedCount(AppNode node) throws Exception {
    return node.count("admin:admin", "/engine-rest/history/activity-instance/count?processDefinitionKey="
        + BenchDiagrams.TIMERS + "&activityId=overdue-end&finished=true");
  }
}
