package kz.egov.workflow.calendar;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code egov.calendar}: working hours, time zone, where the days-off file is and how often the data is
 * re-read. Times are written {@code "09:00-18:30"} so that an administrator reads them as on a door sign.
 *
 * @param zone the zone of working hours (Kazakhstan has one zone, UTC+5, since 1 March 2024)
 * @param workingHours e.g. {@code 09:00-18:30}
 * @param lunchBreak e.g. {@code 13:00-14:30}, or empty for none; only the hour and minute norms skip it
 * @param data the days-off file (a Spring resource location: {@code classpath:...} or {@code file:...})
 * @param refresh how long the file and the database entries are cached before they are read again
 */
@ConfigurationProperties("egov.calendar")
public record CalendarProperties(String zone, String workingHours, String lunchBreak, String data,
    Duration refresh) {

  public CalendarProperties {
    zone = blankTo(zone, "Asia/Almaty");
    workingHours = blankTo(workingHours, "09:00-18:30");
    lunchBreak = lunchBreak == null ? "" : lunchBreak.trim();
    data = blankTo(data, "classpath:calendar/kz-days-off.yaml");
    refresh = refresh == null ? Duration.ofMinutes(5) : refresh;
  }

  /** The configured hours, refused at startup when they are malformed or the zone data is outdated. */
  public WorkingHours toWorkingHours() {
    ZoneId zoneId;
    try {
      zoneId = ZoneId.of(zone);
    } catch (RuntimeException e) {
      throw new IllegalStateException("egov.calendar.zone: '" + zone + "' is not a time zone", e);
    }
    // An old JDK (time-zone data before 2024a) still puts Almaty at UTC+6 and every deadline an hour off.
    if (zoneId.getId().equals("Asia/Almaty")
        && !zoneId.getRules().getOffset(Instant.parse("2026-01-01T00:00:00Z")).equals(ZoneOffset.ofHours(5))) {
      throw new IllegalStateException("This JDK's time-zone data puts Asia/Almaty at "
          + zoneId.getRules().getOffset(Instant.parse("2026-01-01T00:00:00Z")) + ", but Kazakhstan is UTC+5 since"
          + " 1 March 2024: update the JDK (tzdata 2024a or later) or set egov.calendar.zone: '+05:00'");
    }
    LocalTime[] work = range("working-hours", workingHours);
    if (lunchBreak.isEmpty()) {
      return WorkingHours.of(zoneId, work[0], work[1]);
    }
    LocalTime[] pause = range("lunch-break", lunchBreak);
    try {
      return new WorkingHours(zoneId, work[0], work[1], pause[0], pause[1]);
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException("egov.calendar: " + e.getMessage(), e);
    }
  }

  private static LocalTime[] range(String name, String value) {
    String[] parts = value.split("-");
    try {
      if (parts.length == 2) {
        LocalTime from = LocalTime.parse(parts[0].trim());
        LocalTime to = LocalTime.parse(parts[1].trim());
        if (from.isBefore(to)) {
          return new LocalTime[] {from, to};
        }
      }
    } catch (DateTimeParseException e) {
      // reported below
    }
    throw new IllegalStateException("egov.calendar." + name + ": '" + value + "' is not a range like 09:00-18:30");
  }

  private static String blankTo(String value, String fallback) {
    return value == null || value.isBlank() ? fallback : value.trim();
  }
}
