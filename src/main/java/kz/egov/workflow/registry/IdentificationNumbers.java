package kz.egov.workflow.registry;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Optional;

/**
 * IIN and BIN as the state systems know them: 12 digits, the last a check digit (weights 1..11 mod 11;
 * if that gives 10, weights 3..11,1,2; if still 10 the number cannot exist).
 *
 * <p>Temporary: {@code kz.egov.workflow.identity.Iin}/{@code Bin} (another branch) will replace this
 * class when the branches are merged.
 */
public final class IdentificationNumbers {

  private static final int[] FIRST_WEIGHTS = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11};
  private static final int[] SECOND_WEIGHTS = {3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2};

  private IdentificationNumbers() {}

  /** 12 digits with a correct check digit (IIN or BIN alike). */
  public static boolean hasValidCheckDigit(String number) {
    if (number == null || !number.matches("\\d{12}")) {
      return false;
    }
    int check = weightedSum(number, FIRST_WEIGHTS) % 11;
    if (check == 10) {
      check = weightedSum(number, SECOND_WEIGHTS) % 11;
      if (check == 10) {
        return false;
      }
    }
    return check == number.charAt(11) - '0';
  }

  /**
   * A BIN has the type of legal entity in its 5th digit (4 resident, 5 non-resident, 6 joint individual
   * entrepreneurship); in an IIN that digit is the tens of the birth day (0..3), so the two never clash.
   */
  public static boolean looksLikeBin(String number) {
    return number != null && number.length() == 12 && "456".indexOf(number.charAt(4)) >= 0;
  }

  /** Why {@code number} is not an IIN, or empty when it is one. */
  public static Optional<String> iinProblem(String number) {
    Optional<String> general = numberProblem(number, "IIN");
    if (general.isPresent()) {
      return general;
    }
    if (looksLikeBin(number)) {
      return Optional.of("'" + number + "' is a BIN, not an IIN");
    }
    if (birthDate(number).isEmpty()) {
      return Optional.of("'" + number + "' does not start with a birth date (YYMMDD) and century digit 1-6");
    }
    return Optional.empty();
  }

  /** Why {@code number} is not a BIN, or empty when it is one. */
  public static Optional<String> binProblem(String number) {
    Optional<String> general = numberProblem(number, "BIN");
    if (general.isPresent()) {
      return general;
    }
    if (!looksLikeBin(number)) {
      return Optional.of("'" + number + "' is not a BIN (5th digit must be 4, 5 or 6)");
    }
    int month = Integer.parseInt(number.substring(2, 4));
    if (month < 1 || month > 12) {
      return Optional.of("'" + number + "' does not start with a registration year and month (YYMM)");
    }
    return Optional.empty();
  }

  /** Why {@code number} is neither an IIN nor a BIN, or empty when it is one of them. */
  public static Optional<String> iinOrBinProblem(String number) {
    return looksLikeBin(number) ? binProblem(number) : iinProblem(number);
  }

  /** The birth date an IIN encodes: YYMMDD and the century in the 7th digit (1/2 1800s, 3/4 1900s, 5/6 2000s). */
  public static Optional<LocalDate> birthDate(String iin) {
    if (iin == null || !iin.matches("\\d{12}")) {
      return Optional.empty();
    }
    int centuryDigit = iin.charAt(6) - '0';
    if (centuryDigit < 1 || centuryDigit > 6) {
      return Optional.empty();
    }
    int century = 1800 + 100 * ((centuryDigit - 1) / 2);
    try {
      return Optional.of(LocalDate.of(century + Integer.parseInt(iin.substring(0, 2)),
          Integer.parseInt(iin.substring(2, 4)), Integer.parseInt(iin.substring(4, 6))));
    } catch (DateTimeException e) {
      return Optional.empty();
    }
  }

  private static Optional<String> numberProblem(String number, String kind) {
    if (number == null || number.isBlank()) {
      return Optional.of(kind + " is required");
    }
    if (!number.matches("\\d{12}")) {
      return Optional.of(kind + " must be 12 digits, got '" + number + "'");
    }
    if (!hasValidCheckDigit(number)) {
      return Optional.of(kind + " '" + number + "' has a wrong check digit");
    }
    return Optional.empty();
  }

  private static int weightedSum(String number, int[] weights) {
    int sum = 0;
    for (int i = 0; i < 11; i++) {
      sum += (number.charAt(i) - '0') * weights[i];
    }
    return sum;
  }
}
