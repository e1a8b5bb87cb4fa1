package kz.egov.workflow.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import kz.egov.workflow.scrapmetal.DemoSigner;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Scale-out (docs/scale-out.md): two application nodes (child JVMs) on ONE PostgreSQL, each with the same
 * deployments (the class path's diagrams) and a deployment-aware job executor. First node A alone, then A and B
 * with R2 portal applications submitted alternately to each and decided alternately on each, and deadline
 * timers coming due at once during that load. Every application completes exactly once (one instance, one licence, one signed result),
 * and both nodes' job executors ran async steps and timers (act_hi_job_log.hostname_ is the node's name).
 * Figures in target/benchmarks/scale-out.md.
 */
@Tag("benchmark")
class ScaleOutBenchmark {

  static final int INSTANCES = Integer.getInteger("bench.nodes.instances", 100);
  static final int TIMERS = Integer.getInteger("bench.nodes.timers", 2000);
  static final int CLIENTS = Integer.getInteger("bench.clients", 4);
  static final List<String> NODE_ARGS = List.of("--camunda.bpm.job-execution.deployment-aware=true");

  @Test
  void twoNodesOnOnePostgresCompleteEveryApplicationOnce() throws Exception {
    BenchDiagrams.write();
    Path pki = Path.of("target/bench/pki");
    try (EmbeddedPostgres postgres = EmbeddedPostgres.start()) {
      AppNode.Database database = AppNode.Database.postgres(postgres.getJdbcUrl("postgres", "postgres"));
      JdbcTemplate jdbc = new JdbcTemplate(postgres.getPostgresDatabase());
      String run = UUID.randomUUID().toString().substring(0, 8);
      try (AppNode a = AppNode.start("node-a", database, pki, NODE_ARGS)) {
        DemoSigner company = DemoSigner.fromPkcs12(pki.resolve("company.p12"), "demo");
        R2Load.realPath(List.of(a), company, "WARM-" + run + "-", 20, CLIENTS);
        R2Load.Run alone = R2Load.realPath(List.of(a), company, "ONE-" + run + "-", INSTANCES, CLIENTS);
        assertCompletedOnce(jdbc, "ONE-" + run + "-", INSTANCES);

        try (AppNode b = AppNode.start("node-b", database, pki, NODE_ARGS)) {
          R2Load.realPath(List.of(b), company, "WARM-B-" + run + "-", 20, CLIENTS);
          Map<String, Long> asyncBefore = jobsByNode(jdbc, "async-continuation");
          Map<String, Long> timersBefore = jobsByNode(jdbc, "timer-transition");
          String prefix = "TWO-" + run + "-";
          // the timers come due while both nodes work on applications: an idle node's job acquisition sleeps
          // up to camunda.bpm.job-execution.max-wait (60 s) and would leave a burst to the node that is awake
          Timers.Prepared prepared = Timers.prepare(a, TIMERS, 8);
          ExecutorService load = Executors.newSingleThreadExecutor();
          Future<R2Load.Run> running = load.submit(() -> R2Load.realPath(List.of(a, b), company, prefix, INSTANCES,
              CLIENTS));
          Thread.sleep(3000);
          Timers.Figures timers = Timers.fire(prepared);
          R2Load.Run both = running.get();
          load.shutdown();
          assertCompletedOnce(jdbc, prefix, INSTANCES);
          Map<String, Long> async = minus(jobsByNode(jdbc, "async-continuation"), asyncBefore);
          Map<String, Long> fired = minus(jobsByNode(jdbc, "timer-transition"), timersBefore);
          long failedAttempts = jdbc.queryForObject("SELECT COUNT(*) FROM act_hi_job_log WHERE job_state_ = 1",
              Long.class);
          long incidents = jdbc.queryForObject("SELECT COUNT(*) FROM act_ru_incident", Long.class);

          BenchReport report = new BenchReport("Benchmark: two nodes on one PostgreSQL")
              .machine(String.format("-Dbench.nodes.instances=%d -Dbench.nodes.timers=%d -Dbench.clients=%d",
                  INSTANCES, TIMERS, CLIENTS))
              .line("")
              .line("Both nodes are child JVMs of the same build on this machine (they share its cores), on one"
                  + " embedded PostgreSQL, with `camunda.bpm.job-execution.deployment-aware=true` and the same"
                  + " deployments; R2 portal applications (paid, submitted, decided through `/engine-rest`, licence"
                  + " signed) go to the nodes alternately; node B started on the populated database in %.1f s"
                  + " (node A on the empty one in %.1f s).", b.startupMillis / 1000.0, a.startupMillis / 1000.0)
              .line("")
              .table("nodes", "applications", "instances/s", "async jobs run by node-a / node-b",
                  "timers fired by node-a / node-b", "failed job attempts (retried)", "incidents",
                  "instances, licences, signed licences per application");
          report.row("node-a alone", alone.instances(), alone.perSecond(), "", "", "", "", "1, 1, 1");
          report.row("node-a + node-b", both.instances(), both.perSecond(),
              async.getOrDefault("node-a", 0L) + " / " + async.getOrDefault("node-b", 0L),
              fired.getOrDefault("node-a", 0L) + " / " + fired.getOrDefault("node-b", 0L), failedAttempts, incidents,
              "1, 1, 1");
          report.line("")
              .line("%d deadline timers due at once on the two nodes, 3 s into the two-node load: all fired after"
                  + " %.1f s (%.0f/s).",
                  timers.timers(), timers.allSeconds(), timers.perSecond());
          report.write("scale-out.md");

          assertThat(async).as("async steps ran on both nodes").containsKeys("node-a", "node-b");
          assertThat(async.values()).allMatch(n -> n > 0);
          assertThat(fired).as("timers fired on both nodes").containsKeys("node-a", "node-b");
          assertThat(fired.values()).allMatch(n -> n > 0);
          assertThat(fired.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(TIMERS);
          assertThat(incidents).isZero();
        }
      }
    }
  }

  /** One application row, one instance, one licence in the register, one signed licence per application. */
  static void assertCompletedOnce(JdbcTemplate jdbc, String prefix, int instances) {
    String like = prefix + "%";
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM application WHERE id LIKE ?", Long.class, like))
        .isEqualTo(instances);
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM act_hi_procinst WHERE business_key_ LIKE ?", Long.class,
        like)).as("one instance per application").isEqualTo(instances);
    assertThat(jdbc.queryForObject("SELECT COUNT(DISTINCT business_key_) FROM act_hi_procinst WHERE business_key_"
        + " LIKE ? AND end_time_ IS NOT NULL", Long.class, like)).isEqualTo(instances);
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM act_hi_varinst WHERE name_ = 'outcome' AND text_ = 'issued'"
        + " AND proc_inst_id_ IN (SELECT id_ FROM act_hi_procinst WHERE business_key_ LIKE ?)", Long.class, like))
        .as("issued").isEqualTo(instances);
    String numbers = "SELECT text_ FROM act_hi_varinst WHERE name_ = 'applicationNumber' AND proc_inst_id_ IN"
        + " (SELECT id_ FROM act_hi_procinst WHERE business_key_ LIKE ?)";
    assertThat(jdbc.queryForObject("SELECT COUNT(DISTINCT text_) FROM (" + numbers + ") n", Long.class, like))
        .as("one registration number per application").isEqualTo(instances);
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM licensing_licence WHERE application_number IN (" + numbers
        + ")", Long.class, like)).as("one licence per application").isEqualTo(instances);
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM result_document WHERE application_id LIKE ? AND kind ="
        + " 'licence'", Long.class, like)).as("one signed licence per application").isEqualTo(instances);
  }

  /** Successful jobs of a type per node (the engine's hostname property, set to the node's name). */
  static Map<String, Long> jobsByNode(JdbcTemplate jdbc, String type) {
    Map<String, Long> byNode = new TreeMap<>();
    jdbc.query("SELECT hostname_, COUNT(*) AS n FROM act_hi_job_log WHERE job_state_ = 2 AND job_def_type_ = ?"
        + " GROUP BY hostname_", rs -> {
          byNode.put(rs.getString("hostname_"), rs.getLong("n"));
        }, type);
    return byNode;
  }

  static Map<String, Long> minus(Map<String, Long> after, Map<String, Long> before) {
    Map<String, Long> delta = new TreeMap<>();
    after.forEach((node, n) -> delta.put(node, n - before.getOrDefault(node, 0L)));
    return delta;
  }
}
