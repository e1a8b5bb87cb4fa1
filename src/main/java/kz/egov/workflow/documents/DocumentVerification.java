package kz.egov.workflow.documents;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * The public answer to "is this document ours?" ({@code GET /api/v1/documents/{number}/verify}): only what is
 * printed on the document anyway, the SHA-256 of the PDF we issued, and whether our signature over it verifies now.
 *
 * @param signatureValid the provider's detached CMS signature over the stored PDF verifies now (chain, validity,
 *     revocation) and the stored PDF still has the SHA-256 recorded when it was issued
 * @param signatureReasons the failed checks' codes ({@code REVOKED}, {@code EXPIRED}, ...) when not valid
 */
public record DocumentVerification(
    boolean ours,
    String number,
    DocumentKind kind,
    String kindKk,
    String kindRu,
    OffsetDateTime issuedAt,
    String holderName,
    Issuer provider,
    SignedBy signer,
    String pdfSha256,
    boolean signatureValid,
    List<String> signatureReasons,
    Instant verifiedAt) {

  public record Issuer(String id, String nameKk, String nameRu) {}

  public record SignedBy(String name, String bin, String organisation) {}
}
