package kz.egov.workflow.process;

import java.util.Date;
import kz.egov.workflow.licensing.ApplicationRegistration;
import kz.egov.workflow.licensing.LicensingRegister;
import kz.egov.workflow.licensing.RegisteredApplication;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * P7 (provider diagrams) / P9 (portal diagrams): registers the application in e-licensing, which assigns
 * its number. Inputs {@code provider} (e.g. {@code wko}), {@code applicantId}, {@code service},
 * {@code requestKind} (default issuance), {@code applicationReference} (default: the business key).
 * Sets {@code applicationNumber} and {@code applicationRegisteredAt}, from which the deadline runs.
 * Registering again (a retried job) returns the same number.
 */
@Component("registerApplication")
public class RegisterApplication implements JavaDelegate {

  private final LicensingRegister register;

  public RegisterApplication(LicensingRegister register) {
    this.register = register;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String kind = StepInputs.optional(execution, "requestKind");
    RegisteredApplication registered = register.register(new ApplicationRegistration(
        StepInputs.required(execution, "provider"), StepInputs.required(execution, "applicantId"),
        StepInputs.required(execution, "service"), kind == null ? "issuance" : kind,
        StepInputs.applicationReference(execution)));
    execution.setVariable("applicationNumber", registered.applicationNumber());
    execution.setVariable("applicationRegisteredAt", Date.from(registered.registeredAt().toInstant()));
  }
}
