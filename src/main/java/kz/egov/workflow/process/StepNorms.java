package kz.egov.workflow.process;

import java.time.Duration;
import java.time.Period;
import java.time.format.DateTimeParseException;
import java.util.Date;
import java.util.Map;
import kz.egov.workflow.calendar.WorkingDayExpressions;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * {@code ${stepNorms.due(execution)}}, a user task's {@code camunda:dueDate}: the moment the task is due by the
 * regulation's norm for the step, counted on the working-day calendar from the moment the task is created. The
 * norm is the task's own {@code camunda:properties} (one source for the analyst, the due date and the audit):
 * <ul>
 *   <li>{@code norm=PT10M}, {@code PT1H} (with {@code norm-unit=working hours}, as the audit counts them, or none):
 *       working time (R3 item 5: 10 minutes, 1 hour), skipping nights, days off and holidays
 *       ({@code workingDays.plusWorkingTime});</li>
 *   <li>{@code norm=P2D} with {@code norm-unit=working days}: the end of the working day that many working days
 *       later ({@code workingDays.deadline}; R3 item 5: 2 and 5 working days).</li>
 * </ul>
 */
@Component("stepNorms")
public class StepNorms {

  private final WorkingDayExpressions workingDays;

  public StepNorms(WorkingDayExpressions workingDays) {
    this.workingDays = workingDays;
  }

  public Date due(DelegateExecution execution) {
    Map<String, String> properties = ElementProperties.of(execution.getBpmnModelElementInstance());
    String norm = properties.get("norm");
    String where = "Step '" + execution.getCurrentActivityName() + "'";
    if (norm == null || norm.isBlank()) {
      throw new IllegalStateException(where + " needs the camunda:property norm for its due date");
    }
    Date now = ClockUtil.getCurrentTime();
    String unit = properties.getOrDefault("norm-unit", "");
    if (unit.strip().equalsIgnoreCase("working days")) {
      try {
        return workingDays.deadline(now, Period.parse(norm.strip()).getDays());
      } catch (DateTimeParseException e) {
        throw new IllegalStateException(where + ": norm '" + norm + "' in working days is written P<n>D (P2D)");
      }
    }
    try {
      Duration.parse(norm.strip());
    } catch (DateTimeParseException e) {
      throw new IllegalStateException(where + ": norm '" + norm + "' is not an ISO-8601 duration (PT10M, PT1H)");
    }
    return workingDays.plusWorkingTime(now, norm.strip());
  }
}
