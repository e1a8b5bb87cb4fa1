package kz.egov.workflow.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import kz.egov.workflow.reliability.R2Requests;
import kz.egov.workflow.scrapmetal.DemoSigner;
import kz.egov.workflow.signature.VerificationBenchmark;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Performance on this machine, side by side in one run (docs/BENCHMARKS.md): the application runs as a child JVM
 * ({@link AppNode}) on H2 and on PostgreSQL (embedded), with its own configuration, and is driven over HTTP.
 * <ol>
 *   <li>R2 portal applications end to end, instances/s, against the same diagram with no-op delegates;</li>
 *   <li>{@code POST /api/v1/applications} latency and rate at 1, 16, 64 clients, next to a bare /engine-rest start;</li>
 *   <li>deadline timers coming due at once, until all have fired;</li>
 *   <li>EDS verification with a warm revocation cache against bare Bouncy Castle ({@link VerificationBenchmark});</li>
 *   <li>start-up time, heap and resident set.</li>
 * </ol>
 * Sizes are system properties (defaults: about 10 minutes for the profile on 2 cores); the figures go to
 * target/benchmarks/performance.md. Run: {@code ./mvnw -o -Pbenchmark -Dlint.skip=true test}.
 */
@Tag("benchmark")
class PerformanceBenchmark {

  static final List<String> DATABASES = list("bench.databases", "h2,postgres");
  static final int INSTANCES = Integer.getInteger("bench.instances", 200);
  static final int WARM_UP_INSTANCES = Integer.getInteger("bench.warmup.instances", 30);
  static final int CLIENTS = Integer.getInteger("bench.clients", 4);
  static final double SECONDS = Double.parseDouble(System.getProperty("bench.seconds", "10"));
  static final double WARM_UP_SECONDS = Double.parseDouble(System.getProperty("bench.warmup.seconds", "3"));
  static final List<Integer> API_CLIENTS = list("bench.api.clients", "1,16,64").stream().map(Integer::valueOf)
      .toList();
  static final int TIMERS = Integer.getInteger("bench.timers", 10_000);
  static final List<String> TIMER_DATABASES = list("bench.timers.databases", "postgres");
  static final double EDS_SECONDS = Double.parseDouble(System.getProperty("bench.eds.seconds", "5"));

  record NodeFigures(String database, long startupMillis, long idleRssKib, long idleHeap, long loadRssKib,
      long loadHeap, long endRssKib, long endHeap) {}

  @Test
  void performanceOnThisMachine() throws Exception {
    BenchDiagrams.write();
    List<R2Load.Run[]> endToEnd = new ArrayList<>();
    List<String> endToEndDatabases = new ArrayList<>();
    List<Latency.Figures> latencies = new ArrayList<>();
    List<String> latencyDatabases = new ArrayList<>();
    List<Timers.Figures> timers = new ArrayList<>();
    List<String> timerDatabases = new ArrayList<>();
    List<NodeFigures> nodes = new ArrayList<>();

    for (String database : DATABASES) {
      EmbeddedPostgres postgres = database.equals("postgres") ? EmbeddedPostgres.start() : null;
      AppNode.Database where = postgres == null ? AppNode.Database.h2("bench-h2")
          : AppNode.Database.postgres(postgres.getJdbcUrl("postgres", "postgres"));
      try (postgres; AppNode node = AppNode.start("bench-" + database, where, Path.of("target/bench/pki"), List.of())) {
        Thread.sleep(2000);
        long idleRss = node.rssKib();
        long idleHeap = node.heapUsedBytes();
        DemoSigner company = DemoSigner.fromPkcs12(Path.of("target/bench/pki/company.p12"), "demo");
        String run = UUID.randomUUID().toString().substring(0, 8);

        // 1. end to end, after a warm-up of both paths
        R2Load.realPath(List.of(node), company, "WARM-" + run + "-", WARM_UP_INSTANCES, CLIENTS);
        R2Load.noopFloor(List.of(node), "WARM-NOOP-" + run + "-", WARM_UP_INSTANCES, CLIENTS);
        String prefix = "E2E-" + run + "-";
        R2Load.Run real = R2Load.realPath(List.of(node), company, prefix, INSTANCES, CLIENTS);
        assertThat(R2Load.assertIssued(node, prefix, INSTANCES)).hasSize(INSTANCES);
        R2Load.Run floor = R2Load.noopFloor(List.of(node), "NOOP-" + run + "-", INSTANCES, CLIENTS);
        endToEnd.add(new R2Load.Run[] {real, floor});
        endToEndDatabases.add(where.label());

        // 2. the API's latency next to a bare engine start
        var template = R2Requests.portalApplication("template", "ТОО Батыс Металл Трейд", company);
        for (int clients : API_CLIENTS) {
          String api = "API-" + run + "-" + clients + "-";
          latencies.add(Latency.measure("POST /api/v1/applications", clients, WARM_UP_SECONDS, SECONDS, i ->
              R2Load.expect(node.send("portal:demo", "POST", "/api/v1/applications", R2Requests.JSON
                  .writeValueAsString(template.deepCopy().put("reference", api + i)), UUID.randomUUID().toString()),
                  201)));
          latencyDatabases.add(where.label());
          latencies.add(Latency.measure("POST /engine-rest/…/" + BenchDiagrams.ONE_TASK + "/start", clients,
              WARM_UP_SECONDS, SECONDS, i -> R2Load.expect(node.post("admin:admin", "/engine-rest/process-definition/key/"
                  + BenchDiagrams.ONE_TASK + "/start", "{\"businessKey\": \"" + api + i + "\"}"), 200)));
          latencyDatabases.add(where.label());
        }
        long endRss = node.rssKib();
        long endHeap = node.heapUsedBytes();
        nodes.add(new NodeFigures(where.label(), node.startupMillis, idleRss, idleHeap, real.maxRssKib(),
            real.maxHeapBytes(), endRss, endHeap));

        // 3. timers due at once
        if (TIMER_DATABASES.contains(database) && TIMERS > 0) {
          timers.add(Timers.fireAtOnce(node, TIMERS, 8));
          timerDatabases.add(where.label());
        }
      }
    }

    // 4. EDS, in this JVM once the nodes are gone
    List<VerificationBenchmark.Result> eds = EDS_SECONDS <= 0 ? List.of()
        : VerificationBenchmark.measure(WARM_UP_SECONDS, EDS_SECONDS);

    BenchReport report = new BenchReport("Benchmark: performance")
        .machine(String.format("-Dbench.databases=%s -Dbench.instances=%d -Dbench.warmup.instances=%d"
                + " -Dbench.clients=%d -Dbench.seconds=%s -Dbench.warmup.seconds=%s -Dbench.api.clients=%s"
                + " -Dbench.timers=%d -Dbench.timers.databases=%s -Dbench.eds.seconds=%s%s",
            String.join(",", DATABASES), INSTANCES, WARM_UP_INSTANCES, CLIENTS, SECONDS, WARM_UP_SECONDS,
            API_CLIENTS.stream().map(String::valueOf).reduce((a, b) -> a + "," + b).orElse(""), TIMERS,
            String.join(",", TIMER_DATABASES), EDS_SECONDS, System.getProperty("bench.node.args", "").isBlank() ? ""
                : " -Dbench.node.args=\"" + System.getProperty("bench.node.args") + "\""));
    report.heading("1. R2 portal applications end to end")
        .line("Submit (payment notification, then `POST /api/v1/applications`) → P1 portal account → P4 payment →"
            + " P6 EDS check → P9 registration → C4 the employee's decision completed through `/engine-rest` →"
            + " licence entered in the register → licence PDF rendered, signed and stored; %d submitting clients,"
            + " one employee completing decisions as they arrive; every application checked issued with its own"
            + " licence. The floor: the same diagram with every delegate and listener a no-op bean, started"
            + " through `/engine-rest`, the same async steps, user task and timers. After %d instances of warm-up"
            + " of each.", CLIENTS, WARM_UP_INSTANCES)
        .line("")
        .table("database", "instances", "ours: instances/s", "no-op floor: instances/s", "ours / floor (time)",
            "failed job attempts (retried after 5 min)");
    for (int i = 0; i < endToEnd.size(); i++) {
      R2Load.Run real = endToEnd.get(i)[0];
      R2Load.Run floor = endToEnd.get(i)[1];
      report.row(endToEndDatabases.get(i), real.instances(), real.perSecond(), floor.perSecond(),
          floor.perSecond() / real.perSecond(), real.failedJobs() + floor.failedJobs());
    }
    report.heading("2. API latency under concurrent clients")
        .line("Closed loop: each client sends its next request when the previous is answered, for %s s after %s s"
            + " of warm-up. `POST /api/v1/applications`: a signed R2 portal application (schema, signature"
            + " envelope, store, start; no payment, so the instance waits at P4 after its first jobs ran);"
            + " the bare start: one user task through `/engine-rest` as `admin`.", SECONDS, WARM_UP_SECONDS)
        .line("")
        .table("database", "endpoint", "clients", "requests", "requests/s", "p50 ms", "p99 ms");
    for (int i = 0; i < latencies.size(); i++) {
      Latency.Figures f = latencies.get(i);
      report.row(latencyDatabases.get(i), f.endpoint(), f.clients(), f.requests(), f.perSecond(), f.p50Millis(),
          f.p99Millis());
    }
    report.heading("3. Deadline timers coming due at once")
        .line("Instances waiting in a user task with a non-interrupting deadline timer due in the past (created"
            + " suspended); the timer's job definition is activated with its jobs: all due at once for the running"
            + " job executor. Time until the first and the last timer's path (a no-op step) has ended.")
        .line("")
        .table("database", "timers", "first fired after s", "all fired after s", "timers/s");
    for (int i = 0; i < timers.size(); i++) {
      Timers.Figures t = timers.get(i);
      report.row(timerDatabases.get(i), t.timers(), t.firstSeconds(), t.allSeconds(), t.perSecond());
    }
    report.heading("4. EDS verification (warm revocation cache) vs bare Bouncy Castle")
        .line("`VerificationBenchmark`, in the test JVM, one thread, %s s warm-up, %s s measurement.", WARM_UP_SECONDS,
            EDS_SECONDS)
        .line("")
        .table("CMS", "full verifications/s", "bare BC signature checks/s", "ratio full/bare");
    for (VerificationBenchmark.Result r : eds) {
      report.row(r.label(), r.full(), r.bare(), r.ratio());
    }
    report.heading("5. Start-up and memory")
        .line("Child JVM `-Xmx%s -XX:+UseParallelGC`; start-up: spawn until `/actuator/health` is UP (Flyway,"
            + " Camunda schema and deployment on an empty database, demo data); RSS from /proc/<pid>/status"
            + " (VmRSS), heap used from actuator's `jvm.memory.used` (area heap, not after a GC). Under load: the"
            + " largest sample during part 1.", System.getProperty("bench.xmx", "1g"))
        .line("")
        .table("database", "start-up s", "RSS idle MiB", "heap idle MiB", "RSS under load MiB",
            "heap under load MiB", "RSS after parts 1-2 MiB", "heap after parts 1-2 MiB");
    for (NodeFigures n : nodes) {
      report.row(n.database(), n.startupMillis() / 1000.0, n.idleRssKib() / 1024, BenchReport.mib(n.idleHeap()),
          n.loadRssKib() / 1024, BenchReport.mib(n.loadHeap()), n.endRssKib() / 1024, BenchReport.mib(n.endHeap()));
    }
    report.write("performance.md");
  }

  static List<String> list(String property, String defaults) {
    return Arrays.stream(System.getProperty(property, defaults).split(",")).map(String::trim)
        .filter(s -> !s.isEmpty()).toList();
  }
}
