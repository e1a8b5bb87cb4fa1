package kz.egov.workflow.audit;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import kz.egov.workflow.access.AccessProperties;
import kz.egov.workflow.access.StaffRole;
import kz.egov.workflow.access.SystemGroup;
import kz.egov.workflow.application.InvalidRequestException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import kz.egov.workflow.application.ApiErrors;

/**
 * The regulation-compliance report for auditors (docs/audit.md): JSON, or CSV for {@code Accept: text/csv}
 * or a path ending in {@code .csv}. Auditors and administrators read every provider; a provider's head
 * reads the provider's own applications; anyone else gets 403.
 */
@RestController
@RequestMapping("/api/v1/audit")
class AuditController {

  private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");
  private static final String ADMIN = "camunda-admin";

  private final ComplianceReport report;
  private final AccessProperties access;
  private final ObjectMapper json;

  AuditController(ComplianceReport report, AccessProperties access, ObjectMapper json) {
    this.report = report;
    this.access = access;
    this.json = json;
  }

  @GetMapping({"/applications", "/applications.csv"})
  void applications(@RequestParam(required = false) String service, @RequestParam(required = false) String provider,
      @RequestParam(required = false) String from, @RequestParam(required = false) String to,
      @RequestParam(required = false) String breached, Authentication caller, HttpServletRequest request,
      HttpServletResponse response) throws IOException {
    ReportQuery query = query(service, provider, from, to, breached, caller);
    if (csv(request)) {
      Writer out = csvResponse(response, "audit-applications.csv");
      AuditCsv csv = new AuditCsv(out);
      csv.header(AuditCsv.APPLICATION_COLUMNS);
      report.forEachApplication(query, csv::application);
      out.flush();
      return;
    }
    response.setContentType(MediaType.APPLICATION_JSON_VALUE);
    try (JsonGenerator out = json.createGenerator(response.getOutputStream())) {
      out.writeStartObject();
      writePeriod(out, query);
      out.writeArrayFieldStart("applications");
      int[] count = {0};
      report.forEachApplication(query, application -> {
        try {
          out.writeObject(application.withoutSteps());
          count[0]++;
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
      out.writeEndArray();
      out.writeNumberField("count", count[0]);
      out.writeEndObject();
    }
  }

  @GetMapping({"/applications/{id}", "/applications/{id}.csv"})
  Object application(@PathVariable String id, Authentication caller, HttpServletRequest request,
      HttpServletResponse response) throws IOException {
    ReportQuery scope = query(null, null, null, null, null, caller);
    ApplicationReport application = report.application(id, scope).orElseThrow(() -> new NotAuditedException(
        "No application '" + id + "' among those you may audit"));
    if (csv(request)) {
      Writer out = csvResponse(response, "audit-" + application.id().replaceAll("[^A-Za-z0-9._-]", "_") + ".csv");
      AuditCsv csv = new AuditCsv(out);
      csv.header(AuditCsv.STEP_COLUMNS);
      application.steps().forEach(step -> csv.step(application, step));
      out.flush();
      return null;
    }
    return application;
  }

  @GetMapping({"/summary", "/summary.csv"})
  Object summary(@RequestParam(required = false) String service, @RequestParam(required = false) String provider,
      @RequestParam(required = false) String from, @RequestParam(required = false) String to,
      Authentication caller, HttpServletRequest request, HttpServletResponse response) throws IOException {
    AuditSummary summary = report.summary(query(service, provider, from, to, null, caller));
    if (csv(request)) {
      Writer out = csvResponse(response, "audit-summary.csv");
      AuditCsv csv = new AuditCsv(out);
      csv.header(AuditCsv.SUMMARY_COLUMNS);
      csv.summary(summary);
      out.flush();
      return null;
    }
    return summary;
  }

  @ExceptionHandler(NotAuditedException.class)
  ProblemDetail notFound(NotAuditedException e) {
    return ApiErrors.problem(HttpStatus.NOT_FOUND, "Not found", List.of(e.getMessage()));
  }

  @ExceptionHandler(AccessDeniedException.class)
  ProblemDetail forbidden(AccessDeniedException e) {
    return ApiErrors.problem(HttpStatus.FORBIDDEN, "Forbidden", List.of(e.getMessage()));
  }

  static class NotAuditedException extends RuntimeException {
    NotAuditedException(String message) {
      super(message);
    }
  }

  private ReportQuery query(String service, String provider, String from, String to, String breached,
      Authentication caller) {
    Set<String> visible = visibleProviders(caller);
    List<String> problems = new ArrayList<>();
    service = name("service", service, problems);
    provider = name("provider", provider, problems);
    LocalDate fromDay = day("from", from, problems);
    LocalDate toDay = day("to", to, problems);
    if (fromDay != null && toDay != null && fromDay.isAfter(toDay)) {
      problems.add("from: " + fromDay + " is after to: " + toDay);
    }
    Breach breach = null;
    if (breached != null && !breached.isBlank()) {
      breach = Breach.parse(breached);
      if (breach == null) {
        problems.add("breached: '" + breached + "' is not one of true, deadline, steps, false");
      }
    }
    if (!problems.isEmpty()) {
      throw new InvalidRequestException(problems);
    }
    if (provider != null && visible != null && !visible.contains(provider)) {
      throw new AccessDeniedException("You may audit the applications of " + String.join(", ", visible)
          + " only, not of " + provider);
    }
    return new ReportQuery(service, provider, fromDay, toDay, breach, visible);
  }

  /** All providers (null) for auditors and administrators; a head's own providers; else 403. */
  private Set<String> visibleProviders(Authentication caller) {
    Set<String> groups = caller.getAuthorities().stream().map(GrantedAuthority::getAuthority)
        .collect(Collectors.toSet());
    if (groups.contains(ADMIN) || groups.contains(SystemGroup.AUDITOR.id())) {
      return null;
    }
    Set<String> heads = access.providers().stream().map(AccessProperties.Provider::id)
        .filter(p -> groups.contains(StaffRole.HEAD.groupId(p))).collect(Collectors.toUnmodifiableSet());
    if (heads.isEmpty()) {
      throw new AccessDeniedException("The compliance report is for auditors, administrators and a provider's head");
    }
    return heads;
  }

  private static String name(String field, String value, List<String> problems) {
    if (value == null || value.isBlank()) {
      return null;
    }
    if (!NAME.matcher(value.strip()).matches()) {
      problems.add(field + ": '" + value + "' is not an id such as scrap-metal-license or wko");
      return null;
    }
    return value.strip();
  }

  private static LocalDate day(String field, String value, List<String> problems) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return LocalDate.parse(value.strip());
    } catch (DateTimeParseException e) {
      problems.add(field + ": '" + value + "' is not a date such as 2026-03-31");
      return null;
    }
  }

  private static boolean csv(HttpServletRequest request) {
    if (request.getRequestURI().endsWith(".csv")) {
      return true;
    }
    String accept = request.getHeader("Accept");
    if (accept == null || accept.isBlank()) {
      return false;
    }
    try {
      List<MediaType> types = new ArrayList<>(MediaType.parseMediaTypes(accept));
      MediaType.sortBySpecificityAndQuality(types);
      return types.stream().filter(t -> !t.isWildcardType()).findFirst()
          .map(t -> t.isCompatibleWith(MediaType.valueOf("text/csv"))).orElse(false);
    } catch (RuntimeException e) {
      return false;
    }
  }

  private static Writer csvResponse(HttpServletResponse response, String fileName) throws IOException {
    response.setContentType("text/csv;charset=UTF-8");
    response.setHeader("Content-Disposition", "attachment; filename=\"" + fileName + "\"");
    return new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
  }

  private static void writePeriod(JsonGenerator out, ReportQuery query) throws IOException {
    if (query.from() != null) {
      out.writeStringField("from", query.from().toString());
    }
    if (query.to() != null) {
      out.writeStringField("to", query.to().toString());
    }
  }
}
