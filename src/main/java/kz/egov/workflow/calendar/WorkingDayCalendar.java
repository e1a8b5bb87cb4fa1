package kz.egov.workflow.calendar;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.MonthDay;
import java.time.ZonedDateTime;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The Kazakh working-day calendar: five-day week, the public holidays of the Law "On holidays" with their
 * days off moved when they fall on a Saturday or Sunday, religious days off (never moved), and the
 * government's yearly transfers of days off. Immutable: when the data changes a new calendar is built.
 *
 * <p>The deadline rule of the service standards: an application received after working hours, on a day
 * off or on a holiday is taken as received on the next working day; a deadline of N working days ends
 * with the working hours of the N-th working day after that day.
 */
public final class WorkingDayCalendar {

  /** More working days than any regulation asks for; larger requests are mistakes. */
  public static final int MAX_WORKING_DAYS = 366;

  /** Orthodox Christmas: a religious day off on its own date every year (Law "On holidays"). */
  static final MonthDay ORTHODOX_CHRISTMAS = MonthDay.of(1, 7);

  /** No valid calendar has this many days off in a row; more means the data is broken. */
  private static final int LONGEST_BREAK = 60;

  private final WorkingHours hours;
  private final Map<LocalDate, ReligiousDayOff> religiousDays = new HashMap<>();
  private final Map<LocalDate, DayOffTransfer> transfersByWorkedDay = new HashMap<>();
  private final Map<LocalDate, DayOffTransfer> transfersByDayOff = new HashMap<>();
  private final Map<Integer, Map<LocalDate, LocalDate>> movedDaysOff = new ConcurrentHashMap<>();

  /**
   * @throws IllegalArgumentException when two entries claim the same day (the message names both), so
   *     that contradicting data is refused before it is used
   */
  public WorkingDayCalendar(WorkingHours hours, Collection<ReligiousDayOff> religious,
      Collection<DayOffTransfer> transfers) {
    this.hours = hours;
    for (ReligiousDayOff day : religious) {
      if (religiousDays.putIfAbsent(day.date(), day) != null) {
        throw new IllegalArgumentException("two religious days off on " + day.date());
      }
    }
    for (DayOffTransfer transfer : transfers) {
      for (LocalDate day : List.of(transfer.workedDay(), transfer.dayOff())) {
        if (transfersByWorkedDay.containsKey(day) || transfersByDayOff.containsKey(day)) {
          throw new IllegalArgumentException("two transfers of days off name " + day);
        }
      }
      if (transfer.workedDay().equals(transfer.dayOff())) {
        throw new IllegalArgumentException("a transfer must name two different days: " + transfer.workedDay());
      }
      transfersByWorkedDay.put(transfer.workedDay(), transfer);
      transfersByDayOff.put(transfer.dayOff(), transfer);
    }
  }

  public WorkingHours hours() {
    return hours;
  }

  public boolean isWorkingDay(LocalDate date) {
    return day(date).working();
  }

  /** The day with the reason it is or is not worked. A government transfer overrides everything else. */
  public CalendarDay day(LocalDate date) {
    DayOffTransfer worked = transfersByWorkedDay.get(date);
    if (worked != null) {
      return new CalendarDay(date, DayKind.TRANSFERRED_WORKING_DAY, "working day: the day off is transferred to "
          + describe(worked.dayOff()) + " by " + worked.act());
    }
    DayOffTransfer off = transfersByDayOff.get(date);
    if (off != null) {
      return new CalendarDay(date, DayKind.TRANSFERRED_DAY_OFF, "day off transferred from "
          + describe(off.workedDay()) + " by " + off.act());
    }
    var holiday = PublicHoliday.on(date);
    if (holiday.isPresent()) {
      String reason = "public holiday: " + holiday.get().holidayName();
      if (isWeekend(date)) {
        reason += " (on a " + weekday(date) + "; the day off moves to " + describe(movedTo(date)) + ")";
      }
      return new CalendarDay(date, DayKind.PUBLIC_HOLIDAY, reason);
    }
    ReligiousDayOff religious = religiousDay(date);
    if (religious != null) {
      String reason = "religious day off: " + religious.name() + " (never moved)";
      if (religious.act() != null && !religious.act().isBlank()) {
        reason += ", " + religious.act();
      }
      return new CalendarDay(date, DayKind.RELIGIOUS_DAY_OFF, reason);
    }
    LocalDate movedFrom = movedFrom(date);
    if (movedFrom != null) {
      return new CalendarDay(date, DayKind.MOVED_DAY_OFF, "moved day off for "
          + PublicHoliday.on(movedFrom).orElseThrow().holidayName() + " of " + describe(movedFrom));
    }
    if (isWeekend(date)) {
      return new CalendarDay(date, DayKind.WEEKEND, "weekend (" + weekday(date) + ")");
    }
    return new CalendarDay(date, DayKind.WORKING_DAY, "working day");
  }

  /** Every day of the year that is not simply a working weekday or a plain weekend, in date order. */
  public List<CalendarDay> specialDays(int year) {
    List<CalendarDay> days = new ArrayList<>();
    for (LocalDate d = LocalDate.of(year, 1, 1); d.getYear() == year; d = d.plusDays(1)) {
      CalendarDay day = day(d);
      if (day.kind() != DayKind.WORKING_DAY && day.kind() != DayKind.WEEKEND) {
        days.add(day);
      }
    }
    return days;
  }

  /** What the data lacks for the year, e.g. the date of Kurban Ait that the government announces yearly. */
  public List<String> gaps(int year) {
    boolean kurbanAit = religiousDays.keySet().stream().anyMatch(d -> d.getYear() == year);
    return kurbanAit ? List.of() : List.of("no religious day off (first day of Kurban Ait) is recorded for " + year
        + ": add it to the days-off file (see docs/calendar.md)");
  }

  /** The first working day strictly after {@code date}. */
  public LocalDate nextWorkingDay(LocalDate date) {
    LocalDate d = date.plusDays(1);
    for (int i = 0; !isWorkingDay(d); i++, d = d.plusDays(1)) {
      guard(i, date);
    }
    return d;
  }

  /** The last working day strictly before {@code date}. */
  public LocalDate previousWorkingDay(LocalDate date) {
    LocalDate d = date.minusDays(1);
    for (int i = 0; !isWorkingDay(d); i++, d = d.minusDays(1)) {
      guard(i, date);
    }
    return d;
  }

  /** The {@code n}-th working day after {@code date}; {@code date} itself for n = 0. */
  public LocalDate plusWorkingDays(LocalDate date, int n) {
    checkCount(n);
    LocalDate d = date;
    for (int i = 0; i < n; i++) {
      d = nextWorkingDay(d);
    }
    return d;
  }

  /** The {@code n}-th working day before {@code date}; {@code date} itself for n = 0. */
  public LocalDate minusWorkingDays(LocalDate date, int n) {
    checkCount(n);
    LocalDate d = date;
    for (int i = 0; i < n; i++) {
      d = previousWorkingDay(d);
    }
    return d;
  }

  /**
   * The day an application counts as registered: the same day when it arrives on a working day before
   * the end of working hours (also before their start), else the next working day.
   */
  public LocalDate registrationDay(Instant registeredAt) {
    LocalDateTime local = LocalDateTime.ofInstant(registeredAt, hours.zone());
    LocalDate date = local.toLocalDate();
    if (isWorkingDay(date) && local.toLocalTime().isBefore(hours.end())) {
      return date;
    }
    return nextWorkingDay(date);
  }

  /** The end of working hours of the {@code workingDays}-th working day after the registration day. */
  public ZonedDateTime deadline(Instant registeredAt, int workingDays) {
    LocalDate last = plusWorkingDays(registrationDay(registeredAt), workingDays);
    return last.atTime(hours.end()).atZone(hours.zone());
  }

  /**
   * The same time of day {@code workingDays} working days before {@code moment}: for a deadline at the end
   * of working hours, the moment when exactly that many working days are left (a reminder).
   */
  public ZonedDateTime before(Instant moment, int workingDays) {
    ZonedDateTime local = moment.atZone(hours.zone());
    return minusWorkingDays(local.toLocalDate(), workingDays).atTime(local.toLocalTime()).atZone(hours.zone());
  }

  /**
   * {@code from} plus {@code duration} of working time (the hour and minute norms of a step): time outside
   * working hours, in the break and on days off does not count.
   */
  public ZonedDateTime plusWorkingTime(Instant from, Duration duration) {
    if (duration.isNegative()) {
      throw new IllegalArgumentException("a working time must not be negative: " + duration);
    }
    if (duration.toDays() > MAX_WORKING_DAYS) {
      throw new IllegalArgumentException("a working time of more than " + MAX_WORKING_DAYS + " days: " + duration);
    }
    LocalDateTime cursor = LocalDateTime.ofInstant(from, hours.zone());
    Duration left = duration;
    while (true) {
      LocalDate date = cursor.toLocalDate();
      if (isWorkingDay(date)) {
        for (Period period : periods()) {
          LocalTime start = cursor.toLocalTime().isAfter(period.start()) ? cursor.toLocalTime() : period.start();
          if (!start.isBefore(period.end())) {
            continue;
          }
          Duration available = Duration.between(start, period.end());
          if (left.compareTo(available) <= 0) {
            return date.atTime(start).plus(left).atZone(hours.zone());
          }
          left = left.minus(available);
        }
      }
      cursor = nextWorkingDay(date).atTime(hours.start());
    }
  }

  private record Period(LocalTime start, LocalTime end) {}

  private List<Period> periods() {
    if (!hours.hasBreak()) {
      return List.of(new Period(hours.start(), hours.end()));
    }
    return List.of(new Period(hours.start(), hours.breakStart()), new Period(hours.breakEnd(), hours.end()));
  }

  private ReligiousDayOff religiousDay(LocalDate date) {
    ReligiousDayOff recorded = religiousDays.get(date);
    if (recorded != null) {
      return recorded;
    }
    return MonthDay.from(date).equals(ORTHODOX_CHRISTMAS)
        ? new ReligiousDayOff(date, "Orthodox Christmas", null) : null;
  }

  private boolean isReligious(LocalDate date) {
    return religiousDay(date) != null;
  }

  /** The holiday whose day off moved to {@code date}, or null. */
  private LocalDate movedFrom(LocalDate date) {
    // a holiday late in December could move its day off into January
    LocalDate from = movedDaysOff(date.getYear()).get(date);
    return from != null ? from : movedDaysOff(date.getYear() - 1).get(date);
  }

  private LocalDate movedTo(LocalDate holiday) {
    return movedDaysOff(holiday.getYear()).entrySet().stream().filter(e -> e.getValue().equals(holiday))
        .map(Map.Entry::getKey).findFirst().orElseThrow();
  }

  /**
   * Moved day off → the holiday it belongs to, for the holidays of {@code year}. Each holiday on a Saturday
   * or Sunday takes the first weekday after it that is neither a holiday, a religious day off nor already
   * taken by an earlier holiday: Nauryz 2026 (Sat 21, Sun 22, Mon 23) gives Tue 24 and Wed 25.
   */
  private Map<LocalDate, LocalDate> movedDaysOff(int year) {
    return movedDaysOff.computeIfAbsent(year, y -> {
      Map<LocalDate, LocalDate> moved = new TreeMap<>();
      for (PublicHoliday holiday : PublicHoliday.inOrder()) {
        LocalDate date = holiday.in(y);
        if (!isWeekend(date)) {
          continue;
        }
        LocalDate d = date.plusDays(1);
        while (isWeekend(d) || PublicHoliday.on(d).isPresent() || isReligious(d) || moved.containsKey(d)) {
          d = d.plusDays(1);
        }
        moved.put(d, date);
      }
      return Map.copyOf(moved);
    });
  }

  private static boolean isWeekend(LocalDate date) {
    return date.getDayOfWeek() == DayOfWeek.SATURDAY || date.getDayOfWeek() == DayOfWeek.SUNDAY;
  }

  private static String weekday(LocalDate date) {
    return date.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.ENGLISH);
  }

  private static String describe(LocalDate date) {
    return weekday(date) + " " + date;
  }

  private static void checkCount(int n) {
    if (n < 0 || n > MAX_WORKING_DAYS) {
      throw new IllegalArgumentException("a number of working days must be between 0 and " + MAX_WORKING_DAYS
          + ", not " + n);
    }
  }

  private static void guard(int i, LocalDate from) {
    if (i > LONGEST_BREAK) {
      throw new IllegalStateException("no working day within " + LONGEST_BREAK + " days of " + from
          + ": the days-off data is broken");
    }
  }
}
