package kz.egov.workflow.registry;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;
import kz.egov.workflow.licensing.ConcurrentRegistrations;
import kz.egov.workflow.licensing.EmbeddedLicensingRegister;
import kz.egov.workflow.licensing.RegisteredApplication;
import kz.egov.workflow.payment.Payment;
import kz.egov.workflow.payment.PaymentStore;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

/**
 * The state systems' migration and SQL on a real PostgreSQL (embedded binaries, no Docker): application
 * numbers under concurrency, CSV import and paging, payments with their time zone.
 */
class StateSystemsOnPostgresTest {

  static EmbeddedPostgres postgres;
  static DataSource dataSource;
  static JdbcTemplate jdbc;

  @BeforeAll
  static void start() throws Exception {
    postgres = EmbeddedPostgres.builder().start();
    dataSource = postgres.getPostgresDatabase();
    Flyway.configure().dataSource(dataSource).baselineOnMigrate(true).baselineVersion("0").load().migrate();
    jdbc = new JdbcTemplate(dataSource);
  }

  @AfterAll
  static void stop() throws Exception {
    if (postgres != null) {
      postgres.close();
    }
  }

  @Test
  void applicationNumbersAreUniqueAndGaplessUnderConcurrency() throws Exception {
    EmbeddedLicensingRegister register = new EmbeddedLicensingRegister(jdbc, new DataSourceTransactionManager(dataSource));

    List<RegisteredApplication> registered = ConcurrentRegistrations.run(register, "pg", 6, 20);

    Set<String> numbers = new HashSet<>();
    registered.forEach(a -> numbers.add(a.applicationNumber()));
    assertThat(numbers).hasSize(120);
    assertThat(jdbc.queryForObject("SELECT MAX(sequence_number) FROM licensing_application WHERE provider = 'pg'",
        Long.class)).isEqualTo(120);
  }

  @Test
  void registryImportAndPagingWork() {
    RegistryStore store = new RegistryStore(jdbc);
    int imported = store.importCsv(RegistryKind.PERSON, """
        iin,surname,givenName,birthDate
        850315300128,Серікбаев,Ерлан,1985-03-15
        900710400568,Ахметова,Дана,1990-07-10
        """);
    assertThat(imported).isEqualTo(2);
    assertThat(store.list(RegistryKind.PERSON, 1, 1).items()).hasSize(1);
  }

  @Test
  void paymentsKeepTheirAmountAndInstant() {
    PaymentStore store = new PaymentStore(jdbc);
    OffsetDateTime paidAt = OffsetDateTime.of(2026, 3, 2, 10, 15, 0, 0, ZoneOffset.ofHours(5));
    jdbc.update("INSERT INTO payment VALUES ('PG-1', '040540000123', 43250.00, 'scrap-metal-license', 'APP-PG',"
        + " ?, ?)", paidAt, paidAt);
    Payment payment = store.find("PG-1").orElseThrow();
    assertThat(payment.amountKzt()).isEqualTo(new BigDecimal("43250.00"));
    assertThat(payment.paidAt()).isEqualTo(paidAt);
  }
}
