package kz.egov.workflow.calendar;

import io.micrometer.core.instrument.MeterRegistry;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * {@code ${markOverdue}}: the step after a deadline's non-interrupting boundary timer. Marks the
 * application overdue ({@code overdue = true}, {@code overdueAt} = the engine's clock), counts the breach
 * (meter {@code egov.deadline.overdue}, tagged with the process and the optional input {@code deadlineName})
 * and leaves the work where it is: a deadline is never a silent refusal.
 */
@Component("markOverdue")
public class MarkOverdueDelegate implements JavaDelegate {

  private static final Logger log = LoggerFactory.getLogger(MarkOverdueDelegate.class);

  private final ObjectProvider<MeterRegistry> meters;

  public MarkOverdueDelegate(ObjectProvider<MeterRegistry> meters) {
    this.meters = meters;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Date now = ClockUtil.getCurrentTime();
    execution.setVariable("overdue", true);
    execution.setVariable("overdueAt", now);
    String process = execution.getProcessEngineServices().getRepositoryService()
        .getProcessDefinition(execution.getProcessDefinitionId()).getKey();
    Object deadline = execution.getVariableLocal("deadlineName");
    String deadlineName = deadline == null ? "deadline" : deadline.toString();
    meters.ifAvailable(registry -> registry.counter("egov.deadline.overdue", "process", process,
        "deadline", deadlineName).increment());
    log.warn("Deadline '{}' passed: process {} instance {} (business key {}) marked overdue at {}", deadlineName,
        process, execution.getProcessInstanceId(), execution.getProcessBusinessKey(), now);
  }
}
