package kz.egov.workflow.licensing;

import kz.egov.workflow.identity.IdentificationNumbers;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * A licence to enter into the register; with {@code previousNumber} it re-issues that licence (which
 * must be active) as a new version.
 */
public record LicenceIssue(String holderId, String holderName, String activity, String provider,
    LocalDate issuedOn, String previousNumber, String applicationNumber) {

  public List<String> problems() {
    List<String> problems = new ArrayList<>();
    IdentificationNumbers.iinOrBinProblem(holderId).ifPresent(p -> problems.add("holderId: " + p));
    text(problems, "holderName", holderName, 300);
    text(problems, "activity", activity, 300);
    if (provider == null || !provider.matches("[a-z0-9-]{1,20}")) {
      problems.add("provider: the provider's id, e.g. 'wko' (lower-case letters, digits, '-')");
    }
    if (issuedOn == null) {
      problems.add("issuedOn: required (YYYY-MM-DD)");
    }
    if (previousNumber != null && previousNumber.length() > 40) {
      problems.add("previousNumber: at most 40 characters");
    }
    if (applicationNumber != null && applicationNumber.length() > 40) {
      problems.add("applicationNumber: at most 40 characters");
    }
    return problems;
  }

  private static void text(List<String> problems, String field, String value, int max) {
    if (value == null || value.isBlank()) {
      problems.add(field + ": required");
    } else if (value.length() > max) {
      problems.add(field + ": at most " + max + " characters");
    }
  }
}
