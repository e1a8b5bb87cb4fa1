package kz.egov.workflow.calendar;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * A transfer as the register knows it: from the days-off file ({@code source = "file"}, no id) or added at
 * run time ({@code source = "database"}, with who recorded it and when).
 */
public record RecordedTransfer(Long id, LocalDate workedDay, LocalDate dayOff, String act, String source,
    String recordedBy, OffsetDateTime recordedAt) {

  public DayOffTransfer transfer() {
    return new DayOffTransfer(workedDay, dayOff, act);
  }
}
