package kz.egov.workflow.process;

import java.time.Instant;
import kz.egov.workflow.notification.OneTimePasswords;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * R3 item 9, P3 and C2: the request was confirmed with a one-time password instead of an EDS. The code the
 * applicant entered ({@code otpCode}) must be the one sent for this application ({@code otpId}; the business key
 * is the reference it was sent for) and this applicant ({@code applicantId}), unexpired when the request was
 * submitted (the process's start), and unused; then it is used up. Sets {@code confirmedBy = otp},
 * {@code oneTimePasswordValid}, {@code oneTimePasswordMessage}, {@code oneTimePasswordMessageRu},
 * {@code oneTimePasswordMessageKk}, and drops {@code otpCode} (a used or refused code is no secret, but is kept
 * nowhere longer than needed).
 */
@Component("checkOneTimePassword")
public class CheckOneTimePassword implements JavaDelegate {

  private final OneTimePasswords passwords;

  public CheckOneTimePassword(OneTimePasswords passwords) {
    this.passwords = passwords;
  }

  @Override
  public void execute(DelegateExecution execution) {
    OneTimePasswords.Verdict verdict = passwords.confirm(StepInputs.optional(execution, "otpId"),
        StepInputs.optional(execution, "otpCode"), StepInputs.optional(execution, "applicantId"),
        StepInputs.applicationReference(execution), presentedAt(execution));
    execution.setVariable("confirmedBy", "otp");
    execution.setVariable("oneTimePasswordValid", verdict.valid());
    execution.setVariable("oneTimePasswordMessage", verdict.message());
    execution.setVariable("oneTimePasswordMessageRu", verdict.messageRu());
    execution.setVariable("oneTimePasswordMessageKk", verdict.messageKk());
    if (execution.hasVariable("otpCode")) {
      execution.removeVariable("otpCode");
    }
  }

  /** The submission: the process instance's start, which the engine records (a caller cannot set it). */
  private static Instant presentedAt(DelegateExecution execution) {
    HistoricProcessInstance started = execution.getProcessEngineServices().getHistoryService()
        .createHistoricProcessInstanceQuery().processInstanceId(execution.getProcessInstanceId()).singleResult();
    return started == null || started.getStartTime() == null ? ClockUtil.getCurrentTime().toInstant()
        : started.getStartTime().toInstant();
  }
}
