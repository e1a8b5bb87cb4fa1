package kz.egov.workflow.identity;

/**
 * The check digit of an IIN or BIN (the 12th digit): the first 11 digits weighted 1..11 modulo 11; when
 * that gives 10, weighted 3..11,1,2 instead; when that gives 10 as well, no valid number has these 11 digits.
 */
final class CheckDigit {

  private static final int[] FIRST = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11};
  private static final int[] SECOND = {3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2};

  private CheckDigit() {}

  /** The expected 12th digit, or -1 when no check digit exists for these 11 digits. */
  static int of(String twelveDigits) {
    int check = weighted(twelveDigits, FIRST);
    if (check == 10) {
      check = weighted(twelveDigits, SECOND);
    }
    return check == 10 ? -1 : check;
  }

  private static int weighted(String digits, int[] weights) {
    int sum = 0;
    for (int i = 0; i < 11; i++) {
      sum += (digits.charAt(i) - '0') * weights[i];
    }
    return sum % 11;
  }

  /** Checks shape and check digit; returns the digits. {@code kind} is "IIN" or "BIN" for the message. */
  static String verify(String kind, String value) {
    if (value == null || value.isBlank()) {
      throw new InvalidIdentifierException(kind + " is empty");
    }
    String digits = value.strip();
    if (digits.length() != 12 || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
      throw new InvalidIdentifierException(kind + " " + digits + ": must be exactly 12 digits");
    }
    int expected = of(digits);
    int actual = digits.charAt(11) - '0';
    if (expected < 0) {
      throw new InvalidIdentifierException(kind + " " + digits + ": no check digit exists for the first 11 digits");
    }
    if (expected != actual) {
      throw new InvalidIdentifierException(kind + " " + digits + ": check digit is " + actual + ", expected " + expected);
    }
    return digits;
  }
}
