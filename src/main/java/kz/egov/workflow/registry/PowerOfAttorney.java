package kz.egov.workflow.registry;

import kz.egov.workflow.identity.IdentificationNumbers;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * A notarised power of attorney as the notary registry (ЕНИС) keeps it: who gave it (IIN or BIN), to whom
 * (IIN), by which notary, for which period.
 */
public record PowerOfAttorney(String number, String principalId, String attorneyIin, String notary,
    LocalDate issuedOn, LocalDate validUntil, String powers, Boolean revoked) {

  /** Absent means not revoked. */
  public PowerOfAttorney {
    revoked = revoked != null && revoked;
  }

  /** In force on {@code day}: not revoked, and the day within its period. */
  public boolean inForceOn(LocalDate day) {
    return !revoked && !day.isBefore(issuedOn) && !day.isAfter(validUntil);
  }

  public List<String> problems() {
    List<String> problems = new ArrayList<>();
    Fields.requireText(problems, "number", number, 40);
    IdentificationNumbers.iinOrBinProblem(principalId).ifPresent(p -> problems.add("principalId: " + p));
    IdentificationNumbers.iinProblem(attorneyIin).ifPresent(p -> problems.add("attorneyIin: " + p));
    Fields.requireText(problems, "notary", notary, 200);
    Fields.optionalText(problems, "powers", powers, 500);
    if (issuedOn == null) {
      problems.add("issuedOn: required (YYYY-MM-DD)");
    }
    if (validUntil == null) {
      problems.add("validUntil: required (YYYY-MM-DD)");
    }
    if (issuedOn != null && validUntil != null && validUntil.isBefore(issuedOn)) {
      problems.add("validUntil: " + validUntil + " is before issuedOn " + issuedOn);
    }
    if (principalId != null && principalId.equals(attorneyIin)) {
      problems.add("attorneyIin: the attorney cannot be the principal");
    }
    return problems;
  }
}
