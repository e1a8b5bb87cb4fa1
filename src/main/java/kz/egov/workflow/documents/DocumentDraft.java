package kz.egov.workflow.documents;

import java.time.OffsetDateTime;

/**
 * A result formed and rendered but not yet signed: the official named as its {@code signatory} (an engine user id)
 * signs these exact PDF bytes with his or her own EDS (R3 item 5 steps 5-6), and then it is stored as the result
 * with that detached CMS.
 */
public record DocumentDraft(ResultDocument record, byte[] pdf, String pdfSha256, String signatory, String preparedBy,
    OffsetDateTime preparedAt) {

  public String number() {
    return record.number();
  }
}
