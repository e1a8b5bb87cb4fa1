package kz.egov.workflow.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.YearMonth;
import org.junit.jupiter.api.Test;

class BinTest {

  @Test
  void decodesRegistrationTypeAndOffice() {
    Bin bin = Bin.parse("150540000017");
    assertThat(bin.registered()).contains(YearMonth.of(2015, 5));
    assertThat(bin.entityType()).contains(Bin.EntityType.RESIDENT_LEGAL_ENTITY);
    assertThat(bin.officeKind()).contains(Bin.OfficeKind.HEAD_OFFICE);

    Bin branch = Bin.parse("101240003331");
    assertThat(branch.registered()).contains(YearMonth.of(2010, 12));
    assertThat(branch.officeKind()).contains(Bin.OfficeKind.HEAD_OFFICE);
  }

  @Test
  void problemsAreNamed() {
    assertThatThrownBy(() -> Bin.parse("150540000010")).hasMessage("BIN 150540000010: check digit is 0, expected 7");
    assertThatThrownBy(() -> Bin.parse("1505400000")).hasMessageContaining("exactly 12 digits");
    assertThatThrownBy(() -> Bin.parse("151340000012")).hasMessageContaining("registration month 13");
  }

  @Test
  void ncaTestNumberOnlyInTestPkiMode() {
    assertThatThrownBy(() -> Bin.parse("123456789021")).hasMessageContaining("only in test-PKI mode");
    assertThat(Bin.parse("123456789021", true).isNcaTestNumber()).isTrue();
  }
}
