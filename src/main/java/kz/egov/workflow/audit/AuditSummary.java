package kz.egov.workflow.audit;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * The regulation-compliance summary over a period, per service and per provider (docs/audit.md).
 *
 * @param generatedAt "now" for running applications (the engine's clock)
 */
public record AuditSummary(LocalDate from, LocalDate to, OffsetDateTime generatedAt, List<Group> services,
    List<Group> providers) {

  /**
   * One service (with its provider) or one provider (service null).
   *
   * @param overdue running and past the deadline
   * @param deadlineBreaches finished after the deadline, or running past it
   * @param stepBreaches steps that exceeded their norm (a step run twice counts twice)
   * @param applicationsWithStepBreaches applications with at least one step over its norm
   * @param deadlineWorkingDays the longest deadline among the applications (diagram property), for the chart
   * @param workingDays the whole application in working days (registration, else submission, to the end), finished ones
   */
  public record Group(String service, String provider, Names name, int total, int finished, int issued, int refused,
      int running, int overdue, int deadlineBreaches, int stepBreaches, int applicationsWithStepBreaches,
      Integer deadlineWorkingDays, Distribution workingDays, List<Step> steps) {}

  /** One step of one diagram over the group's applications; {@code actual} in {@code unit}. */
  public record Step(String process, String activityId, String step, String name, String norm, String unit,
      Double normValue, int count, int exceeded, Distribution actual) {}

  /** A name in the state language, Russian and English. */
  public record Names(String kk, String ru, String en) {}
}
