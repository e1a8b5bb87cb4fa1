package kz.egov.workflow.process;

import java.time.LocalDate;
import java.time.ZoneOffset;
import kz.egov.workflow.payment.PaymentCheck;
import kz.egov.workflow.payment.PaymentVerdict;
import kz.egov.workflow.payment.RequestKind;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * C2 of R2 and R5 diagram №1: has the service been paid in full for its kind of request? Inputs
 * {@code service} (e.g. {@code scrap-metal-license}), {@code requestKind} (issuance, re-issuance, duplicate;
 * default issuance), {@code applicationReference} (default: the business key). Sets {@code paymentComplete},
 * {@code paymentReason} (e.g. "Paid 20000.00 KZT of 43250.00 KZT, 23250.00 KZT missing ..."), and the
 * amounts {@code paymentDue}, {@code paymentPaid}, {@code paymentShortfall} as decimal strings in KZT.
 */
@Component("checkPayment")
public class CheckPayment implements JavaDelegate {

  private final PaymentCheck check;

  public CheckPayment(PaymentCheck check) {
    this.check = check;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String service = StepInputs.required(execution, "service");
    String kindCode = StepInputs.optional(execution, "requestKind");
    RequestKind kind = kindCode == null ? RequestKind.ISSUANCE : RequestKind.ofCode(kindCode).orElseThrow(
        () -> new IllegalArgumentException("requestKind '" + kindCode + "' is none of issuance, re-issuance, duplicate"));
    PaymentVerdict verdict = check.check(StepInputs.applicationReference(execution), service, kind,
        LocalDate.now(ZoneOffset.ofHours(5)));
    execution.setVariable("paymentComplete", verdict.complete());
    execution.setVariable("paymentReason", verdict.reason());
    execution.setVariable("paymentDue", verdict.dueKzt().toPlainString());
    execution.setVariable("paymentPaid", verdict.paidKzt().toPlainString());
    execution.setVariable("paymentShortfall", verdict.shortfallKzt().toPlainString());
  }
}
