package kz.egov.workflow.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class IinTest {

  @Test
  void decodesBirthDateCenturyAndSex() {
    Iin iin = Iin.parse("900101300126");
    assertThat(iin.birthDate()).contains(LocalDate.of(1990, 1, 1));
    assertThat(iin.sex()).contains(Iin.Sex.MALE);
    assertThat(iin.century()).contains(1900);

    Iin woman = Iin.parse(" 850315400015 ");
    assertThat(woman.value()).isEqualTo("850315400015");
    assertThat(woman.birthDate()).contains(LocalDate.of(1985, 3, 15));
    assertThat(woman.sex()).contains(Iin.Sex.FEMALE);
  }

  @Test
  void wrongCheckDigitIsNamed() {
    assertThatThrownBy(() -> Iin.parse("900101300123"))
        .isInstanceOf(InvalidIdentifierException.class)
        .hasMessage("IIN 900101300123: check digit is 3, expected 6");
    assertThat(Iin.isValid("900101300123")).isFalse();
  }

  @Test
  void shapeDateAndCenturyAreChecked() {
    assertThatThrownBy(() -> Iin.parse("90010130012")).hasMessageContaining("exactly 12 digits");
    assertThatThrownBy(() -> Iin.parse("9001013001a6")).hasMessageContaining("exactly 12 digits");
    assertThatThrownBy(() -> Iin.parse(null)).hasMessage("IIN is empty");
    // 1990-02-30 does not exist (check digit 8)
    assertThatThrownBy(() -> Iin.parse("900230300128")).hasMessageContaining("900230 is not a birth date");
    // century digit 7 is not defined (check digit 1)
    assertThatThrownBy(() -> Iin.parse("900101700121")).hasMessageContaining("digit 7 is 7");
  }

  @Test
  void secondWeightsAreUsedWhenTheFirstGiveTen() {
    // 123456789011: first weights give 10, second give 3 -> the NCA test IIN (ends in 1) is invalid
    assertThatThrownBy(() -> Iin.parse("123456789013")).isInstanceOf(InvalidIdentifierException.class)
        .hasMessageContaining("digit 7 is 7"); // the check digit passes, the century digit does not
    assertThat(CheckDigit.of("123456789011")).isEqualTo(3);
  }

  @Test
  void ncaTestNumberOnlyInTestPkiMode() {
    assertThatThrownBy(() -> Iin.parse("123456789011")).hasMessageContaining("only in test-PKI mode");
    Iin test = Iin.parse("123456789011", true);
    assertThat(test.isNcaTestNumber()).isTrue();
    assertThat(test.birthDate()).isEmpty();
    // test-PKI mode does not relax anything else
    assertThatThrownBy(() -> Iin.parse("900101300123", true)).hasMessageContaining("check digit is 3, expected 6");
  }

  @Test
  void constructorValidatesToo() {
    assertThatThrownBy(() -> new Iin("900101300123")).isInstanceOf(InvalidIdentifierException.class);
    assertThat(new Iin("900101300126")).isEqualTo(Iin.parse("900101300126"));
  }
}
