package kz.egov.workflow.process;

import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.springframework.stereotype.Component;

/**
 * {@code ${decisions}}: the provider's decision tasks (R2 C4 / №2 C3, R5 …) are completed only with a decision,
 * and a refusal only with its reason: the motivated refusal states it (Law on Licensing; R5 appendix 3).
 * Used as the complete listener {@code ${decisions.check(task)}}; a violation answers 400 through
 * {@code /engine-rest} and leaves the task open.
 */
@Component("decisions")
public class Decisions {

  static final int MIN_REASON = 10;

  public void check(DelegateTask task) {
    Object decision = task.getVariable("decision");
    if (!"issue".equals(decision) && !"refuse".equals(decision)) {
      notCompletedMeanwhile(task);
      throw new FormFieldValidationException("decision",
          "decision must be 'issue' or 'refuse' (шешім / решение), not " + (decision == null ? "empty" : "'" + decision + "'"));
    }
    if ("refuse".equals(decision)) {
      Object reason = task.getVariable("decisionReason");
      if (reason == null || reason.toString().strip().length() < MIN_REASON) {
        notCompletedMeanwhile(task);
        throw new FormFieldValidationException("decisionReason", "a refusal needs its reason, at least " + MIN_REASON
            + " characters (бас тарту себебі / причина отказа)");
      }
    }
  }

  /**
   * Two people completing one task at once: the one who comes second may see the values the first left behind
   * vanish with the task. That is a conflict (409 through {@code /engine-rest}), not a wrong form.
   */
  private static void notCompletedMeanwhile(DelegateTask task) {
    if (task.getProcessEngineServices().getTaskService().createTaskQuery().taskId(task.getId()).count() == 0) {
      throw new OptimisticLockingException("Task " + task.getId() + " was completed by someone else meanwhile");
    }
  }
}
