package kz.egov.workflow.documents;

/**
 * A document as stored: its record, the PDF, the provider's detached CMS signature over the PDF ({@code .p7s},
 * DER) and the PDF's SHA-256 (hex).
 */
public record StoredDocument(ResultDocument record, byte[] pdf, byte[] signature, String pdfSha256) {

  public String number() {
    return record.number();
  }
}
