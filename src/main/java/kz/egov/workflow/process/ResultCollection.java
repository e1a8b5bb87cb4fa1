package kz.egov.workflow.process;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.Map;
import kz.egov.workflow.access.AccessProperties;
import kz.egov.workflow.calendar.WorkingDayExpressions;
import kz.egov.workflow.documents.Safekeeping;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * The hand-over diagram's collection deadline and safekeeping (R4 item 17.4). As a delegate ({@code ${resultCollection}}
 * on "Keep the result"): records the uncollected result in {@link Safekeeping} and sets {@code safekeeping} and
 * {@code safekeepingSince}; the hand-over task stays open. {@code ${resultCollection.fixDeadline(execution)}} at the
 * start sets {@code collectBy}: the caller's value, else {@code collect-working-days} (a process property) working days
 * from now on the working-day calendar. {@code ${resultCollection.handedOver(execution)}} at the end takes the result
 * off the safekeeping list.
 */
@Component("resultCollection")
public class ResultCollection implements JavaDelegate {

  private static final ZoneOffset KAZAKHSTAN = ZoneOffset.ofHours(5);

  private final WorkingDayExpressions workingDays;
  private final Safekeeping safekeeping;
  private final AccessProperties access;

  public ResultCollection(WorkingDayExpressions workingDays, Safekeeping safekeeping, AccessProperties access) {
    this.workingDays = workingDays;
    this.safekeeping = safekeeping;
    this.access = access;
  }

  /** Sets {@code collectBy} (a Date) unless the caller gave one; the timer "Not collected by the deadline" reads it. */
  public Date fixDeadline(DelegateExecution execution) {
    Object given = execution.getVariable("collectBy");
    Date collectBy;
    if (given instanceof Date date) {
      collectBy = date;
    } else if (given != null && !given.toString().isBlank()) {
      collectBy = Date.from(OffsetDateTime.parse(given.toString().strip()).toInstant());
    } else {
      Map<String, String> properties = ElementProperties.of(ElementProperties.process(execution));
      String days = properties.get("collect-working-days");
      if (days == null) {
        throw new IllegalStateException("Process " + execution.getProcessDefinitionId()
            + " needs the camunda:property collect-working-days or the variable collectBy");
      }
      collectBy = workingDays.deadline(ClockUtil.getCurrentTime(), Integer.parseInt(days.strip()));
    }
    execution.setVariable("collectBy", collectBy);
    return collectBy;
  }

  @Override
  public void execute(DelegateExecution execution) {
    OffsetDateTime since = ClockUtil.getCurrentTime().toInstant().atOffset(KAZAKHSTAN);
    Object collectBy = execution.getVariable("collectBy");
    OffsetDateTime deadline = collectBy instanceof Date date ? date.toInstant().atOffset(KAZAKHSTAN) : since;
    String applicationId = StepInputs.optional(execution, "applicationId");
    if (applicationId == null) {
      applicationId = execution.getProcessBusinessKey() != null ? execution.getProcessBusinessKey()
          : execution.getProcessInstanceId();
    }
    String group = StepInputs.optional(execution, "handOverGroup");
    safekeeping.keep(new Safekeeping.Kept(applicationId, StepInputs.optional(execution, "applicationNumber"),
        provider(execution, group), group, StepInputs.optional(execution, "applicantName"),
        StepInputs.optional(execution, "resultKind"), StepInputs.optional(execution, "resultDocumentNumber"), deadline,
        since, execution.getProcessInstanceId()));
    execution.setVariable("safekeeping", true);
    execution.setVariable("safekeepingSince", Date.from(since.toInstant()));
  }

  /** The result reached the applicant: off the safekeeping list. */
  public void handedOver(DelegateExecution execution) {
    String applicationId = StepInputs.optional(execution, "applicationId");
    if (applicationId == null) {
      applicationId = execution.getProcessBusinessKey() != null ? execution.getProcessBusinessKey()
          : execution.getProcessInstanceId();
    }
    Date now = ClockUtil.getCurrentTime();
    safekeeping.handedOver(applicationId, now.toInstant().atOffset(KAZAKHSTAN));
    execution.setVariable("handedOverAt", now);
  }

  /** {@code provider}, else the provider whose group hands it over ({@code akmola-clerk} → {@code akmola}). */
  private String provider(DelegateExecution execution, String group) {
    String provider = StepInputs.optional(execution, "provider");
    if (provider != null || group == null) {
      return provider;
    }
    return access.providers().stream().map(AccessProperties.Provider::id)
        .filter(id -> group.equals(id) || group.startsWith(id + "-")).findFirst().orElse(null);
  }
}
