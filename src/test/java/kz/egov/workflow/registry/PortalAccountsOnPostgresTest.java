package kz.egov.workflow.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;

/** The portal accounts' migration (V70) and SQL on a real PostgreSQL: import, time zone, block and unblock. */
class PortalAccountsOnPostgresTest {

  static EmbeddedPostgres postgres;
  static JdbcTemplate jdbc;

  @BeforeAll
  static void start() throws Exception {
    postgres = EmbeddedPostgres.builder().start();
    DataSource dataSource = postgres.getPostgresDatabase();
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
  void accountsAreImportedReadBlockedAndUnblocked() {
    RegistryStore store = new RegistryStore(jdbc);
    PortalAccountStore accounts = new PortalAccountStore(store, jdbc);
    assertThat(store.importCsv(RegistryKind.PORTAL_ACCOUNT, """
        login,displayName,actsForBin,registeredAt,status,blockedReason
        781122301233,Жумабаев Нурлан Касымович,040540000123,2023-09-18T10:42:00+05:00,ACTIVE,
        010203500345,Оспанов Арман,,2018-12-10,BLOCKED,ЭЦП отозвана
        """)).isEqualTo(2);

    PortalAccount head = new EmbeddedPortalAccounts(store).findAccount("781122301233").orElseThrow();
    assertThat(head.registeredAt()).isEqualTo(OffsetDateTime.of(2023, 9, 18, 10, 42, 0, 0, ZoneOffset.ofHours(5)));
    assertThat(head.actsForBin()).isEqualTo("040540000123");
    assertThat(store.list(RegistryKind.PORTAL_ACCOUNT, 0, 1).items()).extracting(PortalAccount::login)
        .containsExactly("010203500345");

    assertThat(accounts.block("781122301233", "Сертификат отозван").status()).isEqualTo(PortalAccountStatus.BLOCKED);
    assertThat(store.find(RegistryKind.PORTAL_ACCOUNT, "781122301233").orElseThrow().blockedReason())
        .isEqualTo("Сертификат отозван");
    accounts.unblock("010203500345");
    assertThat(store.find(RegistryKind.PORTAL_ACCOUNT, "010203500345").orElseThrow().active()).isTrue();
  }

  @Test
  void theTableRefusesABlockedAccountWithoutAReason() {
    assertThatThrownBy(() -> jdbc.update("INSERT INTO portal_account (login, display_name, registered_at, status)"
        + " VALUES ('850315300128', 'Серікбаев Ерлан', CURRENT_TIMESTAMP, 'BLOCKED')"))
        .isInstanceOf(DataIntegrityViolationException.class);
  }
}
