package kz.egov.workflow.bench;

import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * The engine's floor: every delegate, execution and task listener of the no-op copy of the R2 portal diagram
 * ({@link BenchDiagrams#noopPortal}). It does no work and sets only what the diagram's gateways read, so the copy
 * takes the happy path through the same async boundaries, user task and timers as the real diagram. Exists only
 * in benchmark nodes (profile {@code benchmark}).
 */
@Component("benchNoop")
@Profile("benchmark")
class NoopSteps implements JavaDelegate, ExecutionListener, TaskListener {

  @Override
  public void execute(DelegateExecution execution) {
    if (execution.getVariable("signatureValid") == null) {
      execution.setVariable("portalAccountValid", true);
      execution.setVariable("paymentComplete", true);
      execution.setVariable("signatureValid", true);
      execution.setVariable("applicationRegisteredAt", new Date());
    }
  }

  @Override
  public void notify(DelegateExecution execution) {
    // listeners of the copy: nothing to record
  }

  @Override
  public void notify(DelegateTask task) {
    // the decision's check: the copy accepts any decision
  }
}
