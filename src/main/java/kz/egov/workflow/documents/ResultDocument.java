package kz.egov.workflow.documents;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * A result document as a structured record: every field its printed form shows (R5 appendix 3, "State
 * licence" and "Motivated refusal", used for every licence and refusal), plus where it came from. The PDF
 * is rendered from this record and stored beside it.
 *
 * @param number the document's number: a licence's number in the e-licensing register, a refusal's
 *     {@code <applicationNumber>-REF}, a duplicate licence's {@code <licenceNumber>-D<n>}
 * @param issuedAt when the document was formed and signed (Kazakhstan time)
 * @param applicationId the application's id, the process's business key
 * @param applicationRegisteredAt when e-licensing registered the application (the refusal's "application of [date]")
 * @param requestKind {@code issuance}, {@code re-issuance}, {@code duplicate} (R2, R5); null elsewhere
 * @param licence the licence's particulars (kind {@code licence} only)
 * @param refusal the refusal's step and reason (kind {@code refusal} only)
 * @param verificationUrl the link the QR code carries
 */
public record ResultDocument(
    String number,
    DocumentKind kind,
    OffsetDateTime issuedAt,
    Provider provider,
    Applicant applicant,
    String applicationId,
    String applicationNumber,
    OffsetDateTime applicationRegisteredAt,
    String service,
    String requestKind,
    Licence licence,
    Refusal refusal,
    Signer signer,
    String verificationUrl) {

  /** The licensor / authority: its id ({@code egov.access.providers}), names and place of issue. */
  public record Provider(String id, String nameKk, String nameRu, String placeKk, String placeRu) {}

  /** Who the document is issued to: IIN or BIN, name, and address when the registry gave one. */
  public record Applicant(String id, String name, String address) {}

  /**
   * The licence's particulars: its number in the register (a duplicate's document number differs), the day it
   * was issued, the kind of activity as the Law on Licensing names it, its subtypes, where it is carried out,
   * and the special conditions (Law on Licensing art. 9-1) when there are any.
   */
  public record Licence(String number, LocalDate issuedOn, String activityKk, String activityRu,
      List<String> subtypes, String place, String specialConditions, boolean duplicate) {

    public Licence {
      subtypes = subtypes == null ? List.of() : List.copyOf(subtypes);
    }
  }

  /**
   * The refusal: the step of the diagram that refused ({@code P10}, {@code P8}, ...) and the reason the applicant
   * reads; {@code reason} is the English or as-written text, {@code reasonKk}/{@code reasonRu} the printed ones.
   */
  public record Refusal(String step, String reason, String reasonKk, String reasonRu) {}

  /**
   * The provider's authorised person, from the signing certificate: {@code head} when the certificate carries the
   * first-head role, else an authorised person (may sign).
   */
  public record Signer(String name, String iin, String bin, String organisation, boolean head,
      String certificateSerial, String certificateIssuer) {}
}
