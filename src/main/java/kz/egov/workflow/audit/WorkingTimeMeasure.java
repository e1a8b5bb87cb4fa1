package kz.egov.workflow.audit;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import kz.egov.workflow.calendar.DaysOffRegister;
import kz.egov.workflow.calendar.WorkingDayCalendar;
import kz.egov.workflow.calendar.WorkingHours;
import org.springframework.stereotype.Component;

/**
 * Measures what happened on the working-day calendar, the inverse of its deadline rule: a step or an
 * application took <i>n</i> working days when it ended by the end of working hours of the <i>n</i>-th working
 * day after the day it counts as started (after hours or on a day off: the next working day), so that
 * "within a norm of N working days" means exactly "ended by {@code calendar.deadline(start, N)}".
 */
@Component
public class WorkingTimeMeasure {

  private final DaysOffRegister register;

  public WorkingTimeMeasure(DaysOffRegister register) {
    this.register = register;
  }

  /** The smallest n with {@code end <= deadline(start, n)}; 0 for an end on the start's (registration) day. */
  public int workingDays(Instant start, Instant end) {
    WorkingDayCalendar calendar = register.calendar();
    WorkingHours hours = calendar.hours();
    LocalDate day = calendar.registrationDay(start);
    int n = 0;
    while (end.isAfter(day.atTime(hours.end()).atZone(hours.zone()).toInstant())) {
      day = calendar.nextWorkingDay(day);
      n++;
    }
    return n;
  }

  /** The working time between two moments: inside working hours, outside the break, on working days. */
  public Duration workingTime(Instant start, Instant end) {
    if (!end.isAfter(start)) {
      return Duration.ZERO;
    }
    WorkingDayCalendar calendar = register.calendar();
    WorkingHours hours = calendar.hours();
    ZoneId zone = hours.zone();
    List<LocalTime[]> periods = hours.hasBreak()
        ? List.of(new LocalTime[] {hours.start(), hours.breakStart()}, new LocalTime[] {hours.breakEnd(), hours.end()})
        : List.<LocalTime[]>of(new LocalTime[] {hours.start(), hours.end()});
    Duration total = Duration.ZERO;
    LocalDate last = end.atZone(zone).toLocalDate();
    for (LocalDate day = start.atZone(zone).toLocalDate(); !day.isAfter(last); day = day.plusDays(1)) {
      if (!calendar.isWorkingDay(day)) {
        continue;
      }
      for (LocalTime[] period : periods) {
        Instant from = later(start, day.atTime(period[0]).atZone(zone).toInstant());
        Instant to = earlier(end, day.atTime(period[1]).atZone(zone).toInstant());
        if (to.isAfter(from)) {
          total = total.plus(Duration.between(from, to));
        }
      }
    }
    return total;
  }

  public ZoneId zone() {
    return register.calendar().hours().zone();
  }

  private static Instant later(Instant a, Instant b) {
    return a.isAfter(b) ? a : b;
  }

  private static Instant earlier(Instant a, Instant b) {
    return a.isBefore(b) ? a : b;
  }
}
