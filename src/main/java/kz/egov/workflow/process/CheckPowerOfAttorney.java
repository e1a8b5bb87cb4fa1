package kz.egov.workflow.process;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;
import kz.egov.workflow.registry.NotaryRegistry;
import kz.egov.workflow.registry.PowerOfAttorney;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * C2 of R2 №2 (also R4 №2, R5 №3): is the representative's notarised power of attorney in the notary
 * registry, given by the applicant to this representative, and in force today? Inputs
 * {@code powerOfAttorneyNumber}, {@code applicantId} (the principal), {@code representativeIin}
 * (optional). Sets {@code powerOfAttorneyValid} and {@code powerOfAttorneyReason}.
 * Without a number there is nothing to check: a power of attorney certified otherwise is not entered
 * (R2 item 7, P3), so the step answers valid and says why.
 */
@Component("checkPowerOfAttorney")
public class CheckPowerOfAttorney implements JavaDelegate {

  private final NotaryRegistry notary;

  public CheckPowerOfAttorney(NotaryRegistry notary) {
    this.notary = notary;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String number = StepInputs.optional(execution, "powerOfAttorneyNumber");
    if (number == null) {
      answer(execution, true, "No notarised power of attorney entered; nothing to check in the notary registry");
      return;
    }
    String principal = StepInputs.required(execution, "applicantId");
    String representative = StepInputs.optional(execution, "representativeIin");
    LocalDate today = LocalDate.now(ZoneOffset.ofHours(5));

    Optional<PowerOfAttorney> found = notary.findPowerOfAttorney(number);
    if (found.isEmpty()) {
      answer(execution, false, "Power of attorney " + number + " is not in the notary registry");
      return;
    }
    PowerOfAttorney poa = found.get();
    if (!poa.principalId().equals(principal)) {
      answer(execution, false, "Power of attorney " + number + " was given by " + poa.principalId()
          + ", not by the applicant " + principal);
    } else if (representative != null && !poa.attorneyIin().equals(representative)) {
      answer(execution, false, "Power of attorney " + number + " names " + poa.attorneyIin()
          + " as representative, not " + representative);
    } else if (poa.revoked()) {
      answer(execution, false, "Power of attorney " + number + " has been revoked");
    } else if (!poa.inForceOn(today)) {
      answer(execution, false, "Power of attorney " + number + " is in force from " + poa.issuedOn() + " to "
          + poa.validUntil() + ", not on " + today);
    } else {
      answer(execution, true, "Power of attorney " + number + " by " + poa.notary() + ", in force until "
          + poa.validUntil());
    }
  }

  private static void answer(DelegateExecution execution, boolean valid, String reason) {
    execution.setVariable("powerOfAttorneyValid", valid);
    execution.setVariable("powerOfAttorneyReason", reason);
  }
}
