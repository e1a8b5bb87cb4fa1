package kz.egov.workflow.licensing;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import kz.egov.workflow.application.InvalidRequestException;
import kz.egov.workflow.payment.RequestKind;
import kz.egov.workflow.registry.RecordConflictException;
import kz.egov.workflow.registry.RecordNotFoundException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The e-licensing register in this application's database. Application numbers read
 * {@code KZ-<PROVIDER>-<year>-<6 digits>}, licence numbers {@code KZ-<PROVIDER>-LIC-<year>-<6 digits>},
 * each sequential per provider and year (Kazakhstan time).
 */
public class EmbeddedLicensingRegister implements LicensingRegister {

  static final ZoneOffset KAZAKHSTAN = ZoneOffset.ofHours(5);

  private static final RowMapper<RegisteredApplication> APPLICATION = (rs, i) -> new RegisteredApplication(
      rs.getString("application_number"), rs.getString("provider"), rs.getString("applicant_id"),
      rs.getString("service"), rs.getString("request_kind"), rs.getString("reference"),
      rs.getObject("registered_at", OffsetDateTime.class));

  private static final RowMapper<Licence> LICENCE = (rs, i) -> new Licence(rs.getString("licence_number"),
      rs.getString("holder_id"), rs.getString("holder_name"), rs.getString("activity"), rs.getString("provider"),
      LicenceStatus.valueOf(rs.getString("status")), rs.getObject("issued_on", LocalDate.class),
      rs.getObject("status_changed_on", LocalDate.class), rs.getInt("version_number"),
      rs.getString("previous_number"), rs.getString("application_number"));

  private final JdbcTemplate jdbc;
  private final ApplicationNumbers numbers;
  private final TransactionTemplate transaction;
  private final Clock clock;

  public EmbeddedLicensingRegister(JdbcTemplate jdbc, PlatformTransactionManager transactions, Clock clock) {
    this.jdbc = jdbc;
    this.numbers = new ApplicationNumbers(jdbc, transactions);
    this.transaction = new TransactionTemplate(transactions);
    this.clock = clock;
  }

  public EmbeddedLicensingRegister(JdbcTemplate jdbc, PlatformTransactionManager transactions) {
    this(jdbc, transactions, Clock.system(KAZAKHSTAN));
  }

  @Override
  public RegisteredApplication register(ApplicationRegistration registration) {
    List<String> problems = registration.problems();
    if (!problems.isEmpty()) {
      throw new InvalidRequestException(problems);
    }
    return transaction.execute(status -> {
      Optional<RegisteredApplication> existing = byReference(registration.reference());
      if (existing.isPresent()) {
        return existing.get();
      }
      OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(KAZAKHSTAN).truncatedTo(ChronoUnit.MILLIS);
      int year = now.getYear();
      long sequence = numbers.next(registration.provider().toUpperCase(), year);
      String number = String.format("KZ-%s-%d-%06d", registration.provider().toUpperCase(), year, sequence);
      String kind = RequestKind.ofCode(registration.requestKind()).orElseThrow().code();
      jdbc.update("INSERT INTO licensing_application (application_number, provider, registered_year, sequence_number,"
              + " reference, applicant_id, service, request_kind, registered_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
          number, registration.provider(), year, sequence, registration.reference(), registration.applicantId(),
          registration.service(), kind, now);
      return new RegisteredApplication(number, registration.provider(), registration.applicantId(),
          registration.service(), kind, registration.reference(), now);
    });
  }

  @Override
  public Optional<RegisteredApplication> application(String applicationNumber) {
    return jdbc.query("SELECT * FROM licensing_application WHERE application_number = ?", APPLICATION,
        applicationNumber).stream().findFirst();
  }

  private Optional<RegisteredApplication> byReference(String reference) {
    return jdbc.query("SELECT * FROM licensing_application WHERE reference = ?", APPLICATION, reference).stream()
        .findFirst();
  }

  @Override
  public Optional<Licence> licence(String number) {
    return jdbc.query("SELECT * FROM licensing_licence WHERE licence_number = ?", LICENCE, number).stream()
        .findFirst();
  }

  @Override
  public List<Licence> licencesOf(String holderId) {
    return jdbc.query("SELECT * FROM licensing_licence WHERE holder_id = ? ORDER BY issued_on DESC, licence_number DESC",
        LICENCE, holderId);
  }

  public long count() {
    Long count = jdbc.queryForObject("SELECT COUNT(*) FROM licensing_licence", Long.class);
    return count == null ? 0 : count;
  }

  @Override
  public Licence issue(LicenceIssue issue) {
    List<String> problems = issue.problems();
    if (!problems.isEmpty()) {
      throw new InvalidRequestException(problems);
    }
    return transaction.execute(status -> {
      int version = 1;
      if (issue.previousNumber() != null && !issue.previousNumber().isBlank()) {
        Licence previous = licence(issue.previousNumber()).orElseThrow(() -> new InvalidRequestException(
            "previousNumber: no licence " + issue.previousNumber() + " to re-issue"));
        if (jdbc.update("UPDATE licensing_licence SET status = 'REISSUED', status_changed_on = ?"
            + " WHERE licence_number = ? AND status = 'ACTIVE'", issue.issuedOn(), previous.number()) == 0) {
          throw new RecordConflictException("Licence " + previous.number() + " is " + previous.status()
              + ", only an active licence can be re-issued");
        }
        version = previous.version() + 1;
      }
      String series = issue.provider().toUpperCase() + "-LIC";
      int year = issue.issuedOn().getYear();
      String number = String.format("KZ-%s-%d-%06d", series, year, numbers.next(series, year));
      try {
        jdbc.update("INSERT INTO licensing_licence (licence_number, holder_id, holder_name, activity, provider, status,"
                + " issued_on, status_changed_on, version_number, previous_number, application_number)"
                + " VALUES (?, ?, ?, ?, ?, 'ACTIVE', ?, NULL, ?, ?, ?)", number, issue.holderId(), issue.holderName(),
            issue.activity(), issue.provider(), issue.issuedOn(), version, blankToNull(issue.previousNumber()),
            blankToNull(issue.applicationNumber()));
      } catch (DuplicateKeyException e) {
        throw new RecordConflictException("Licence number " + number + " is taken: was a licence entered by hand?");
      }
      return licence(number).orElseThrow();
    });
  }

  @Override
  public Licence revoke(String number, LocalDate on) {
    return transaction.execute(status -> {
      Licence licence = licence(number).orElseThrow(() -> new RecordNotFoundException("No licence " + number));
      if (jdbc.update("UPDATE licensing_licence SET status = 'REVOKED', status_changed_on = ?"
          + " WHERE licence_number = ? AND status = 'ACTIVE'", on, number) == 0) {
        throw new RecordConflictException("Licence " + number + " is " + licence.status()
            + ", only an active licence can be revoked");
      }
      return licence(number).orElseThrow();
    });
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value;
  }
}
