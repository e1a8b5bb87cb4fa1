package kz.egov.workflow.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.test.context.ActiveProfiles;

/**
 * The report over 10 000 finished applications (docs/audit.md, "Performance"): the time of the summary and of
 * the CSV list, and the bytes the report allocated. Runs on request:
 * {@code ./mvnw test -DexcludedGroups=none -Dtest=AuditReportBenchmark -Dlint.skip=true}.
 */
@Tag("benchmark")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"demo", "test"})
class AuditReportBenchmark {

  static final int APPLICATIONS = Integer.getInteger("audit.benchmark.applications", 10_000);

  @Autowired ProcessEngine engine;
  @Autowired ComplianceReport report;
  @Autowired WorkingTimeMeasure measure;
  @Autowired TestRestTemplate http;

  @Test
  void tenThousandFinishedApplications() {
    engine.getRepositoryService().createDeployment().addClasspathResource("audit/audit-bench.bpmn").deploy();
    long seeding = System.nanoTime();
    try {
      for (int i = 0; i < APPLICATIONS; i++) {
        // one a minute through the working hours of March 2031
        LocalDate day = LocalDate.of(2031, 3, 2 + (i / 500) % 25);
        ClockUtil.setCurrentTime(Date.from(day.atTime(LocalTime.of(9, 0)).plusMinutes(i % 500)
            .atZone(measure.zone()).toInstant()));
        engine.getRuntimeService().startProcessInstanceByKey("audit-bench-provider", "BENCH-" + i, Map.of());
      }
    } finally {
      ClockUtil.reset();
    }
    seeding = System.nanoTime() - seeding;

    var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    long allocated = threads.getCurrentThreadAllocatedBytes();
    long started = System.nanoTime();
    AuditSummary summary = report.summary(new ReportQuery("audit-bench", null, null, null, null, null));
    long summaryMillis = (System.nanoTime() - started) / 1_000_000;
    long summaryBytes = threads.getCurrentThreadAllocatedBytes() - allocated;
    assertThat(summary.services()).hasSize(1);
    assertThat(summary.services().get(0).total()).isEqualTo(APPLICATIONS);
    assertThat(summary.services().get(0).steps()).hasSize(2);

    started = System.nanoTime();
    String csv = http.withBasicAuth("auditor", "demo").getForObject("/api/v1/audit/applications.csv?service=audit-bench",
        String.class);
    long csvMillis = (System.nanoTime() - started) / 1_000_000;
    assertThat(csv.split("\r\n")).hasSize(APPLICATIONS + 1);

    Runtime runtime = Runtime.getRuntime();
    System.out.printf("AUDIT BENCHMARK: %d applications seeded in %d s; summary %d ms, %d MB allocated;"
        + " CSV list %d ms (%d kB); max heap %d MB%n", APPLICATIONS, seeding / 1_000_000_000, summaryMillis,
        summaryBytes / 1_048_576, csvMillis, csv.length() / 1024, runtime.maxMemory() / 1_048_576);
  }
}
