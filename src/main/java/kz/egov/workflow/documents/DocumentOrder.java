package kz.egov.workflow.documents;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import kz.egov.workflow.identity.IdentificationNumbers;

/**
 * What a diagram asks to issue: the kind and the application's particulars, as the process variables give them
 * (docs/process-variables.md). {@link #problems()} names what is missing: a modelling error, not the applicant's.
 *
 * @param formData the application form's fields (may be null); a licence reads {@code activityKk},
 *     {@code activityRu} (or {@code activity}), {@code subtypes}, {@code place} and {@code specialConditions};
 *     a certificate and an archival certificate the keys of {@link CertificateParticulars}
 * @param licenceNumber the licence the e-licensing register entered (licence only)
 * @param refusalReason the reason as written or in English; {@code refusalReasonKk} and {@code refusalReasonRu}
 *     are printed when given, else it is printed in both places
 * @param specialConditions the licence's special conditions (Law on Licensing art. 9-1) the provider set when it
 *     decided (R5 C4 / C3 / C2); null: the form's {@code specialConditions}, else none
 */
public record DocumentOrder(
    DocumentKind kind,
    String applicationId,
    String applicationNumber,
    OffsetDateTime applicationRegisteredAt,
    String service,
    String provider,
    String requestKind,
    String applicantId,
    String applicantName,
    String applicantAddress,
    JsonNode formData,
    String licenceNumber,
    LocalDate licenceIssuedOn,
    String refusalStep,
    String refusalReason,
    String refusalReasonKk,
    String refusalReasonRu,
    String specialConditions) {

  public DocumentOrder(DocumentKind kind, String applicationId, String applicationNumber,
      OffsetDateTime applicationRegisteredAt, String service, String provider, String requestKind, String applicantId,
      String applicantName, String applicantAddress, JsonNode formData, String licenceNumber, LocalDate licenceIssuedOn,
      String refusalStep, String refusalReason, String refusalReasonKk, String refusalReasonRu) {
    this(kind, applicationId, applicationNumber, applicationRegisteredAt, service, provider, requestKind, applicantId,
        applicantName, applicantAddress, formData, licenceNumber, licenceIssuedOn, refusalStep, refusalReason,
        refusalReasonKk, refusalReasonRu, null);
  }

  /** Document numbers appear in the verification link: letters, digits, '.', '_' and '-'. */
  static final String NUMBER = "[A-Za-z0-9._-]{1,70}";

  /** The same order for a motivated refusal at {@code step} with {@code reason} (as written, printed in both places). */
  public DocumentOrder refusal(String step, String reason) {
    return new DocumentOrder(DocumentKind.REFUSAL, applicationId, applicationNumber, applicationRegisteredAt, service,
        provider, requestKind, applicantId, applicantName, applicantAddress, formData, licenceNumber, licenceIssuedOn,
        step, reason, null, null, specialConditions);
  }

  public boolean duplicate() {
    return kind == DocumentKind.LICENCE && "duplicate".equals(requestKind);
  }

  public List<String> problems() {
    List<String> problems = new ArrayList<>();
    if (kind == null) {
      problems.add("documentKind: one of licence, refusal, certificate, archival-certificate");
      return problems;
    }
    if (!kind.issued()) {
      problems.add("documentKind: the printed form of a " + kind.code() + " is not built yet");
    }
    required(problems, "applicationId (the business key)", applicationId);
    required(problems, "service", service);
    required(problems, "provider", provider);
    required(problems, "applicantName", applicantName);
    IdentificationNumbers.iinOrBinProblem(applicantId).ifPresent(p -> problems.add("applicantId: " + p));
    if (applicationNumber != null && !applicationNumber.matches(NUMBER)) {
      problems.add("applicationNumber '" + applicationNumber + "': letters, digits, '.', '_', '-' only");
    }
    if (kind == DocumentKind.LICENCE) {
      if (licenceNumber == null) {
        problems.add("licenceNumber: the e-licensing register's number of the licence (issueLicence sets it before"
            + " the licence is formed)");
      } else if (!licenceNumber.matches(NUMBER)) {
        problems.add("licenceNumber '" + licenceNumber + "': letters, digits, '.', '_', '-' only");
      }
    }
    if (kind == DocumentKind.CERTIFICATE || kind == DocumentKind.ARCHIVAL_CERTIFICATE) {
      // numbered after the registered application it answers: <applicationNumber>-CERT / -AC
      required(problems, "applicationNumber (a " + kind.code() + " answers a registered application)",
          applicationNumber);
    }
    if (kind == DocumentKind.REFUSAL) {
      // R2 P10 / P8, R5 №1 P10: a motivated refusal names its reason and the application it answers
      required(problems, "refusalReason (a motivated refusal states its reason)", refusalReason);
      required(problems, "applicationNumber (the refusal answers a registered application)", applicationNumber);
    }
    return problems;
  }

  private static void required(List<String> problems, String name, String value) {
    if (value == null || value.isBlank()) {
      problems.add(name + ": required");
    }
  }
}
