package kz.egov.workflow.audit;

import java.util.Locale;

/**
 * How a step's norm is counted (the step's {@code norm-unit} property). The regulations give seconds and
 * minutes for what a system or a person does at once (plain elapsed time), and working days for what a
 * provider examines (R2 P9: "15 working days"); hour norms of staff may be marked as working hours.
 */
public enum NormUnit {
  /** Elapsed time, the default: {@code norm=PT15S}. */
  TIME("seconds"),
  /** Working time on the calendar (outside working hours, the break and days off do not count): {@code norm-unit=working hours}. */
  WORKING_TIME("seconds"),
  /** Working days on the calendar, counted as the service deadline is: {@code norm=P15D, norm-unit=working days}. */
  WORKING_DAYS("working days");

  private final String measure;

  NormUnit(String measure) {
    this.measure = measure;
  }

  /** The unit of the actual and the norm values in the report: {@code seconds} or {@code working days}. */
  public String measure() {
    return measure;
  }

  /** The unit a {@code norm-unit} text names; null for a text that names none we know. */
  static NormUnit parse(String text) {
    if (text == null || text.isBlank()) {
      return TIME;
    }
    String t = text.strip().toLowerCase(Locale.ROOT).replace('_', ' ').replace('-', ' ');
    if (t.startsWith("working day") || t.equals("wd")) {
      return WORKING_DAYS;
    }
    if (t.startsWith("working")) {
      return WORKING_TIME;
    }
    if (t.equals("time") || t.equals("calendar time") || t.equals("elapsed")) {
      return TIME;
    }
    return null;
  }
}
