package kz.egov.workflow.audit;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiFunction;

/** Adds applications up one at a time, keeping only counts and the durations the percentiles need. */
final class SummaryTally {

  private final Map<List<String>, GroupTally> services = new TreeMap<>(Comparator.comparing((List<String> k) -> k.get(0))
      .thenComparing(k -> k.get(1)));
  private final Map<String, GroupTally> providers = new TreeMap<>();

  void add(ApplicationReport application) {
    services.computeIfAbsent(List.of(application.service(), application.provider()), k -> new GroupTally())
        .add(application);
    providers.computeIfAbsent(application.provider(), k -> new GroupTally()).add(application);
  }

  AuditSummary summary(ReportQuery query, OffsetDateTime now, BiFunction<String, String, AuditSummary.Names> names) {
    List<AuditSummary.Group> serviceGroups = new ArrayList<>();
    services.forEach((key, tally) -> serviceGroups.add(tally.group(key.get(0), key.get(1),
        names.apply(key.get(0), null))));
    List<AuditSummary.Group> providerGroups = new ArrayList<>();
    providers.forEach((provider, tally) -> providerGroups.add(tally.group(null, provider, names.apply(null, provider))));
    return new AuditSummary(query.from(), query.to(), now, serviceGroups, providerGroups);
  }

  /** A growing array of doubles: 10 000 applications are 80 kB, not 10 000 boxed objects. */
  static final class Values {
    private double[] values = new double[16];
    private int length;

    void add(double value) {
      if (length == values.length) {
        values = Arrays.copyOf(values, length * 2);
      }
      values[length++] = value;
    }

    Distribution distribution() {
      return Distribution.of(values, length);
    }
  }

  private static final class StepTally {
    final StepReport first;
    final Values actual = new Values();
    int exceeded;

    StepTally(StepReport first) {
      this.first = first;
    }
  }

  private static final class GroupTally {
    int total;
    int finished;
    int issued;
    int refused;
    int running;
    int overdue;
    int deadlineBreaches;
    int stepBreaches;
    int applicationsWithStepBreaches;
    Integer deadlineWorkingDays;
    final Values workingDays = new Values();
    final Map<List<String>, StepTally> steps = new LinkedHashMap<>();

    void add(ApplicationReport application) {
      total++;
      if (application.finished()) {
        finished++;
        workingDays.add(application.workingDays());
      } else {
        running++;
      }
      switch (application.status()) {
        case "issued" -> issued++;
        case "refused" -> refused++;
        default -> { }
      }
      if (application.deadline() == DeadlineStatus.OVERDUE) {
        overdue++;
      }
      if (application.deadline().breached()) {
        deadlineBreaches++;
      }
      if (application.stepsExceeded() > 0) {
        applicationsWithStepBreaches++;
        stepBreaches += application.stepsExceeded();
      }
      Integer days = application.deadlineWorkingDays();
      if (days != null && (deadlineWorkingDays == null || days > deadlineWorkingDays)) {
        deadlineWorkingDays = days;
      }
      for (StepReport step : application.steps()) {
        StepTally tally = steps.computeIfAbsent(List.of(step.process(), step.activityId()), k -> new StepTally(step));
        tally.actual.add(step.actual());
        if (step.exceeded()) {
          tally.exceeded++;
        }
      }
    }

    AuditSummary.Group group(String service, String provider, AuditSummary.Names name) {
      List<AuditSummary.Step> stepSummaries = new ArrayList<>();
      steps.values().forEach(s -> stepSummaries.add(new AuditSummary.Step(s.first.process(), s.first.activityId(),
          s.first.step(), s.first.name(), s.first.norm(), s.first.unit(), s.first.normValue(),
          s.actual.distribution().count(), s.exceeded, s.actual.distribution())));
      return new AuditSummary.Group(service, provider, name, total, finished, issued, refused, running, overdue,
          deadlineBreaches, stepBreaches, applicationsWithStepBreaches, deadlineWorkingDays,
          workingDays.distribution(), stepSummaries);
    }
  }
}
