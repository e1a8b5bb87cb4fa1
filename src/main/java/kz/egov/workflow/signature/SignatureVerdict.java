package kz.egov.workflow.signature;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The answer to "is this signed request acceptable?": {@code valid}, one {@link Reason} per failed check,
 * a message per reason (Kazakh, Russian, English, plus the particulars), and what was found: each signer's
 * certificate profile and chain, the signing time and where it comes from, and the revocation answers used.
 *
 * @param warnings checks that failed but are accepted by configuration (REVOCATION_UNKNOWN under the
 *     accept-and-flag policy): the result is valid, and says so
 */
public record SignatureVerdict(
    boolean valid,
    List<Reason> reasons,
    List<Message> messages,
    List<Reason> warnings,
    List<SignerReport> signers,
    String expectedIin,
    String expectedBin,
    boolean detached,
    Instant verifiedAt) {

  public SignatureVerdict {
    reasons = List.copyOf(reasons);
    messages = List.copyOf(messages);
    warnings = List.copyOf(warnings);
    signers = List.copyOf(signers);
  }

  /** A reason with its sentences; {@code detail} names the particulars (dates, subjects, numbers) in English. */
  public record Message(Reason code, String en, String ru, String kk, String detail) {

    public static Message of(Reason code, String detail) {
      return new Message(code, code.en(), code.ru(), code.kk(), detail);
    }

    public String english() {
      return detail == null ? en : en + ": " + detail;
    }
  }

  public enum SigningTimeSource {
    /** A valid RFC 3161 timestamp token in the signer's unsigned attributes. */
    TIMESTAMP,
    /** No timestamp: validity judged at the moment of verification. */
    VERIFICATION_TIME
  }

  public record SignerReport(
      CertificateProfile certificate,
      List<String> chain,
      String signatureAlgorithm,
      String digestAlgorithm,
      Instant signingTime,
      SigningTimeSource signingTimeSource,
      Instant claimedSigningTime,
      TimestampReport timestamp,
      List<RevocationReport> revocation,
      List<Reason> reasons) {

    public SignerReport {
      chain = chain == null ? List.of() : List.copyOf(chain);
      revocation = revocation == null ? List.of() : List.copyOf(revocation);
      reasons = reasons == null ? List.of() : List.copyOf(reasons);
    }
  }

  public record TimestampReport(Instant time, String authority, String serialNumber, String hashAlgorithm) {}

  public enum RevocationStatus {
    GOOD, REVOKED,
    /** The OCSP responder says "revoked" dated 1970-01-01: the CA never issued this certificate. */
    NOT_ISSUED,
    /** No source answered usably (unreachable, stale, badly signed, or none configured). */
    UNAVAILABLE
  }

  public enum RevocationSource { OCSP, CRL, NONE }

  /** The revocation answer used for one certificate of the chain. */
  public record RevocationReport(
      String certificate,
      RevocationStatus status,
      RevocationSource source,
      String url,
      Instant revokedAt,
      String revocationReason,
      Instant thisUpdate,
      Instant nextUpdate,
      boolean cached,
      List<String> problems) {

    public RevocationReport {
      problems = problems == null ? List.of() : List.copyOf(problems);
    }
  }

  /** The first signer (requests have one), or null when the CMS could not be read. */
  public SignerReport signer() {
    return signers.isEmpty() ? null : signers.get(0);
  }

  public boolean has(Reason reason) {
    return reasons.contains(reason);
  }

  /** All messages in English with particulars, for logs and process variables. */
  @JsonProperty("message")
  public String summary() {
    if (valid) {
      return warnings.isEmpty() ? "Signature valid"
          : "Signature valid with warnings: " + warnings.stream().map(Enum::name).collect(Collectors.joining(", "));
    }
    return messages.stream().map(Message::english).collect(Collectors.joining("; "));
  }

  /** All messages in Russian (without particulars), for refusal letters. */
  @JsonProperty("messageRu")
  public String summaryRu() {
    return valid ? "Подпись действительна"
        : messages.stream().map(Message::ru).distinct().collect(Collectors.joining("; "));
  }

  /** All messages in Kazakh (without particulars), for refusal letters. */
  @JsonProperty("messageKk")
  public String summaryKk() {
    return valid ? "Қолтаңба жарамды"
        : messages.stream().map(Message::kk).distinct().collect(Collectors.joining("; "));
  }
}
