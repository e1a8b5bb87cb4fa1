package kz.egov.workflow.audit;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.impl.persistence.entity.HistoricJobLogEventEntity;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstanceQuery;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.history.NativeHistoricActivityInstanceQuery;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * The regulation-compliance report, read from the engine's history: applications (root process instances
 * with a business key, their called sub-processes' steps included through the root instance id), each step
 * against the norm its deployed diagram states, and the application against its registered deadline.
 *
 * <p>Applications are read a page at a time ({@link #PAGE} root instances, then their variables and activity
 * instances in one query each), so that a report over any number of instances holds one page of history in
 * memory; the summary keeps only numbers per group.
 */
@Service
public class ComplianceReport {

  /** Root instances per page; also the length of the IN lists of the page's two follow-up queries. */
  static final int PAGE = 1000;

  private static final List<String> VARIABLES = List.of("service", "provider", "channel", "requestKind",
      "applicationNumber", "applicationRegisteredAt", "deadlineAt", "outcome", "refusalStep");

  private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(ComplianceReport.class);

  private final HistoryService history;
  private final ManagementService management;
  private final DiagramNorms norms;
  private final WorkingTimeMeasure measure;
  private final ReportNames names;
  private final JdbcTemplate jdbc;

  public ComplianceReport(HistoryService history, ManagementService management, DiagramNorms norms,
      WorkingTimeMeasure measure, ReportNames names, JdbcTemplate jdbc) {
    this.jdbc = jdbc;
    this.history = history;
    this.management = management;
    this.norms = norms;
    this.measure = measure;
    this.names = names;
  }

  /** Every application the query covers, oldest submission first, each with its steps. */
  public void forEachApplication(ReportQuery query, Consumer<ApplicationReport> sink) {
    Instant now = ClockUtil.getCurrentTime().toInstant();
    for (int first = 0; ; first += PAGE) {
      long started = System.nanoTime();
      List<HistoricProcessInstance> page = roots(query).listPage(first, PAGE);
      if (page.isEmpty()) {
        return;
      }
      long read = System.nanoTime();
      List<ApplicationReport> reports = reports(page, now);
      log.debug("page {}: {} roots in {} ms, their history and measures in {} ms", first / PAGE, page.size(),
          (read - started) / 1_000_000, (System.nanoTime() - read) / 1_000_000);
      for (ApplicationReport application : reports) {
        if (query.visible(application.provider())
            && (query.breached() == null || query.breached().matches(application))) {
          sink.accept(application);
        }
      }
      if (page.size() < PAGE) {
        return;
      }
    }
  }

  /** The application with this id (business key; else a root process instance id), latest submission first. */
  public Optional<ApplicationReport> application(String id, ReportQuery scope) {
    Instant now = ClockUtil.getCurrentTime().toInstant();
    List<HistoricProcessInstance> found = history.createHistoricProcessInstanceQuery().rootProcessInstances()
        .processInstanceBusinessKey(id).orderByProcessInstanceStartTime().desc().listPage(0, 1);
    if (found.isEmpty()) {
      found = history.createHistoricProcessInstanceQuery().rootProcessInstances().processInstanceId(id)
          .processInstanceBusinessKeyLike("%").list();
    }
    return reports(found, now).stream().filter(a -> scope.visible(a.provider())).findFirst();
  }

  /** Counts, medians, 95th percentiles and breaches per service and per provider. */
  public AuditSummary summary(ReportQuery query) {
    SummaryTally tally = new SummaryTally();
    forEachApplication(query, tally::add);
    return tally.summary(query, OffsetDateTime.ofInstant(ClockUtil.getCurrentTime().toInstant(), measure.zone()),
        names::of);
  }

  private HistoricProcessInstanceQuery roots(ReportQuery query) {
    HistoricProcessInstanceQuery roots = history.createHistoricProcessInstanceQuery().rootProcessInstances()
        .processInstanceBusinessKeyLike("%");
    ZoneId zone = measure.zone();
    if (query.from() != null) {
      roots.startedAfter(Date.from(query.from().atStartOfDay(zone).toInstant()));
    }
    if (query.to() != null) {
      roots.startedBefore(Date.from(query.to().plusDays(1).atStartOfDay(zone).toInstant().minusMillis(1)));
    }
    if (query.service() != null) {
      roots.variableValueEquals("service", query.service());
    }
    String provider = query.provider();
    if (provider == null && query.visibleProviders() != null && query.visibleProviders().size() == 1) {
      provider = query.visibleProviders().iterator().next();
    }
    if (provider != null) {
      roots.variableValueEquals("provider", provider);
    }
    return roots.orderByProcessInstanceStartTime().asc().orderByProcessInstanceId().asc();
  }

  private List<ApplicationReport> reports(List<HistoricProcessInstance> roots, Instant now) {
    if (roots.isEmpty()) {
      return List.of();
    }
    String[] ids = roots.stream().map(HistoricProcessInstance::getId).toArray(String[]::new);
    Map<String, Map<String, Object>> variables = new HashMap<>();
    for (HistoricVariableInstance variable : history.createHistoricVariableInstanceQuery().processInstanceIdIn(ids)
        .variableNameIn(VARIABLES.toArray(String[]::new)).disableBinaryFetching().disableCustomObjectDeserialization()
        .list()) {
      // the process's own variable wins over a step's local one of the same name (an input parameter)
      boolean processScope = variable.getProcessInstanceId().equals(variable.getActivityInstanceId());
      Map<String, Object> values = variables.computeIfAbsent(variable.getProcessInstanceId(), k -> new HashMap<>());
      if (processScope || !values.containsKey(variable.getName())) {
        values.put(variable.getName(), variable.getValue());
      }
    }
    Map<String, List<HistoricActivityInstance>> activities = new HashMap<>();
    for (HistoricActivityInstance activity : activitiesOf(ids)) {
      activities.computeIfAbsent(activity.getRootProcessInstanceId(), k -> new ArrayList<>()).add(activity);
    }
    Map<String, List<Instant>> due = asyncStepsDue(ids);
    List<ApplicationReport> reports = new ArrayList<>(roots.size());
    for (HistoricProcessInstance root : roots) {
      reports.add(report(root, variables.getOrDefault(root.getId(), Map.of()),
          activities.getOrDefault(root.getId(), List.of()), due, now));
    }
    return reports;
  }

  /** The activity instances of the roots and of every process they called (same root process instance id). */
  private List<HistoricActivityInstance> activitiesOf(String[] rootIds) {
    StringBuilder in = new StringBuilder();
    for (int i = 0; i < rootIds.length; i++) {
      in.append(i == 0 ? "" : ", ").append("#{p").append(i).append('}');
    }
    NativeHistoricActivityInstanceQuery query = history.createNativeHistoricActivityInstanceQuery().sql(
        "SELECT * FROM " + management.getTableName(HistoricActivityInstance.class) + " WHERE ROOT_PROC_INST_ID_ IN ("
            + in + ") ORDER BY START_TIME_ ASC, SEQUENCE_COUNTER_ ASC");
    for (int i = 0; i < rootIds.length; i++) {
      query.parameter("p" + i, rootIds[i]);
    }
    return query.list();
  }

  /**
   * When each asynchronous step became due: the creation of its async-before job (the job log). The engine
   * starts such a step's activity instance only when the job finally runs, so an outage with retries would not
   * show in the activity's own duration; the regulation's time for the step runs from when it was due.
   * Key: process instance id + "|" + activity id; values in time order.
   */
  private Map<String, List<Instant>> asyncStepsDue(String[] rootIds) {
    String in = String.join(", ", java.util.Collections.nCopies(rootIds.length, "?"));
    Map<String, List<Instant>> due = new HashMap<>();
    jdbc.query("SELECT PROCESS_INSTANCE_ID_, ACT_ID_, TIMESTAMP_ FROM " + management.getTableName(HistoricJobLogEventEntity.class)
        + " WHERE ROOT_PROC_INST_ID_ IN (" + in + ") AND JOB_STATE_ = 0 AND JOB_DEF_CONFIGURATION_ = 'async-before'"
        + " ORDER BY TIMESTAMP_", rs -> {
          due.computeIfAbsent(rs.getString(1) + "|" + rs.getString(2), k -> new ArrayList<>())
              .add(rs.getTimestamp(3).toInstant());
        }, (Object[]) rootIds);
    return due;
  }

  private ApplicationReport report(HistoricProcessInstance root, Map<String, Object> variables,
      List<HistoricActivityInstance> activities, Map<String, List<Instant>> due, Instant now) {
    DefinitionNorms definition = norms.of(root.getProcessDefinitionId());
    ZoneId zone = measure.zone();
    Instant submitted = root.getStartTime().toInstant();
    Instant ended = root.getEndTime() == null ? null : root.getEndTime().toInstant();
    String requestKind = text(variables.get("requestKind"));
    Instant registered = instant(variables.get("applicationRegisteredAt"));
    Instant deadline = instant(variables.get("deadlineAt"));
    Integer deadlineDays = definition.deadlineWorkingDays(requestKind);

    // in the order they started; at the same moment a caller's step (the call activity) before the called one's
    List<HistoricActivityInstance> ordered = new ArrayList<>(activities);
    ordered.sort(java.util.Comparator.comparing(HistoricActivityInstance::getStartTime)
        .thenComparing(a -> a.getProcessInstanceId().equals(root.getId()) ? 0 : 1));
    List<StepReport> steps = new ArrayList<>();
    for (HistoricActivityInstance activity : ordered) {
      StepReport step = step(activity, due.getOrDefault(activity.getProcessInstanceId() + "|"
          + activity.getActivityId(), List.of()), now, zone);
      if (step != null) {
        steps.add(step);
      }
    }
    int exceeded = (int) steps.stream().filter(StepReport::exceeded).count();

    Instant until = ended != null ? ended : now;
    int workingDays = measure.workingDays(registered != null ? registered : submitted, until);
    DeadlineStatus deadlineStatus;
    Integer dueIn = null;
    if (deadline == null) {
      deadlineStatus = DeadlineStatus.NONE;
    } else if (ended != null) {
      deadlineStatus = ended.isAfter(deadline) ? DeadlineStatus.BREACHED : DeadlineStatus.MET;
    } else if (now.isAfter(deadline)) {
      deadlineStatus = DeadlineStatus.OVERDUE;
    } else {
      deadlineStatus = DeadlineStatus.DUE;
      dueIn = measure.workingDays(now, deadline);
    }
    String outcome = text(variables.get("outcome"));
    String status = ended == null ? "running"
        : "issued".equals(outcome) || "refused".equals(outcome) ? outcome : "ended";
    String service = firstOf(text(variables.get("service")), definition.properties().get("service"),
        definition.key());
    String provider = firstOf(text(variables.get("provider")), definition.properties().get("provider"), "");
    String channel = firstOf(text(variables.get("channel")), definition.properties().get("channel"), null);
    return new ApplicationReport(root.getBusinessKey(), root.getId(), definition.key(), definition.name(), service,
        provider, channel, requestKind, text(variables.get("applicationNumber")), status,
        "refused".equals(status) ? text(variables.get("refusalStep")) : null, at(submitted, zone),
        at(registered, zone), at(deadline, zone), at(ended, zone), deadlineDays, workingDays, deadlineStatus, dueIn,
        exceeded, List.copyOf(steps));
  }

  private StepReport step(HistoricActivityInstance activity, List<Instant> due, Instant now, ZoneId zone) {
    DefinitionNorms definition = norms.of(activity.getProcessDefinitionId());
    StepNorm norm = definition.element(activity.getActivityId());
    if (norm == null || !norm.measured()) {
      return null;
    }
    Instant start = activity.getStartTime().toInstant();
    // an asynchronous step counts from when its job was created: the latest creation not after its start
    for (Instant created : due) {
      if (created.isAfter(activity.getStartTime().toInstant())) {
        break;
      }
      start = created;
    }
    Instant end = activity.getEndTime() == null ? null : activity.getEndTime().toInstant();
    Instant until = end != null ? end : now;
    double actual = switch (norm.unit()) {
      case TIME -> Duration.between(start, until).toMillis() / 1000.0;
      case WORKING_TIME -> measure.workingTime(start, until).toMillis() / 1000.0;
      case WORKING_DAYS -> measure.workingDays(start, until);
    };
    Double normValue = norm.normValue();
    StepStatus status = normValue == null ? StepStatus.NO_NORM
        : actual > normValue ? StepStatus.EXCEEDED : StepStatus.WITHIN;
    String name = activity.getActivityName() != null ? activity.getActivityName() : norm.name();
    return new StepReport(definition.key(), activity.getActivityId(), norm.number(), name, norm.type(), norm.clause(),
        norm.normProperty(), norm.normText(), norm.unit().measure(), normValue,
        at(start, zone), at(end, zone), actual, status, end == null, norm.normProblem());
  }

  private static String firstOf(String a, String b, String c) {
    return a != null && !a.isBlank() ? a : b != null && !b.isBlank() ? b : c;
  }

  private static String text(Object value) {
    return value == null ? null : value.toString();
  }

  private static OffsetDateTime at(Instant instant, ZoneId zone) {
    return instant == null ? null : OffsetDateTime.ofInstant(instant, zone);
  }

  /** A Date variable (as the diagrams set them), or an ISO-8601 date-time text. */
  private static Instant instant(Object value) {
    if (value instanceof Date date) {
      return date.toInstant();
    }
    if (value instanceof String text && !text.isBlank()) {
      try {
        return OffsetDateTime.parse(text.strip()).toInstant();
      } catch (DateTimeParseException e) {
        return null;
      }
    }
    return null;
  }
}
