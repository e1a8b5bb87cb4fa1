package kz.egov.workflow.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;

/** The report as CSV (RFC 4180: comma, CRLF, quotes where needed), one header line, for spreadsheets. */
final class AuditCsv {

  static final List<String> APPLICATION_COLUMNS = List.of("id", "process", "service", "provider", "channel",
      "request_kind", "application_number", "status", "refusal_step", "submitted_at", "registered_at", "deadline_at",
      "ended_at", "deadline_working_days", "working_days", "deadline", "due_in_working_days", "steps_exceeded");
  static final List<String> STEP_COLUMNS = List.of("application", "process", "step", "name", "activity_id", "clause",
      "norm", "unit", "norm_value", "started_at", "ended_at", "actual", "status", "running");
  static final List<String> SUMMARY_COLUMNS = List.of("scope", "service", "provider", "process", "step", "name",
      "norm", "unit", "norm_value", "total", "finished", "issued", "refused", "running", "overdue",
      "deadline_breaches", "step_breaches", "deadline_working_days", "count", "exceeded", "median", "p95");

  private final Writer out;

  AuditCsv(Writer out) {
    this.out = out;
  }

  void application(ApplicationReport a) {
    row(a.id(), a.process(), a.service(), a.provider(), a.channel(), a.requestKind(), a.applicationNumber(), a.status(),
        a.refusalStep(), a.submittedAt(), a.registeredAt(), a.deadlineAt(), a.endedAt(), a.deadlineWorkingDays(),
        a.workingDays(), a.deadline().code(), a.dueInWorkingDays(), a.stepsExceeded());
  }

  void step(ApplicationReport a, StepReport s) {
    row(a.id(), s.process(), s.step(), s.name(), s.activityId(), s.clause(), s.norm(), s.unit(), s.normValue(),
        s.startedAt(), s.endedAt(), s.actual(), s.status().code(), s.running());
  }

  void summary(AuditSummary summary) {
    for (AuditSummary.Group g : summary.services()) {
      group("service", g);
    }
    for (AuditSummary.Group g : summary.providers()) {
      group("provider", g);
    }
  }

  private void group(String scope, AuditSummary.Group g) {
    row(scope, g.service(), g.provider(), null, null, null, null, "working days", null, g.total(), g.finished(),
        g.issued(), g.refused(), g.running(), g.overdue(), g.deadlineBreaches(), g.stepBreaches(),
        g.deadlineWorkingDays(), g.workingDays().count(), null, g.workingDays().median(), g.workingDays().p95());
    for (AuditSummary.Step s : g.steps()) {
      row(scope + "-step", g.service(), g.provider(), s.process(), s.step(), s.name(), s.norm(), s.unit(), s.normValue(),
          null, null, null, null, null, null, null, null, null, s.count(), s.exceeded(), s.actual().median(),
          s.actual().p95());
    }
  }

  void header(List<String> columns) {
    row(columns.toArray());
  }

  private void row(Object... values) {
    try {
      for (int i = 0; i < values.length; i++) {
        if (i > 0) {
          out.write(',');
        }
        out.write(field(values[i]));
      }
      out.write("\r\n");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String field(Object value) {
    if (value == null) {
      return "";
    }
    String text = value instanceof Double d ? BigDecimal.valueOf(d).stripTrailingZeros().toPlainString()
        : value instanceof OffsetDateTime t ? DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(t) : value.toString();
    if (text.indexOf(',') >= 0 || text.indexOf('"') >= 0 || text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0) {
      return '"' + text.replace("\"", "\"\"") + '"';
    }
    return text;
  }
}
