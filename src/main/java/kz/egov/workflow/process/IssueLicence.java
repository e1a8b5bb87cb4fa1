package kz.egov.workflow.process;

import java.sql.Date;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;
import kz.egov.workflow.documents.DocumentsProperties;
import kz.egov.workflow.licensing.Licence;
import kz.egov.workflow.licensing.LicenceIssue;
import kz.egov.workflow.licensing.LicenceStatus;
import kz.egov.workflow.licensing.LicensingRegister;
import kz.egov.workflow.payment.RequestKind;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * The licence of R2 P11 / №2 P9 (and R5): "formed in e-licensing". Issuance enters a new licence in the
 * e-licensing register; re-issuance enters a new version of {@code licenceNumber} (which becomes re-issued);
 * a duplicate enters nothing: it is a copy of the licence in force, which must be the applicant's.
 *
 * <p>Inputs: {@code applicantId}, {@code applicantName}, {@code provider}, {@code service}, {@code requestKind},
 * {@code licenceNumber} (re-issuance, duplicate),
 * {@code applicationNumber}. The licensed kind of activity, as the Law on Licensing names it, is configuration:
 * {@code egov.documents.activities.<service>} (the Russian name goes to the register, as the licence prints both);
 * an input {@code activity} overrides it for one diagram. Sets {@code licenceNumber}, {@code licenceIssuedOn} and
 * {@code licenceVersion}.
 *
 * <p>A retried job finds the licence it entered before (by application number) instead of entering a second one.
 * A licence that cannot be re-issued or duplicated is the BPMN error {@code LICENCE_NOT_AVAILABLE}
 * ({@code licenceProblem} says why), which the diagram turns into a motivated refusal.
 */
@Component("issueLicence")
public class IssueLicence implements JavaDelegate {

  public static final String NOT_AVAILABLE = "LICENCE_NOT_AVAILABLE";

  private final LicensingRegister register;
  private final DocumentsProperties documents;

  public IssueLicence(LicensingRegister register, DocumentsProperties documents) {
    this.register = register;
    this.documents = documents;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String holder = StepInputs.required(execution, "applicantId");
    String applicationNumber = StepInputs.required(execution, "applicationNumber");
    String kindCode = StepInputs.optional(execution, "requestKind");
    RequestKind kind = kindCode == null ? RequestKind.ISSUANCE : RequestKind.ofCode(kindCode).orElseThrow(
        () -> new IllegalArgumentException("requestKind '" + kindCode + "' is none of issuance, re-issuance, duplicate"));

    Optional<Licence> already = register.licencesOf(holder).stream()
        .filter(l -> applicationNumber.equals(l.applicationNumber())).findFirst();
    Licence licence;
    if (already.isPresent()) {
      licence = already.get();
    } else if (kind == RequestKind.DUPLICATE) {
      licence = licenceInForce(execution, holder, "a duplicate");
    } else {
      String previous = null;
      if (kind == RequestKind.REISSUANCE) {
        previous = licenceInForce(execution, holder, "re-issuance").number();
      }
      licence = register.issue(new LicenceIssue(holder, StepInputs.required(execution, "applicantName"),
          activity(execution), StepInputs.required(execution, "provider"),
          LocalDate.now(ZoneOffset.ofHours(5)), previous, applicationNumber));
    }
    execution.setVariable("licenceNumber", licence.number());
    execution.setVariable("licenceIssuedOn", Date.valueOf(licence.issuedOn()));
    execution.setVariable("licenceVersion", licence.version());
  }

  /** The diagram's input, else the service's configured kind of activity; neither is a modelling error. */
  private String activity(DelegateExecution execution) {
    String given = StepInputs.optional(execution, "activity");
    if (given != null) {
      return given;
    }
    String service = StepInputs.required(execution, "service");
    DocumentsProperties.Bilingual configured = documents.activities().get(service);
    if (configured == null || configured.ru() == null || configured.ru().isBlank()) {
      throw new IllegalStateException("Step '" + execution.getCurrentActivityName() + "': no kind of activity for "
          + service + ": configure egov.documents.activities." + service + ".ru (and .kk)");
    }
    return configured.ru();
  }

  private Licence licenceInForce(DelegateExecution execution, String holder, String purpose) {
    String number = StepInputs.optional(execution, "licenceNumber");
    if (number == null) {
      throw refusal(execution, "The request for " + purpose + " names no licence");
    }
    Licence licence = register.licence(number).orElseThrow(
        () -> refusal(execution, "Licence " + number + " is not in the e-licensing register"));
    if (!licence.holderId().equals(holder)) {
      throw refusal(execution, "Licence " + number + " was issued to " + licence.holderId() + ", not to " + holder);
    }
    if (licence.status() != LicenceStatus.ACTIVE) {
      throw refusal(execution, "Licence " + number + " is " + licence.status().name().toLowerCase()
          + "; only a licence in force can be the subject of " + purpose);
    }
    return licence;
  }

  private static BpmnError refusal(DelegateExecution execution, String problem) {
    execution.setVariable("licenceProblem", problem);
    return new BpmnError(NOT_AVAILABLE, problem);
  }
}
