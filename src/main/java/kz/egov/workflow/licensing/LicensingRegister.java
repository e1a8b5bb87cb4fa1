package kz.egov.workflow.licensing;

import java.util.List;
import java.util.Optional;

/**
 * Port to the e-licensing register (ГБД «Е-лицензирование»): it registers applications and assigns their
 * numbers (P7 of R1/R2/R5 diagrams, P9 of the portal diagrams), and keeps the licences and permits issued.
 * Every method throws {@link kz.egov.workflow.registry.StateSystemUnavailableException} when the register
 * gives no usable answer.
 */
public interface LicensingRegister {

  /** Registers the application, or returns its registration when its reference is already registered. */
  RegisteredApplication register(ApplicationRegistration registration);

  Optional<RegisteredApplication> application(String applicationNumber);

  Optional<Licence> licence(String number);

  /** The holder's licences, newest first. */
  List<Licence> licencesOf(String holderId);

  /** Enters a licence (or a re-issued version of one) and returns it with its number. */
  Licence issue(LicenceIssue issue);

  /** Revokes an active licence. */
  Licence revoke(String number, java.time.LocalDate on);
}
