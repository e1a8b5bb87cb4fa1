package kz.egov.workflow.licensing;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sequential numbers per series and year, safe under concurrency on H2 and PostgreSQL: one counter row per
 * series and year, incremented with {@code UPDATE ... SET next_value = next_value + 1}, whose row lock makes
 * concurrent callers wait until the first one's transaction ends. A number taken in a transaction that
 * rolls back is given again (no gaps from failed registrations).
 */
public class ApplicationNumbers {

  private final JdbcTemplate jdbc;
  private final TransactionTemplate newTransaction;
  private final TransactionTemplate transaction;

  public ApplicationNumbers(JdbcTemplate jdbc, PlatformTransactionManager transactions) {
    this.jdbc = jdbc;
    this.newTransaction = new TransactionTemplate(transactions);
    this.newTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    this.transaction = new TransactionTemplate(transactions);
  }

  /** The next number of {@code series} in {@code year}, starting at 1; joins the caller's transaction. */
  public long next(String series, int year) {
    Long next = transaction.execute(status -> {
      if (increment(series, year) == 0) {
        createCounter(series, year);
        if (increment(series, year) == 0) {
          throw new IllegalStateException("counter " + series + "/" + year + " vanished");
        }
      }
      return jdbc.queryForObject("SELECT next_value - 1 FROM licensing_counter WHERE series = ? AND counter_year = ?",
          Long.class, series, year);
    });
    return next == null ? 0 : next;
  }

  private int increment(String series, int year) {
    return jdbc.update("UPDATE licensing_counter SET next_value = next_value + 1 WHERE series = ? AND counter_year = ?",
        series, year);
  }

  /**
   * The first number of a year: the counter row is created in its own transaction, because on PostgreSQL a
   * failed INSERT (another caller was first) would spoil the caller's transaction.
   */
  private void createCounter(String series, int year) {
    try {
      newTransaction.executeWithoutResult(status -> jdbc.update(
          "INSERT INTO licensing_counter (series, counter_year, next_value) VALUES (?, ?, 1)", series, year));
    } catch (DuplicateKeyException e) {
      // another caller created it first: fine, increment theirs
    }
  }
}
