package kz.egov.workflow.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.time.Duration;
import java.time.LocalDate;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The transfers table on the production database: the calendar's migration runs on a real PostgreSQL
 * server and a transfer is written, read back into the calendar and removed. (H2 is covered by the
 * Spring tests.)
 */
class DaysOffRegisterPostgresTest {

  static EmbeddedPostgres server;
  static DaysOffRegister register;

  @BeforeAll
  static void migrate() throws Exception {
    server = EmbeddedPostgres.start();
    Flyway.configure().dataSource(server.getPostgresDatabase()).locations("classpath:db/migration")
        .baselineOnMigrate(true).baselineVersion("0").load().migrate();
    register = new DaysOffRegister(new CalendarProperties(null, null, null, null, Duration.ofMinutes(5)),
        new DefaultResourceLoader(), new JdbcTemplate(server.getPostgresDatabase()));
  }

  @AfterAll
  static void stop() throws Exception {
    server.close();
  }

  @Test
  void aTransferIsStoredReadAndRemoved() {
    LocalDate saturday = LocalDate.parse("2031-09-06");
    LocalDate friday = LocalDate.parse("2031-09-05");
    RecordedTransfer recorded = register.add(new DayOffTransfer(saturday, friday, "Test decree No. 7"), "admin");

    assertThat(recorded.id()).isNotNull();
    assertThat(recorded.source()).isEqualTo("database");
    assertThat(recorded.recordedBy()).isEqualTo("admin");
    assertThat(recorded.recordedAt()).isNotNull();
    assertThat(register.calendar().day(friday).kind()).isEqualTo(DayKind.TRANSFERRED_DAY_OFF);
    assertThat(register.calendar().isWorkingDay(saturday)).isTrue();
    assertThat(register.transfers()).extracting(RecordedTransfer::source).contains("file", "database");

    assertThatThrownBy(() -> register.add(new DayOffTransfer(LocalDate.parse("2031-09-13"), friday, "again"), "admin"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("2031-09-05");

    assertThat(register.remove(recorded.id())).contains(recorded);
    assertThat(register.calendar().isWorkingDay(friday)).isTrue();
    assertThat(register.remove(recorded.id())).isEmpty();
  }
}
