package kz.egov.workflow.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * R3 item 9, C2 accepts an EDS ({@code verifySignature}) or a one-time password ({@code checkOneTimePassword});
 * {@code confirmedBy} says which the request used. {@code ${requestConfirmation.explain(execution)}}, on the
 * refusal P4, copies that check's particulars to {@code confirmationMessage[Ru|Kk]}, the refusal's reason.
 */
@Component("requestConfirmation")
public class RequestConfirmation {

  public void explain(DelegateExecution execution) {
    String source = "otp".equals(execution.getVariable("confirmedBy")) ? "oneTimePasswordMessage" : "signatureMessage";
    for (String suffix : new String[] {"", "Ru", "Kk"}) {
      execution.setVariable("confirmationMessage" + suffix, execution.getVariable(source + suffix));
    }
  }
}
