package kz.egov.workflow.documents;

/**
 * The answer to "is this PDF the one you issued?" ({@code POST /api/v1/documents/{number}/verify} with the PDF):
 * {@code unchanged} when its SHA-256 equals the stored PDF's, else {@code altered}.
 */
public record DocumentComparison(boolean ours, String number, boolean unchanged, String verdict,
    String submittedSha256, String pdfSha256) {}
