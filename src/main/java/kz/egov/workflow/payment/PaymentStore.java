package kz.egov.workflow.payment;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

/** Payment notifications as received, keyed by the gateway's payment id. */
@Component
public class PaymentStore {

  private static final RowMapper<Payment> ROW = (rs, i) -> new Payment(rs.getString("payment_id"),
      rs.getString("payer_id"), rs.getBigDecimal("amount_kzt").setScale(2), rs.getString("service"),
      rs.getString("application_reference"), inKazakhstan(rs.getObject("paid_at", OffsetDateTime.class)),
      inKazakhstan(rs.getObject("received_at", OffsetDateTime.class)));

  private final JdbcTemplate jdbc;

  public PaymentStore(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** PostgreSQL answers timestamps in the session's zone, H2 in the stored offset: both in UTC+5 here. */
  private static OffsetDateTime inKazakhstan(OffsetDateTime time) {
    return time == null ? null : time.withOffsetSameInstant(PaymentCheck.KAZAKHSTAN);
  }

  public Optional<Payment> find(String paymentId) {
    return jdbc.query("SELECT * FROM payment WHERE payment_id = ?", ROW, paymentId).stream().findFirst();
  }

  public List<Payment> forApplication(String applicationReference) {
    return jdbc.query("SELECT * FROM payment WHERE application_reference = ? ORDER BY paid_at, payment_id", ROW,
        applicationReference);
  }

  public long count() {
    Long count = jdbc.queryForObject("SELECT COUNT(*) FROM payment", Long.class);
    return count == null ? 0 : count;
  }

  /** @throws org.springframework.dao.DuplicateKeyException when the payment id is taken */
  void insert(Payment payment) {
    jdbc.update("INSERT INTO payment (payment_id, payer_id, amount_kzt, service, application_reference, paid_at,"
            + " received_at) VALUES (?, ?, ?, ?, ?, ?, ?)", payment.paymentId(), payment.payerId(),
        payment.amountKzt(), payment.service(), payment.applicationReference(), payment.paidAt(),
        payment.receivedAt());
  }
}
