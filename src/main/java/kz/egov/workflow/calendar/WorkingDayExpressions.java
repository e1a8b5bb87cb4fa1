package kz.egov.workflow.calendar;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.Calendar;
import java.util.Date;
import org.springframework.stereotype.Component;

/**
 * The working-day calendar in diagram expressions, as the bean {@code workingDays}:
 * <pre>
 *   timer timeDate / task dueDate   ${workingDays.deadline(registeredAt, 15)}
 *   reminder 2 WD before            ${workingDays.before(workingDays.deadline(registeredAt, 15), 2)}
 *   step norm in working time       ${workingDays.plusWorkingTime(registeredAt, 'PT1H')}
 * </pre>
 * Results are {@link Date}s, which Camunda takes as the due date as they are. Arguments may be a Date
 * variable, an ISO-8601 date-time with offset, or a java.time value. Write timers from the registration
 * variable, not from a stored deadline, so that recalculating the timers follows changed calendar data.
 */
@Component("workingDays")
public class WorkingDayExpressions {

  private final DaysOffRegister register;

  public WorkingDayExpressions(DaysOffRegister register) {
    this.register = register;
  }

  /** The end of working hours of the {@code workingDays}-th working day after the registration day. */
  public Date deadline(Object registeredAt, int workingDays) {
    return Date.from(register.calendar().deadline(instant(registeredAt, "registeredAt"), workingDays).toInstant());
  }

  /** The same time of day {@code workingDays} working days before {@code moment} (reminders). */
  public Date before(Object moment, int workingDays) {
    return Date.from(register.calendar().before(instant(moment, "moment"), workingDays).toInstant());
  }

  /** {@code from} plus an ISO-8601 duration ({@code PT1H}, {@code PT30M}) counted in working time only. */
  public Date plusWorkingTime(Object from, String duration) {
    Duration parsed;
    try {
      parsed = Duration.parse(duration);
    } catch (DateTimeParseException | NullPointerException e) {
      throw new IllegalArgumentException("workingDays.plusWorkingTime: '" + duration
          + "' is not an ISO-8601 duration like PT1H or PT30M");
    }
    return Date.from(register.calendar().plusWorkingTime(instant(from, "from"), parsed).toInstant());
  }

  /** Whether {@code moment}'s day (in the calendar's zone) is a working day. */
  public boolean isWorkingDay(Object moment) {
    return register.calendar().isWorkingDay(instant(moment, "moment").atZone(register.calendar().hours().zone())
        .toLocalDate());
  }

  private Instant instant(Object value, String name) {
    if (value instanceof Date date) {
      return date.toInstant();
    }
    if (value instanceof Calendar calendar) {
      return calendar.toInstant();
    }
    if (value instanceof Instant instant) {
      return instant;
    }
    if (value instanceof OffsetDateTime time) {
      return time.toInstant();
    }
    if (value instanceof ZonedDateTime time) {
      return time.toInstant();
    }
    if (value instanceof LocalDateTime time) {
      return time.atZone(register.calendar().hours().zone()).toInstant();
    }
    if (value instanceof LocalDate date) {
      return date.atStartOfDay(register.calendar().hours().zone()).toInstant();
    }
    if (value instanceof String text) {
      try {
        return OffsetDateTime.parse(text.trim()).toInstant();
      } catch (DateTimeParseException e) {
        // reported below
      }
    }
    throw new IllegalArgumentException("workingDays: " + name + " must be a date-time (a Date variable or"
        + " ISO-8601 with offset such as 2026-03-19T10:00:00+05:00), not '" + value + "'");
  }
}
