package kz.egov.workflow.licensing;

import kz.egov.workflow.identity.IdentificationNumbers;
import java.util.ArrayList;
import java.util.List;
import kz.egov.workflow.payment.RequestKind;

/**
 * P7/P9 "register the application in e-licensing": who applies to which provider for what. The
 * {@code reference} (the process's business key) makes registration idempotent: registering the same
 * reference again returns the number it already has.
 */
public record ApplicationRegistration(String provider, String applicantId, String service, String requestKind,
    String reference) {

  public List<String> problems() {
    List<String> problems = new ArrayList<>();
    if (provider == null || !provider.matches("[a-z0-9-]{1,20}")) {
      problems.add("provider: the provider's id, e.g. 'wko' (lower-case letters, digits, '-')");
    }
    IdentificationNumbers.iinOrBinProblem(applicantId).ifPresent(p -> problems.add("applicantId: " + p));
    if (service == null || service.isBlank() || service.length() > 80) {
      problems.add("service: required, at most 80 characters");
    }
    if (RequestKind.ofCode(requestKind).isEmpty()) {
      problems.add("requestKind: one of issuance, re-issuance, duplicate");
    }
    if (reference == null || reference.isBlank() || reference.length() > 64) {
      problems.add("reference: required, at most 64 characters");
    }
    return problems;
  }
}
