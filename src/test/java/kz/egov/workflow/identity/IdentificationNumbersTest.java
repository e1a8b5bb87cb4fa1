package kz.egov.workflow.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class IdentificationNumbersTest {

  @Test
  void acceptsCorrectCheckDigitsWithTheFirstWeights() {
    assertThat(IdentificationNumbers.hasValidCheckDigit("850315300128")).isTrue();
    assertThat(IdentificationNumbers.hasValidCheckDigit("040540000123")).isTrue();
    assertThat(IdentificationNumbers.hasValidCheckDigit("850315300127")).isFalse();
  }

  @Test
  void usesTheSecondWeightsWhenTheFirstGiveTen() {
    // 8503153018 0: weights 1..11 give 10, weights 3..11,1,2 give 1
    assertThat(IdentificationNumbers.hasValidCheckDigit("850315301801")).isTrue();
    assertThat(IdentificationNumbers.hasValidCheckDigit("850315301800")).isFalse();
  }

  @Test
  void rejectsNumbersWhoseCheckDigitCannotExist() {
    // 85031530260: both weightings give 10, so no twelfth digit makes it valid
    for (int digit = 0; digit <= 9; digit++) {
      assertThat(IdentificationNumbers.hasValidCheckDigit("85031530260" + digit)).isFalse();
    }
  }

  @Test
  void rejectsTheTestPkisNumbersAndMalformedInput() {
    assertThat(IdentificationNumbers.hasValidCheckDigit("123456789011")).isFalse();
    assertThat(IdentificationNumbers.hasValidCheckDigit("12345678901")).isFalse();
    assertThat(IdentificationNumbers.hasValidCheckDigit("85031530012a")).isFalse();
    assertThat(IdentificationNumbers.hasValidCheckDigit(null)).isFalse();
  }

  @Test
  void tellsIinFromBinAndReadsTheBirthDate() {
    assertThat(IdentificationNumbers.looksLikeBin("040540000123")).isTrue();
    assertThat(IdentificationNumbers.looksLikeBin("850315300128")).isFalse();
    assertThat(IdentificationNumbers.iinProblem("850315300128")).isEmpty();
    assertThat(IdentificationNumbers.iinProblem("040540000123")).get().asString().contains("is a BIN");
    assertThat(IdentificationNumbers.binProblem("850315300128")).get().asString().contains("not a BIN");
    assertThat(IdentificationNumbers.binProblem("040540000123")).isEmpty();
    assertThat(IdentificationNumbers.birthDate("850315300128")).contains(LocalDate.of(1985, 3, 15));
    assertThat(IdentificationNumbers.birthDate("010203500345")).contains(LocalDate.of(2001, 2, 3));
    assertThat(IdentificationNumbers.iinOrBinProblem("850315300127")).get().asString().contains("check digit");
  }
}
