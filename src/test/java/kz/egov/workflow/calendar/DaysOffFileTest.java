package kz.egov.workflow.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.ClassPathResource;

/** The days-off file is read strictly: an administrator's typo is named, never half-used. */
class DaysOffFileTest {

  @Test
  void theShippedFileHoldsKurbanAitAndTheTransfers() {
    DaysOffFile.Content content = DaysOffFile.read(new ClassPathResource("calendar/kz-days-off.yaml"));
    assertThat(content.religiousDays()).extracting(ReligiousDayOff::date)
        .contains(LocalDate.parse("2026-05-27"), LocalDate.parse("2027-05-16"));
    assertThat(content.religiousDays()).allSatisfy(r -> assertThat(r.name()).isEqualTo("Kurban Ait (first day)"));
    assertThat(content.transfers()).contains(new DayOffTransfer(LocalDate.parse("2025-01-05"),
        LocalDate.parse("2025-01-03"), "Government decree on the transfer of days off in 2025 (Sun 5 Jan worked,"
        + " Fri 3 Jan off)"));
  }

  @Test
  void quotedDatesAndAnEmptyFileAreFine() {
    assertThat(read("transfers:\n  - worked-day: '2030-01-05'\n    day-off: \"2030-01-04\"\n    act: x\n")
        .transfers()).containsExactly(new DayOffTransfer(LocalDate.parse("2030-01-05"), LocalDate.parse("2030-01-04"),
        "x"));
    assertThat(read("# nothing yet\n").transfers()).isEmpty();
  }

  @Test
  void mistakesAreNamedWithTheirPlace() {
    assertThatThrownBy(() -> read("transfer:\n  - worked-day: 2030-01-05\n"))
        .hasMessageContaining("unknown key 'transfer'");
    assertThatThrownBy(() -> read("transfers:\n  - worked-day: 2030-13-05\n    day-off: 2030-01-04\n    act: x\n"))
        .hasMessageContaining("transfers[0].worked-day");
    assertThatThrownBy(() -> read("transfers:\n  - worked-day: 2030-01-05\n    day-off: 2030-01-04\n"))
        .hasMessageContaining("transfers[0].act");
    assertThatThrownBy(() -> read("religious-days-off:\n  - date: 2030-04-14\n    act: x\n    note: y\n"))
        .hasMessageContaining("religious-days-off[0]", "'note'");
    assertThatThrownBy(() -> read("transfers: [unclosed\n")).hasMessageContaining("not valid YAML");
  }

  private static DaysOffFile.Content read(String yaml) {
    return DaysOffFile.read(new ByteArrayResource(yaml.getBytes(StandardCharsets.UTF_8), "test file"));
  }
}
