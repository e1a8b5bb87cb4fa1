package kz.egov.workflow.identity;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;

/**
 * Individual identification number (ЖСН / ИИН): YYMMDD birth date, a digit for century and sex
 * (1/2 1800s, 3/4 1900s, 5/6 2000s; odd male), a 4-digit serial and the check digit.
 *
 * <p>The National Certification Authority's test certificates carry {@link #NCA_TEST_NUMBERS}, which
 * fail the check digit; {@link #parse(String, boolean)} accepts them only in test-PKI mode, and then
 * they encode nothing ({@link #birthDate()} is empty).
 */
public record Iin(String value) {

  /** IINs of the NCA's test certificates (not valid numbers). */
  public static final Set<String> NCA_TEST_NUMBERS = Set.of("123456789011");

  public enum Sex { MALE, FEMALE }

  /** Validates like {@link #parse(String)}, except that the NCA's test numbers pass (see {@link #parse(String, boolean)}). */
  public Iin {
    if (value == null || !NCA_TEST_NUMBERS.contains(value)) {
      validate(value);
    }
  }

  /** A real IIN: 12 digits, a valid check digit, a birth date that exists and a known century digit. */
  public static Iin parse(String text) {
    return parse(text, false);
  }

  /** As {@link #parse(String)}; with {@code testPki} the NCA's test numbers are accepted as they are. */
  public static Iin parse(String text, boolean testPki) {
    String digits = text == null ? null : text.strip();
    if (digits != null && NCA_TEST_NUMBERS.contains(digits)) {
      if (!testPki) {
        throw new InvalidIdentifierException("IIN " + digits
            + ": a test number of the NCA's test certificates, accepted only in test-PKI mode");
      }
      return new Iin(digits);
    }
    return new Iin(validate(digits));
  }

  private static String validate(String text) {
    String digits = CheckDigit.verify("IIN", text);
    int centuryDigit = digits.charAt(6) - '0';
    if (centuryDigit < 1 || centuryDigit > 6) {
      throw new InvalidIdentifierException("IIN " + digits + ": digit 7 is " + centuryDigit
          + ", expected 1-6 (century and sex)");
    }
    try {
      decodeBirthDate(digits);
    } catch (DateTimeException e) {
      throw new InvalidIdentifierException("IIN " + digits + ": " + digits.substring(0, 6)
          + " is not a birth date (YYMMDD)");
    }
    return digits;
  }

  /** Whether {@code text} is a valid IIN (strict, no test numbers). */
  public static boolean isValid(String text) {
    try {
      parse(text);
      return true;
    } catch (InvalidIdentifierException e) {
      return false;
    }
  }

  public boolean isNcaTestNumber() {
    return NCA_TEST_NUMBERS.contains(value);
  }

  public Optional<LocalDate> birthDate() {
    return isNcaTestNumber() ? Optional.empty() : Optional.of(decodeBirthDate(value));
  }

  public Optional<Sex> sex() {
    return isNcaTestNumber() ? Optional.empty()
        : Optional.of((value.charAt(6) - '0') % 2 == 1 ? Sex.MALE : Sex.FEMALE);
  }

  /** The century of birth (1800, 1900 or 2000). */
  public Optional<Integer> century() {
    return isNcaTestNumber() ? Optional.empty() : Optional.of(centuryOf(value.charAt(6) - '0'));
  }

  private static int centuryOf(int digit) {
    return 1800 + 100 * ((digit - 1) / 2);
  }

  private static LocalDate decodeBirthDate(String digits) {
    int year = centuryOf(digits.charAt(6) - '0') + Integer.parseInt(digits.substring(0, 2));
    return LocalDate.of(year, Integer.parseInt(digits.substring(2, 4)), Integer.parseInt(digits.substring(4, 6)));
  }

  @Override
  public String toString() {
    return value;
  }
}
