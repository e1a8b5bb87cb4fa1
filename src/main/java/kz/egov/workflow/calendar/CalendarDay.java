package kz.egov.workflow.calendar;

import java.time.LocalDate;

/** One day of the calendar with the reason it is (not) worked, in words a clerk reads. */
public record CalendarDay(LocalDate date, DayKind kind, String reason) {

  public boolean working() {
    return kind.working();
  }
}
