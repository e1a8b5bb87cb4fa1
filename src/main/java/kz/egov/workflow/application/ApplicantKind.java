package kz.egov.workflow.application;

import java.util.Optional;
import kz.egov.workflow.identity.IdentificationNumbers;

/** Who may apply for a service: a legal entity (BIN), an individual (IIN), or either. */
public enum ApplicantKind {
  BIN,
  IIN,
  ANY;

  /** Why {@code number} cannot be this kind of applicant (check digit included), or empty. */
  public Optional<String> problem(String number) {
    return switch (this) {
      case BIN -> IdentificationNumbers.binProblem(number);
      case IIN -> IdentificationNumbers.iinProblem(number);
      case ANY -> IdentificationNumbers.iinOrBinProblem(number);
    };
  }
}
