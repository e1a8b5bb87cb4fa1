package kz.egov.workflow.notification;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The default SMS gateway: no message leaves the application. Each one is stored in {@code sms_message} (V80)
 * and logged, so that a demo user or a test reads the one-time password there
 * ({@code GET /api/v1/notifications/sms?phone=…} for administrators).
 */
public class EmbeddedSmsGateway implements SmsGateway {

  private static final Logger log = LoggerFactory.getLogger(EmbeddedSmsGateway.class);

  private final JdbcTemplate jdbc;

  public EmbeddedSmsGateway(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** A message as the embedded gateway kept it. */
  public record SentMessage(String id, String phone, String body, String purpose, OffsetDateTime sentAt) {}

  @Override
  public void send(TextMessage message) {
    String id = UUID.randomUUID().toString();
    jdbc.update("INSERT INTO sms_message (id, phone, body, purpose, sent_at) VALUES (?, ?, ?, ?, ?)", id,
        message.phone(), message.body(), message.purpose(), OffsetDateTime.now(ZoneOffset.ofHours(5)));
    log.info("SMS (embedded gateway, not sent) to {}: {}", message.phone(), message.body());
  }

  /** The messages to {@code phone}, newest first. */
  public List<SentMessage> sentTo(String phone, int limit) {
    return jdbc.query("SELECT * FROM sms_message WHERE phone = ? ORDER BY sent_at DESC, id LIMIT ?",
        (rs, row) -> new SentMessage(rs.getString("id"), rs.getString("phone"), rs.getString("body"),
            rs.getString("purpose"), rs.getObject("sent_at", OffsetDateTime.class)
            .withOffsetSameInstant(ZoneOffset.ofHours(5))), phone, limit);
  }
}
