package kz.egov.workflow.identity;

import java.time.LocalDate;
import java.util.Optional;

/**
 * IIN and BIN as text arrives in requests, CSV imports and registry records: what is wrong with it in
 * words a clerk can act on, or nothing. The rules are {@link Iin}'s and {@link Bin}'s.
 */
public final class IdentificationNumbers {

  private IdentificationNumbers() {}

  /** 12 digits with a correct check digit (IIN or BIN alike). */
  public static boolean hasValidCheckDigit(String number) {
    try {
      CheckDigit.verify("number", number);
      return true;
    } catch (InvalidIdentifierException e) {
      return false;
    }
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
    if (number == null || number.isBlank()) {
      return Optional.of("IIN is required");
    }
    if (looksLikeBin(number) && hasValidCheckDigit(number)) {
      return Optional.of("'" + number + "' is a BIN, not an IIN");
    }
    try {
      Iin.parse(number);
      return Optional.empty();
    } catch (InvalidIdentifierException e) {
      return Optional.of(e.getMessage());
    }
  }

  /** Why {@code number} is not a BIN, or empty when it is one. */
  public static Optional<String> binProblem(String number) {
    if (number == null || number.isBlank()) {
      return Optional.of("BIN is required");
    }
    if (number.matches("\\d{12}") && !looksLikeBin(number)) {
      return Optional.of("'" + number + "' is not a BIN (5th digit must be 4, 5 or 6)");
    }
    try {
      Bin.parse(number);
      return Optional.empty();
    } catch (InvalidIdentifierException e) {
      return Optional.of(e.getMessage());
    }
  }

  /** Why {@code number} is neither an IIN nor a BIN, or empty when it is one of them. */
  public static Optional<String> iinOrBinProblem(String number) {
    return looksLikeBin(number) ? binProblem(number) : iinProblem(number);
  }

  /** The birth date a valid IIN encodes. */
  public static Optional<LocalDate> birthDate(String iin) {
    try {
      return Iin.parse(iin).birthDate();
    } catch (InvalidIdentifierException e) {
      return Optional.empty();
    }
  }
}
