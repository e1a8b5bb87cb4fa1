package kz.egov.workflow.calendar;

import java.net.URI;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import kz.egov.workflow.application.ApiErrors;
import kz.egov.workflow.application.InvalidRequestException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The working-day calendar over REST: any signed-in user reads days and deadlines; administrators record
 * transfers of days off and recalculate the running timers.
 */
@RestController
@RequestMapping("/api/v1/calendar")
class CalendarController {

  private final DaysOffRegister register;
  private final TimerRecalculation recalculation;

  CalendarController(DaysOffRegister register, TimerRecalculation recalculation) {
    this.register = register;
    this.recalculation = recalculation;
  }

  record DayView(LocalDate date, boolean working, DayKind kind, String reason) {
    static DayView of(CalendarDay day) {
      return new DayView(day.date(), day.working(), day.kind(), day.reason());
    }
  }

  record YearView(int year, List<DayView> days, List<String> gaps) {}

  record DeadlineView(String from, LocalDate registeredOn, int workingDays, String deadline) {}

  record TransferRequest(String workedDay, String dayOff, String act) {}

  @GetMapping("/days/{date}")
  DayView day(@PathVariable String date) {
    return DayView.of(register.calendar().day(date(date, "date")));
  }

  /** The year's holidays, moved days off, religious days and transfers, and what the data lacks. */
  @GetMapping("/years/{year}")
  YearView year(@PathVariable String year) {
    int value;
    try {
      value = Integer.parseInt(year);
    } catch (NumberFormatException e) {
      throw new InvalidRequestException("year: '" + year + "' is not a year like 2027");
    }
    if (value < 1992 || value > 2200) {
      throw new InvalidRequestException("year: must be between 1992 and 2200, not " + value);
    }
    WorkingDayCalendar calendar = register.calendar();
    return new YearView(value, calendar.specialDays(value).stream().map(DayView::of).toList(), calendar.gaps(value));
  }

  @GetMapping("/deadline")
  DeadlineView deadline(@RequestParam String from, @RequestParam String workingDays) {
    List<String> problems = new ArrayList<>();
    OffsetDateTime registeredAt = null;
    try {
      registeredAt = moment(from);
    } catch (InvalidRequestException e) {
      problems.addAll(e.problems());
    }
    int count = -1;
    try {
      count = Integer.parseInt(workingDays.trim());
      if (count < 0 || count > WorkingDayCalendar.MAX_WORKING_DAYS) {
        problems.add("workingDays: must be between 0 and " + WorkingDayCalendar.MAX_WORKING_DAYS + ", not " + count);
      }
    } catch (NumberFormatException e) {
      problems.add("workingDays: '" + workingDays + "' is not a whole number of working days");
    }
    if (!problems.isEmpty()) {
      throw new InvalidRequestException(problems);
    }
    WorkingDayCalendar calendar = register.calendar();
    return new DeadlineView(registeredAt.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME),
        calendar.registrationDay(registeredAt.toInstant()), count,
        calendar.deadline(registeredAt.toInstant(), count).toOffsetDateTime()
            .format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
  }

  @GetMapping("/transfers")
  List<RecordedTransfer> transfers() {
    return register.transfers();
  }

  @PostMapping("/transfers")
  @PreAuthorize("hasAnyAuthority('camunda-admin')")
  ResponseEntity<RecordedTransfer> addTransfer(@RequestBody TransferRequest request, Authentication caller) {
    List<String> problems = new ArrayList<>();
    LocalDate worked = optionalDate(request.workedDay(), "workedDay", problems);
    LocalDate off = optionalDate(request.dayOff(), "dayOff", problems);
    if (request.act() == null || request.act().isBlank()) {
      problems.add("act: name the government act (title, number, date) that transfers the day off");
    } else if (request.act().length() > 500) {
      problems.add("act: at most 500 characters");
    }
    if (!problems.isEmpty()) {
      throw new InvalidRequestException(problems);
    }
    RecordedTransfer recorded;
    try {
      recorded = register.add(new DayOffTransfer(worked, off, request.act().trim()), caller.getName());
    } catch (IllegalArgumentException e) {
      throw new InvalidRequestException(List.of(e.getMessage().split("; ")));
    }
    return ResponseEntity.created(URI.create("/api/v1/calendar/transfers/" + recorded.id())).body(recorded);
  }

  @DeleteMapping("/transfers/{id}")
  @PreAuthorize("hasAnyAuthority('camunda-admin')")
  ResponseEntity<?> removeTransfer(@PathVariable long id) {
    if (register.remove(id).isEmpty()) {
      return ResponseEntity.status(HttpStatus.NOT_FOUND).body(ApiErrors.problem(HttpStatus.NOT_FOUND, "Not found",
          List.of("no transfer " + id + " was added at run time (the file's transfers are changed in the file)")));
    }
    return ResponseEntity.noContent().build();
  }

  @PostMapping("/recalculate-timers")
  @PreAuthorize("hasAnyAuthority('camunda-admin')")
  TimerRecalculation.Result recalculateTimers() {
    return recalculation.recalculateAll();
  }

  private static LocalDate date(String value, String name) {
    try {
      return LocalDate.parse(value.trim());
    } catch (DateTimeParseException e) {
      throw new InvalidRequestException(name + ": '" + value + "' is not a date like 2026-03-23");
    }
  }

  private static LocalDate optionalDate(String value, String name, List<String> problems) {
    if (value == null || value.isBlank()) {
      problems.add(name + ": required, a date like 2026-03-23");
      return null;
    }
    try {
      return LocalDate.parse(value.trim());
    } catch (DateTimeParseException e) {
      problems.add(name + ": '" + value + "' is not a date like 2026-03-23");
      return null;
    }
  }

  private static OffsetDateTime moment(String value) {
    String text = value.trim();
    try {
      return OffsetDateTime.parse(text);
    } catch (DateTimeParseException e) {
      // an unencoded '+' of the offset arrives as a space
      if (text.contains(" ")) {
        try {
          return OffsetDateTime.parse(text.replace(' ', '+'));
        } catch (DateTimeParseException ignored) {
          // reported below
        }
      }
    }
    try {
      LocalDateTime.parse(text);
      throw new InvalidRequestException("from: '" + value + "' has no offset; write it like 2026-03-19T10:00:00+05:00"
          + " (in a URL the '+' is %2B)");
    } catch (DateTimeParseException e) {
      throw new InvalidRequestException("from: '" + value + "' is not an ISO-8601 date-time with offset like"
          + " 2026-03-19T10:00:00+05:00");
    }
  }
}
