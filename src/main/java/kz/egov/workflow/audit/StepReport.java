package kz.egov.workflow.audit;

import java.time.OffsetDateTime;

/**
 * One step of an application as it happened, next to its norm.
 *
 * @param process the key of the diagram the step belongs to (a called sub-process's own key)
 * @param unit {@code seconds} or {@code working days}: the measure of {@code norm} and {@code actual}
 * @param actual how long it took (still running: so far), in {@code unit}; for user tasks from creation to completion
 * @param running the step has not ended yet
 */
public record StepReport(String process, String activityId, String step, String name, String type, String clause,
    String norm, String normText, String unit, Double normValue, OffsetDateTime startedAt, OffsetDateTime endedAt,
    double actual, StepStatus status, boolean running, String normProblem) {

  public boolean exceeded() {
    return status == StepStatus.EXCEEDED;
  }
}
