package kz.egov.workflow.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import kz.egov.workflow.reliability.R2Requests;
import kz.egov.workflow.scrapmetal.DemoSigner;

/**
 * Drives R2 portal applications end to end over HTTP against one or more nodes: the payment gateway pays, the
 * portal submits (POST /api/v1/applications), the job executor runs the steps, the provider's employee completes
 * the decision through /engine-rest when it reaches C4, the licence is signed. Request {@code i} goes to node
 * {@code i % n}, and so do the decisions: load on every node. The same for the no-op copy of the diagram, started
 * through /engine-rest.
 */
final class R2Load {

  static final String PORTAL_KEY = "scrap-metal-license-portal";
  static final long TIMEOUT_MILLIS = Long.getLong("bench.timeout.seconds", 600) * 1000;

  /** A finished run: how many instances in how long, and what the nodes used meanwhile. */
  record Run(String path, int instances, double seconds, long maxRssKib, long maxHeapBytes, long failedJobs) {
    double perSecond() {
      return instances / seconds;
    }
  }

  private R2Load() {}

  /** Paid, signed applications submitted through the API and completed to their signed licence. */
  static Run realPath(List<AppNode> nodes, DemoSigner company, String prefix, int instances, int clients)
      throws Exception {
    ObjectNode template = R2Requests.portalApplication("template", "ТОО Батыс Металл Трейд", company);
    return run("R2 portal, our delegates", nodes, PORTAL_KEY, prefix, instances, clients, (node, reference) -> {
      String payment = R2Requests.JSON.writeValueAsString(R2Requests.payment("PAY-" + reference, reference));
      expect(node.send("payment-gateway:demo", "POST", "/api/v1/payments", payment, null), 201);
      ObjectNode request = template.deepCopy().put("reference", reference);
      expect(node.send("portal:demo", "POST", "/api/v1/applications", R2Requests.JSON.writeValueAsString(request),
          UUID.randomUUID().toString()), 201);
    });
  }

  /** The no-op copy of the same diagram, started through /engine-rest and completed the same way. */
  static Run noopFloor(List<AppNode> nodes, String prefix, int instances, int clients) throws Exception {
    return run("same diagram, no-op delegates", nodes, BenchDiagrams.NOOP_PORTAL, prefix, instances, clients,
        (node, reference) -> expect(node.post("admin:admin", "/engine-rest/process-definition/key/"
            + BenchDiagrams.NOOP_PORTAL + "/start", "{\"businessKey\": \"" + reference + "\", \"variables\": {"
            + "\"applicationId\": {\"value\": \"" + reference + "\"}, \"applicantId\": {\"value\": \"" + R2Requests.BIN
            + "\"}, \"service\": {\"value\": \"" + R2Requests.SERVICE + "\"}}}"), 200));
  }

  interface Start {
    void start(AppNode node, String reference) throws Exception;
  }

  private static Run run(String label, List<AppNode> nodes, String processKey, String prefix, int instances,
      int clients, Start start) throws Exception {
    AtomicInteger next = new AtomicInteger();
    AtomicBoolean done = new AtomicBoolean();
    List<String> errors = Collections.synchronizedList(new ArrayList<>());
    AtomicLong maxRss = new AtomicLong();
    AtomicLong maxHeap = new AtomicLong();
    ExecutorService threads = Executors.newFixedThreadPool(clients + 2);
    String failures = "/engine-rest/history/job-log/count?failureLog=true&processDefinitionKey=" + processKey;
    long failedBefore = nodes.get(0).count("admin:admin", failures);
    long begin = System.nanoTime();
    List<Future<?>> submitters = new ArrayList<>();
    for (int c = 0; c < clients; c++) {
      submitters.add(threads.submit(() -> {
        for (int i = next.getAndIncrement(); i < instances && errors.isEmpty(); i = next.getAndIncrement()) {
          try {
            start.start(nodes.get(i % nodes.size()), prefix + i);
          } catch (Exception | AssertionError e) {
            errors.add(prefix + i + ": " + e);
          }
        }
        return null;
      }));
    }
    // the provider's employee: completes every decision that has reached C4, on the nodes in turn
    threads.submit(() -> {
      int turn = 0;
      while (!done.get() && errors.isEmpty()) {
        try {
          AppNode reader = nodes.get(turn++ % nodes.size());
          JsonNode tasks = AppNode.json(reader.get("wko.employee:demo", "/engine-rest/task?processDefinitionKey="
              + processKey + "&taskDefinitionKey=task-decide&processInstanceBusinessKeyLike=" + prefix
              + "%25&maxResults=200"));
          int k = 0;
          for (JsonNode task : tasks) {
            AppNode node = nodes.get(k++ % nodes.size());
            expect(node.post("wko.employee:demo", "/engine-rest/task/" + task.get("id").asText() + "/complete",
                "{\"variables\": {\"decision\": {\"value\": \"issue\"}}}"), 204);
          }
          if (tasks.isEmpty()) {
            Thread.sleep(100);
          }
        } catch (Exception | AssertionError e) {
          errors.add("decision: " + e);
        }
      }
      return null;
    });
    // what the nodes use meanwhile
    threads.submit(() -> {
      while (!done.get()) {
        try {
          for (AppNode node : nodes) {
            maxRss.accumulateAndGet(node.rssKib(), Math::max);
            maxHeap.accumulateAndGet(node.heapUsedBytes(), Math::max);
          }
          Thread.sleep(1000);
        } catch (Exception e) {
          return null;
        }
      }
      return null;
    });
    try {
      long finished = 0;
      while (finished < instances) {
        if (!errors.isEmpty()) {
          throw new AssertionError(label + ": " + errors.subList(0, Math.min(5, errors.size())));
        }
        if ((System.nanoTime() - begin) / 1_000_000 > TIMEOUT_MILLIS) {
          throw new AssertionError(label + ": " + finished + " of " + instances + " finished within "
              + TIMEOUT_MILLIS / 1000 + " s; failed jobs: " + failedJobs(nodes.get(0), processKey));
        }
        Thread.sleep(200);
        finished = nodes.get(0).count("admin:admin", "/engine-rest/history/process-instance/count?processDefinitionKey="
            + processKey + "&processInstanceBusinessKeyLike=" + prefix + "%25&finished=true");
      }
      double seconds = (System.nanoTime() - begin) / 1e9;
      for (Future<?> submitter : submitters) {
        submitter.get();
      }
      return new Run(label, instances, seconds, maxRss.get(), maxHeap.get(),
          nodes.get(0).count("admin:admin", failures) - failedBefore);
    } finally {
      done.set(true);
      threads.shutdownNow();
      threads.awaitTermination(30, TimeUnit.SECONDS);
    }
  }

  /** Every application of the run issued, each with its own licence number (read through the API). */
  static Set<String> assertIssued(AppNode node, String prefix, int instances) throws Exception {
    Set<String> licences = new HashSet<>();
    for (int i = 0; i < instances; i++) {
      JsonNode status = AppNode.json(node.get("portal:demo", "/api/v1/applications/" + prefix + i));
      if (!"issued".equals(status.path("status").asText()) || status.at("/result/licenceNumber").isMissingNode()) {
        throw new AssertionError(prefix + i + " not issued: " + status);
      }
      if (!licences.add(status.at("/result/licenceNumber").asText())) {
        throw new AssertionError("licence " + status.at("/result/licenceNumber").asText() + " issued twice");
      }
    }
    return licences;
  }

  static String failedJobs(AppNode node, String processKey) {
    try {
      return AppNode.json(node.get("admin:admin", "/engine-rest/job?withException=true&processDefinitionKey="
          + processKey + "&maxResults=3")).toString();
    } catch (Exception e) {
      return e.toString();
    }
  }

  static void expect(HttpResponse<String> answer, int status) {
    if (answer.statusCode() != status) {
      throw new AssertionError(answer.request().method() + " " + answer.uri().getPath() + " answered "
          + answer.statusCode() + " (expected " + status + "): " + answer.body());
    }
  }
}
