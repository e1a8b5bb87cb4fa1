package kz.egov.workflow.calendar;

import java.time.LocalTime;
import java.time.ZoneId;

/**
 * The working hours of state bodies and service centers: {@code start}–{@code end} in {@code zone}, with
 * an optional break ({@code breakStart}–{@code breakEnd}, both null when there is none) that only the
 * hour and minute norms skip.
 */
public record WorkingHours(ZoneId zone, LocalTime start, LocalTime end, LocalTime breakStart, LocalTime breakEnd) {

  public WorkingHours {
    if (zone == null || start == null || end == null || !start.isBefore(end)) {
      throw new IllegalArgumentException("working hours need a zone and a start before the end");
    }
    if ((breakStart == null) != (breakEnd == null)) {
      throw new IllegalArgumentException("a break needs both its start and its end");
    }
    if (breakStart != null && !(start.isBefore(breakStart) && breakStart.isBefore(breakEnd)
        && breakEnd.isBefore(end))) {
      throw new IllegalArgumentException("the break must lie inside the working hours");
    }
  }

  public static WorkingHours of(ZoneId zone, LocalTime start, LocalTime end) {
    return new WorkingHours(zone, start, end, null, null);
  }

  public boolean hasBreak() {
    return breakStart != null;
  }
}
