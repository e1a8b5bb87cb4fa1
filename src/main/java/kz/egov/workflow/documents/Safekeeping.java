package kz.egov.workflow.documents;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * Results kept because the applicant did not collect them by the deadline (R4 item 17.4: "safekeeping of documents
 * the applicant did not collect in time"), table {@code result_safekeeping} (V61). The hand-over task stays open;
 * the clerk finds what is kept here and hands it over when the applicant comes.
 */
@Service
public class Safekeeping {

  private final JdbcTemplate jdbc;

  public Safekeeping(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** A result in safekeeping: whose, since when, and the task's group that hands it over. */
  public record Kept(String applicationId, String applicationNumber, String provider, String handOverGroup,
      String applicantName, String resultKind, String documentNumber, OffsetDateTime collectBy, OffsetDateTime since,
      String processInstanceId) {}

  /** Records the result as kept; a repeat for the same application (a retried job) keeps the first record. */
  public void keep(Kept kept) {
    Long recorded = jdbc.queryForObject("SELECT COUNT(*) FROM result_safekeeping WHERE application_id = ?",
        Long.class, kept.applicationId());
    if (recorded != null && recorded > 0) {
      return;
    }
    jdbc.update("INSERT INTO result_safekeeping (application_id, application_number, provider, hand_over_group,"
            + " applicant_name, result_kind, document_number, collect_by, since, process_instance_id)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", kept.applicationId(), kept.applicationNumber(),
        kept.provider(), kept.handOverGroup(), kept.applicantName(), kept.resultKind(), kept.documentNumber(),
        kept.collectBy(), kept.since(), kept.processInstanceId());
  }

  /** The applicant collected it: it leaves the list. */
  public void handedOver(String applicationId, OffsetDateTime at) {
    jdbc.update("UPDATE result_safekeeping SET handed_over_at = ? WHERE application_id = ? AND handed_over_at IS NULL",
        at, applicationId);
  }

  /** What the provider keeps now, oldest first. */
  public List<Kept> keptBy(String provider) {
    return jdbc.query("SELECT * FROM result_safekeeping WHERE provider = ? AND handed_over_at IS NULL"
        + " ORDER BY since, application_id", this::read, provider);
  }

  private Kept read(ResultSet rs, int row) throws SQLException {
    return new Kept(rs.getString("application_id"), rs.getString("application_number"), rs.getString("provider"),
        rs.getString("hand_over_group"), rs.getString("applicant_name"), rs.getString("result_kind"),
        rs.getString("document_number"), time(rs, "collect_by"), time(rs, "since"),
        rs.getString("process_instance_id"));
  }

  private static OffsetDateTime time(ResultSet rs, String column) throws SQLException {
    OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
    return value == null ? null : value.withOffsetSameInstant(DocumentStore.KAZAKHSTAN);
  }
}
