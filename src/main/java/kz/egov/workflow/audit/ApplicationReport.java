package kz.egov.workflow.audit;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * One application (a root process instance with a business key, its called sub-processes included) against
 * the regulation: every step next to its norm, and the service deadline.
 *
 * @param id the application's id (the business key)
 * @param status {@code running}, {@code issued}, {@code refused}, or {@code ended} (ended without an outcome: cancelled)
 * @param workingDays working days from registration (no registration: from submission) to the end, or until now
 * @param dueInWorkingDays running and due: working days left, 0 on the last day
 * @param steps null in lists, which carry only {@code stepsExceeded}
 */
public record ApplicationReport(String id, String processInstanceId, String process, String processName,
    String service, String provider, String channel, String requestKind, String applicationNumber, String status,
    String refusalStep, OffsetDateTime submittedAt, OffsetDateTime registeredAt, OffsetDateTime deadlineAt,
    OffsetDateTime endedAt, Integer deadlineWorkingDays, int workingDays, DeadlineStatus deadline,
    Integer dueInWorkingDays, int stepsExceeded, List<StepReport> steps) {

  public boolean finished() {
    return endedAt != null;
  }

  public ApplicationReport withoutSteps() {
    return new ApplicationReport(id, processInstanceId, process, processName, service, provider, channel, requestKind,
        applicationNumber, status, refusalStep, submittedAt, registeredAt, deadlineAt, endedAt, deadlineWorkingDays,
        workingDays, deadline, dueInWorkingDays, stepsExceeded, null);
  }
}
