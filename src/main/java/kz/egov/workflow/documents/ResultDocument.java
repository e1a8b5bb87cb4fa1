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
 * @param certificate the cultural values, destination and period of export (kind {@code certificate} only)
 * @param archivalCertificate the kind of certificate, what it confirms and from which archival files
 *     (kind {@code archival-certificate} only)
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
    String verificationUrl,
    Certificate certificate,
    ArchivalCertificate archivalCertificate) {

  /** A licence or a refusal (the kinds without certificate particulars). */
  public ResultDocument(String number, DocumentKind kind, OffsetDateTime issuedAt, Provider provider,
      Applicant applicant, String applicationId, String applicationNumber, OffsetDateTime applicationRegisteredAt,
      String service, String requestKind, Licence licence, Refusal refusal, Signer signer, String verificationUrl) {
    this(number, kind, issuedAt, provider, applicant, applicationId, applicationNumber, applicationRegisteredAt,
        service, requestKind, licence, refusal, signer, verificationUrl, null, null);
  }

  /** The same document with its times in {@code offset} (Jackson reads them back in UTC). */
  ResultDocument at(java.time.ZoneOffset offset) {
    return new ResultDocument(number, kind, issuedAt.withOffsetSameInstant(offset), provider, applicant,
        applicationId, applicationNumber, applicationRegisteredAt == null ? null
        : applicationRegisteredAt.withOffsetSameInstant(offset), service, requestKind, licence, refusal, signer,
        verificationUrl, certificate, archivalCertificate);
  }

  /** The same document signed by {@code signed} (a draft's official, once his or her EDS verified). */
  ResultDocument signedBy(Signer signed) {
    return new ResultDocument(number, kind, issuedAt, provider, applicant, applicationId, applicationNumber,
        applicationRegisteredAt, service, requestKind, licence, refusal, signed, verificationUrl, certificate,
        archivalCertificate);
  }

  /**
   * The licensor / authority: its id ({@code egov.access.providers}), names, place of issue and details (address,
   * telephone: the refusal's "authority's details", R5 appendix 3; {@code egov.documents.authority-details}).
   */
  public record Provider(String id, String nameKk, String nameRu, String placeKk, String placeRu, String detailsKk,
      String detailsRu) {

    public Provider(String id, String nameKk, String nameRu, String placeKk, String placeRu) {
      this(id, nameKk, nameRu, placeKk, placeRu, null, null);
    }
  }

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

  /**
   * The certificate for the right of temporary export of cultural values (R1, R3; the form of the Minister of
   * Culture and Sport's order No. 19 of 22.01.2015): the values exported (each described, with its quantity),
   * where to, what for, and for how long. The holder is the document's {@code applicant}; its validity ends with
   * the export period.
   */
  public record Certificate(List<CulturalValue> values, String destinationCountry, String purpose,
      LocalDate exportFrom, LocalDate exportUntil) {

    public Certificate {
      values = values == null ? List.of() : List.copyOf(values);
    }
  }

  /** One cultural value on a certificate: its description (name, author, material, size) and how many. */
  public record CulturalValue(String description, int quantity) {}

  /**
   * The archival certificate (R4, appendix 5 "positive answer"): the kind of certificate asked for (in Kazakh and
   * Russian when the kind is one we name, else as written), the archival information it confirms, the archive that
   * holds the files and the references to them (fund, inventory, file, sheets).
   */
  public record ArchivalCertificate(String kind, String kindKk, String kindRu, String confirmedInformation,
      String archive, List<String> references) {

    public ArchivalCertificate {
      references = references == null ? List.of() : List.copyOf(references);
    }
  }
}
