package kz.egov.workflow.identity;

import java.time.YearMonth;
import java.util.Optional;
import java.util.Set;

/**
 * Business identification number (БСН / БИН): YYMM of registration, the entity type (4 resident legal
 * entity, 5 non-resident, 6 joint individual entrepreneurship), the office kind (0 head office, 1 branch,
 * 2 representative office, 3 farm), a 5-digit serial and the check digit.
 *
 * <p>The NCA's test certificates carry {@link #NCA_TEST_NUMBERS}; accepted only in test-PKI mode.
 */
public record Bin(String value) {

  public static final Set<String> NCA_TEST_NUMBERS = Set.of("123456789021");

  public enum EntityType { RESIDENT_LEGAL_ENTITY, NON_RESIDENT_LEGAL_ENTITY, JOINT_INDIVIDUAL_ENTREPRENEURSHIP }

  public enum OfficeKind { HEAD_OFFICE, BRANCH, REPRESENTATIVE_OFFICE, PEASANT_FARM }

  /** Validates like {@link #parse(String)}, except that the NCA's test numbers pass (see {@link #parse(String, boolean)}). */
  public Bin {
    if (value == null || !NCA_TEST_NUMBERS.contains(value)) {
      validate(value);
    }
  }

  public static Bin parse(String text) {
    return parse(text, false);
  }

  /** As {@link #parse(String)}; with {@code testPki} the NCA's test numbers are accepted as they are. */
  public static Bin parse(String text, boolean testPki) {
    String digits = text == null ? null : text.strip();
    if (digits != null && NCA_TEST_NUMBERS.contains(digits)) {
      if (!testPki) {
        throw new InvalidIdentifierException("BIN " + digits
            + ": a test number of the NCA's test certificates, accepted only in test-PKI mode");
      }
      return new Bin(digits);
    }
    return new Bin(validate(digits));
  }

  private static String validate(String text) {
    String digits = CheckDigit.verify("BIN", text);
    int month = Integer.parseInt(digits.substring(2, 4));
    if (month < 1 || month > 12) {
      throw new InvalidIdentifierException("BIN " + digits + ": registration month " + digits.substring(2, 4)
          + " is not a month (digits 3-4)");
    }
    int type = digits.charAt(4) - '0';
    if (type < 4 || type > 6) {
      throw new InvalidIdentifierException("BIN " + digits + ": digit 5 is " + type
          + ", expected 4, 5 or 6 (entity type)");
    }
    int office = digits.charAt(5) - '0';
    if (office > 3) {
      throw new InvalidIdentifierException("BIN " + digits + ": digit 6 is " + office
          + ", expected 0-3 (head office, branch, representative office, farm)");
    }
    return digits;
  }

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

  /**
   * Month of registration. The number carries two digits of the year; a year after the current one
   * is read as the previous century (BINs were introduced in the 2000s, but registrations are older).
   */
  public Optional<YearMonth> registered() {
    if (isNcaTestNumber()) {
      return Optional.empty();
    }
    int yy = Integer.parseInt(value.substring(0, 2));
    int now = java.time.Year.now().getValue();
    int year = 2000 + yy > now ? 1900 + yy : 2000 + yy;
    return Optional.of(YearMonth.of(year, Integer.parseInt(value.substring(2, 4))));
  }

  public Optional<EntityType> entityType() {
    if (isNcaTestNumber()) {
      return Optional.empty();
    }
    return Optional.of(EntityType.values()[value.charAt(4) - '4']);
  }

  public Optional<OfficeKind> officeKind() {
    if (isNcaTestNumber()) {
      return Optional.empty();
    }
    return Optional.of(OfficeKind.values()[value.charAt(5) - '0']);
  }

  @Override
  public String toString() {
    return value;
  }
}
