package kz.egov.workflow.application;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

/** The {@code application} and {@code application_attachment} tables (Flyway V50). */
@Component
public class ApplicationStore {

  /** A stored application: who submitted it under which key, its request's hash and the first answer. */
  public record StoredApplication(String id, String service, String channel, String requestKind, String applicantId,
      String applicantName, String submittedBy, String idempotencyKey, String requestSha256,
      String processInstanceId, String response, OffsetDateTime createdAt) {}

  /** An attachment's description; the bytes are read one at a time ({@link #attachmentContent}). */
  public record AttachmentInfo(int position, String name, String contentType, long size, String sha256) {}

  private static final RowMapper<StoredApplication> ROW = (rs, i) -> new StoredApplication(rs.getString("id"),
      rs.getString("service"), rs.getString("channel"), rs.getString("request_kind"), rs.getString("applicant_id"),
      rs.getString("applicant_name"), rs.getString("submitted_by"), rs.getString("idempotency_key"),
      rs.getString("request_sha256"), rs.getString("process_instance_id"), rs.getString("response"),
      rs.getObject("created_at", OffsetDateTime.class));

  private static final String COLUMNS = "id, service, channel, request_kind, applicant_id, applicant_name,"
      + " submitted_by, idempotency_key, request_sha256, process_instance_id, response, created_at";

  private final JdbcTemplate jdbc;

  public ApplicationStore(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  public Optional<StoredApplication> find(String id) {
    return jdbc.query("SELECT " + COLUMNS + " FROM application WHERE id = ?", ROW, id).stream().findFirst();
  }

  public Optional<StoredApplication> findByKey(String submittedBy, String idempotencyKey) {
    return jdbc.query("SELECT " + COLUMNS + " FROM application WHERE submitted_by = ? AND idempotency_key = ?", ROW,
        submittedBy, idempotencyKey).stream().findFirst();
  }

  public long count() {
    Long count = jdbc.queryForObject("SELECT COUNT(*) FROM application", Long.class);
    return count == null ? 0 : count;
  }

  /** @throws org.springframework.dao.DuplicateKeyException when the id or the caller's key is taken */
  void insert(String id, SubmittedApplication application, String submittedBy, String idempotencyKey,
      String formData, OffsetDateTime createdAt) {
    jdbc.update("INSERT INTO application (id, service, channel, request_kind, applicant_id, applicant_name,"
            + " portal_login, submitted_by, idempotency_key, request_sha256, form_data, cms, created_at)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", id, application.service(), application.channel(),
        application.requestKind(), application.applicantId(), application.applicantName(), application.portalLogin(),
        submittedBy, idempotencyKey, application.requestSha256(), formData, application.cms(), createdAt);
    for (SubmittedApplication.Attachment attachment : application.attachments()) {
      jdbc.update("INSERT INTO application_attachment (application_id, position, name, content_type, size_bytes,"
              + " sha256, content) VALUES (?, ?, ?, ?, ?, ?, ?)", id, attachment.position(), attachment.name(),
          attachment.contentType(), (long) attachment.content().length, attachment.sha256(), attachment.content());
    }
  }

  void started(String id, String processInstanceId, String response) {
    jdbc.update("UPDATE application SET process_instance_id = ?, response = ? WHERE id = ?", processInstanceId,
        response, id);
  }

  public List<AttachmentInfo> attachments(String applicationId) {
    return jdbc.query("SELECT position, name, content_type, size_bytes, sha256 FROM application_attachment"
            + " WHERE application_id = ? ORDER BY position", (rs, i) -> new AttachmentInfo(rs.getInt("position"),
            rs.getString("name"), rs.getString("content_type"), rs.getLong("size_bytes"), rs.getString("sha256")),
        applicationId);
  }

  public Optional<byte[]> attachmentContent(String applicationId, int position) {
    return jdbc.query("SELECT content FROM application_attachment WHERE application_id = ? AND position = ?",
        (rs, i) -> rs.getBytes("content"), applicationId, position).stream().findFirst();
  }
}
