package kz.egov.workflow.documents;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.ZoneOffset;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

/** Issued documents in table {@code result_document} (V60); drafts an official signs in {@code result_document_draft} (V81). */
@Component
public class DocumentStore {

  static final ZoneOffset KAZAKHSTAN = ZoneOffset.ofHours(5);

  private final JdbcTemplate jdbc;
  private final ObjectMapper json;
  private final RowMapper<StoredDocument> row;

  public DocumentStore(JdbcTemplate jdbc, ObjectMapper json) {
    this.jdbc = jdbc;
    this.json = json;
    this.row = this::read;
  }

  public Optional<StoredDocument> byNumber(String number) {
    return jdbc.query("SELECT * FROM result_document WHERE document_number = ?", row, number).stream().findFirst();
  }

  public Optional<StoredDocument> byApplication(String applicationId, DocumentKind kind) {
    return jdbc.query("SELECT * FROM result_document WHERE application_id = ? AND kind = ?", row, applicationId,
        kind.code()).stream().findFirst();
  }

  /** The application's result: its latest document (an application ends with one result). */
  public Optional<StoredDocument> resultOf(String applicationId) {
    return jdbc.query("SELECT * FROM result_document WHERE application_id = ? ORDER BY issued_at DESC,"
        + " document_number DESC", row, applicationId).stream().findFirst();
  }

  /** How many documents have numbers starting with {@code prefix} (duplicates of one licence). */
  long countNumbered(String prefix) {
    Long count = jdbc.queryForObject("SELECT COUNT(*) FROM result_document WHERE document_number LIKE ?",
        Long.class, prefix.replace("%", "\\%").replace("_", "\\_") + "%");
    return count == null ? 0 : count;
  }

  /** @throws org.springframework.dao.DuplicateKeyException when the number or the application's kind is taken */
  void insert(StoredDocument document) {
    ResultDocument record = document.record();
    jdbc.update("INSERT INTO result_document (document_number, kind, application_id, application_number, provider,"
            + " holder_id, holder_name, issued_at, record_json, pdf, signature, pdf_sha256)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", record.number(), record.kind().code(),
        record.applicationId(), record.applicationNumber(), record.provider().id(), record.applicant().id(),
        record.applicant().name(), record.issuedAt(), write(record), document.pdf(), document.signature(),
        document.pdfSha256());
  }

  /** The application's draft of this kind (R3: the certificate or the refusal the head is to sign). */
  public Optional<DocumentDraft> draft(String applicationId, DocumentKind kind) {
    return jdbc.query("SELECT * FROM result_document_draft WHERE application_id = ? AND kind = ?", this::readDraft,
        applicationId, kind.code()).stream().findFirst();
  }

  /** Keeps the draft, replacing an earlier draft of the application's kind (prepared again). */
  void saveDraft(DocumentDraft draft) {
    ResultDocument record = draft.record();
    deleteDraft(record.applicationId(), record.kind());
    jdbc.update("INSERT INTO result_document_draft (application_id, kind, document_number, signatory, prepared_by,"
            + " prepared_at, record_json, pdf, pdf_sha256) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", record.applicationId(),
        record.kind().code(), record.number(), draft.signatory(), draft.preparedBy(), draft.preparedAt(),
        write(record), draft.pdf(), draft.pdfSha256());
  }

  void deleteDraft(String applicationId, DocumentKind kind) {
    jdbc.update("DELETE FROM result_document_draft WHERE application_id = ? AND kind = ?", applicationId, kind.code());
  }

  private DocumentDraft readDraft(ResultSet rs, int rowNumber) throws SQLException {
    ResultDocument record;
    try {
      record = json.readValue(rs.getString("record_json"), ResultDocument.class);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("draft " + rs.getString("document_number") + ": unreadable record", e);
    }
    return new DocumentDraft(record.at(KAZAKHSTAN), rs.getBytes("pdf"), rs.getString("pdf_sha256"),
        rs.getString("signatory"), rs.getString("prepared_by"),
        rs.getObject("prepared_at", java.time.OffsetDateTime.class).withOffsetSameInstant(KAZAKHSTAN));
  }

  private String write(ResultDocument record) {
    try {
      return json.writeValueAsString(record);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("document " + record.number() + " cannot be written as JSON", e);
    }
  }

  private StoredDocument read(ResultSet rs, int rowNumber) throws SQLException {
    ResultDocument record;
    try {
      record = json.readValue(rs.getString("record_json"), ResultDocument.class);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("document " + rs.getString("document_number") + ": unreadable record", e);
    }
    // Jackson reads times in UTC; the documents speak Kazakhstan time
    ResultDocument inKazakhstan = record.at(KAZAKHSTAN);
    return new StoredDocument(inKazakhstan, rs.getBytes("pdf"), rs.getBytes("signature"), rs.getString("pdf_sha256"));
  }
}
