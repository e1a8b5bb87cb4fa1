package kz.egov.workflow.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.core.io.ClassPathResource;

/** The calendar on the shipped days-off file, against dates worked out by hand from the law and the acts. */
class WorkingDayCalendarTest {

  static final ZoneId ALMATY = ZoneId.of("Asia/Almaty");
  static final DaysOffFile.Content FILE = DaysOffFile.read(new ClassPathResource("calendar/kz-days-off.yaml"));
  static final WorkingDayCalendar CALENDAR = new WorkingDayCalendar(
      WorkingHours.of(ALMATY, LocalTime.of(9, 0), LocalTime.of(18, 30)), FILE.religiousDays(), FILE.transfers());

  @ParameterizedTest(name = "{0} is {1}")
  @CsvSource({
      // 2026: every public holiday, religious day and moved day off
      "2026-01-01, PUBLIC_HOLIDAY,    New Year",
      "2026-01-02, PUBLIC_HOLIDAY,    New Year",
      "2026-01-07, RELIGIOUS_DAY_OFF, Orthodox Christmas",
      "2026-03-08, PUBLIC_HOLIDAY,    International Women's Day (on a Sunday; the day off moves to Monday 2026-03-09)",
      "2026-03-09, MOVED_DAY_OFF,     moved day off for International Women's Day of Sunday 2026-03-08",
      "2026-03-21, PUBLIC_HOLIDAY,    Nauryz meiramy (on a Saturday; the day off moves to Tuesday 2026-03-24)",
      "2026-03-22, PUBLIC_HOLIDAY,    Nauryz meiramy (on a Sunday; the day off moves to Wednesday 2026-03-25)",
      "2026-03-23, PUBLIC_HOLIDAY,    Nauryz meiramy",
      "2026-03-24, MOVED_DAY_OFF,     moved day off for Nauryz meiramy of Saturday 2026-03-21",
      "2026-03-25, MOVED_DAY_OFF,     moved day off for Nauryz meiramy of Sunday 2026-03-22",
      "2026-05-01, PUBLIC_HOLIDAY,    Kazakhstan People's Unity Day",
      "2026-05-07, PUBLIC_HOLIDAY,    Defender of the Fatherland Day",
      "2026-05-09, PUBLIC_HOLIDAY,    Victory Day (on a Saturday; the day off moves to Monday 2026-05-11)",
      "2026-05-11, MOVED_DAY_OFF,     Victory Day of Saturday 2026-05-09",
      "2026-05-27, RELIGIOUS_DAY_OFF, Kurban Ait",
      "2026-07-06, PUBLIC_HOLIDAY,    Capital Day",
      "2026-08-30, PUBLIC_HOLIDAY,    Constitution Day (on a Sunday; the day off moves to Monday 2026-08-31)",
      "2026-08-31, MOVED_DAY_OFF,     Constitution Day of Sunday 2026-08-30",
      "2026-10-25, PUBLIC_HOLIDAY,    Republic Day (on a Sunday; the day off moves to Monday 2026-10-26)",
      "2026-10-26, MOVED_DAY_OFF,     Republic Day of Sunday 2026-10-25",
      "2026-12-16, PUBLIC_HOLIDAY,    Independence Day",
      // 2027
      "2027-01-01, PUBLIC_HOLIDAY,    New Year",
      "2027-01-02, PUBLIC_HOLIDAY,    New Year (on a Saturday; the day off moves to Monday 2027-01-04)",
      "2027-01-04, MOVED_DAY_OFF,     moved day off for New Year of Saturday 2027-01-02",
      "2027-01-07, RELIGIOUS_DAY_OFF, Orthodox Christmas",
      "2027-03-08, PUBLIC_HOLIDAY,    International Women's Day",
      "2027-03-21, PUBLIC_HOLIDAY,    Nauryz meiramy (on a Sunday; the day off moves to Wednesday 2027-03-24)",
      "2027-03-22, PUBLIC_HOLIDAY,    Nauryz meiramy",
      "2027-03-23, PUBLIC_HOLIDAY,    Nauryz meiramy",
      "2027-03-24, MOVED_DAY_OFF,     moved day off for Nauryz meiramy of Sunday 2027-03-21",
      "2027-05-01, PUBLIC_HOLIDAY,    Kazakhstan People's Unity Day (on a Saturday; the day off moves to Monday 2027-05-03)",
      "2027-05-03, MOVED_DAY_OFF,     Kazakhstan People's Unity Day of Saturday 2027-05-01",
      "2027-05-07, PUBLIC_HOLIDAY,    Defender of the Fatherland Day",
      "2027-05-09, PUBLIC_HOLIDAY,    Victory Day (on a Sunday; the day off moves to Monday 2027-05-10)",
      "2027-05-10, MOVED_DAY_OFF,     Victory Day of Sunday 2027-05-09",
      "2027-05-16, RELIGIOUS_DAY_OFF, Kurban Ait",
      "2027-07-06, PUBLIC_HOLIDAY,    Capital Day",
      "2027-08-30, PUBLIC_HOLIDAY,    Constitution Day",
      "2027-10-25, PUBLIC_HOLIDAY,    Republic Day",
      "2027-12-16, PUBLIC_HOLIDAY,    Independence Day",
  })
  void holidaysReligiousDaysAndMovedDaysOffOf2026And2027(LocalDate date, DayKind kind, String reason) {
    CalendarDay day = CALENDAR.day(date);
    assertThat(day.kind()).isEqualTo(kind);
    assertThat(day.working()).isFalse();
    assertThat(day.reason()).contains(reason);
  }

  @Test
  void theWeekdaysOff2026AreExactlyThese() {
    assertThat(weekdaysOff(2026)).containsExactly(
        d("2026-01-01"), d("2026-01-02"), d("2026-01-07"), d("2026-03-09"), d("2026-03-23"), d("2026-03-24"),
        d("2026-03-25"), d("2026-05-01"), d("2026-05-07"), d("2026-05-11"), d("2026-05-27"), d("2026-07-06"),
        d("2026-08-31"), d("2026-10-26"), d("2026-12-16"));
    assertThat(weekendsWorked(2026)).isEmpty();
  }

  @Test
  void theWeekdaysOff2027AreExactlyThese() {
    // Kurban Ait 2027 (expected Sunday 16 May) takes no weekday
    assertThat(weekdaysOff(2027)).containsExactly(
        d("2027-01-01"), d("2027-01-04"), d("2027-01-07"), d("2027-03-08"), d("2027-03-22"), d("2027-03-23"),
        d("2027-03-24"), d("2027-05-03"), d("2027-05-07"), d("2027-05-10"), d("2027-07-06"), d("2027-08-30"),
        d("2027-10-25"), d("2027-12-16"));
    assertThat(weekendsWorked(2027)).isEmpty();
  }

  @Test
  void religiousDaysOffAreNeverMoved() {
    // Kurban Ait 2024 fell on Sunday 16 June: Monday 17 June was worked
    assertThat(CALENDAR.day(d("2024-06-16")).kind()).isEqualTo(DayKind.RELIGIOUS_DAY_OFF);
    assertThat(CALENDAR.day(d("2024-06-17")).kind()).isEqualTo(DayKind.WORKING_DAY);
    // Orthodox Christmas 2024 fell on a Sunday: Monday 8 January was worked
    assertThat(CALENDAR.day(d("2024-01-07")).kind()).isEqualTo(DayKind.RELIGIOUS_DAY_OFF);
    assertThat(CALENDAR.isWorkingDay(d("2024-01-08"))).isTrue();
    assertThat(CALENDAR.day(d("2027-05-16")).reason()).contains("never moved", "to be confirmed");
    assertThat(CALENDAR.isWorkingDay(d("2027-05-17"))).isTrue();
  }

  @Test
  void transfersFromTheDaysOffFile() {
    CalendarDay sunday = CALENDAR.day(d("2025-01-05"));
    assertThat(sunday.kind()).isEqualTo(DayKind.TRANSFERRED_WORKING_DAY);
    assertThat(sunday.working()).isTrue();
    assertThat(sunday.reason()).contains("Friday 2025-01-03", "Government decree on the transfer of days off in 2025");
    CalendarDay friday = CALENDAR.day(d("2025-01-03"));
    assertThat(friday.kind()).isEqualTo(DayKind.TRANSFERRED_DAY_OFF);
    assertThat(friday.working()).isFalse();
    assertThat(friday.reason()).contains("Sunday 2025-01-05");
    assertThat(CALENDAR.isWorkingDay(d("2024-05-04"))).isTrue();
    assertThat(CALENDAR.day(d("2024-05-08")).kind()).isEqualTo(DayKind.TRANSFERRED_DAY_OFF);
    // an application arriving on the transferred day off counts from the worked Sunday
    assertThat(CALENDAR.registrationDay(at("2025-01-03T11:00:00+05:00").toInstant())).isEqualTo(d("2025-01-05"));
  }

  @Test
  void plainDays() {
    assertThat(CALENDAR.day(d("2026-03-19"))).isEqualTo(
        new CalendarDay(d("2026-03-19"), DayKind.WORKING_DAY, "working day"));
    assertThat(CALENDAR.day(d("2026-03-28"))).isEqualTo(
        new CalendarDay(d("2026-03-28"), DayKind.WEEKEND, "weekend (Saturday)"));
  }

  @ParameterizedTest(name = "registered {0}, {1} WD → registered on {2}, deadline {3}")
  @CsvSource({
      // a working day in working hours; 15 WD run over Nauryz and its two moved days off
      "2026-03-19T10:00:00+05:00, 15, 2026-03-19, 2026-04-14T18:30+05:00",
      // before working hours counts as that day; the last minute of working hours too
      "2026-03-19T07:45:00+05:00, 15, 2026-03-19, 2026-04-14T18:30+05:00",
      "2026-03-19T18:29:59+05:00, 15, 2026-03-19, 2026-04-14T18:30+05:00",
      // at or after the end of working hours: the next working day
      "2026-03-19T18:30:00+05:00, 15, 2026-03-20, 2026-04-15T18:30+05:00",
      "2026-03-19T22:10:00+05:00, 10, 2026-03-20, 2026-04-08T18:30+05:00",
      // the same moments given in UTC
      "2026-03-19T13:29:00Z,      15, 2026-03-19, 2026-04-14T18:30+05:00",
      "2026-03-19T13:30:00Z,      15, 2026-03-20, 2026-04-15T18:30+05:00",
      // on a weekend within Nauryz: counts from Thursday 26 March
      "2026-03-21T10:00:00+05:00, 10, 2026-03-26, 2026-04-09T18:30+05:00",
      "2026-03-23T10:00:00+05:00,  2, 2026-03-26, 2026-03-30T18:30+05:00",
      // on a holiday, and on a moved day off
      "2026-05-07T09:30:00+05:00,  5, 2026-05-08, 2026-05-18T18:30+05:00",
      "2026-05-11T12:00:00+05:00,  5, 2026-05-12, 2026-05-19T18:30+05:00",
      // 0 WD: the end of the registration day
      "2026-03-19T10:00:00+05:00,  0, 2026-03-19, 2026-03-19T18:30+05:00",
      // year boundary: Dec 31 worked, Jan 1 holiday, Jan 2 (Sat) holiday → Mon Jan 4 off, Jan 7 religious
      "2026-12-30T12:00:00+05:00,  2, 2026-12-30, 2027-01-05T18:30+05:00",
      "2026-12-30T12:00:00+05:00,  5, 2026-12-30, 2027-01-11T18:30+05:00",
      "2026-12-31T19:00:00+05:00,  1, 2027-01-05, 2027-01-06T18:30+05:00",
      // 2028: Jan 1 (Sat) and Jan 2 (Sun) move their days off to Mon 3 and Tue 4 January
      "2027-12-31T10:00:00+05:00,  1, 2027-12-31, 2028-01-05T18:30+05:00",
  })
  void deadlines(String from, int workingDays, LocalDate registeredOn, String deadline) {
    OffsetDateTime registeredAt = at(from);
    assertThat(CALENDAR.registrationDay(registeredAt.toInstant())).isEqualTo(registeredOn);
    assertThat(CALENDAR.deadline(registeredAt.toInstant(), workingDays).toOffsetDateTime())
        .isEqualTo(OffsetDateTime.parse(deadline));
  }

  @Test
  void remindersCountWorkingDaysBackwards() {
    var deadline = CALENDAR.deadline(at("2026-03-19T10:00:00+05:00").toInstant(), 15);
    assertThat(CALENDAR.before(deadline.toInstant(), 2).toOffsetDateTime())
        .isEqualTo(OffsetDateTime.parse("2026-04-10T18:30+05:00"));
    // back over the moved days off of Nauryz
    assertThat(CALENDAR.before(at("2026-03-26T18:30:00+05:00").toInstant(), 1).toOffsetDateTime())
        .isEqualTo(OffsetDateTime.parse("2026-03-20T18:30+05:00"));
  }

  @Test
  void workingTimeNorms() {
    // 1 h from Friday 18:00 before Nauryz: 30 min on Friday, the rest on Thursday 26 March
    assertThat(CALENDAR.plusWorkingTime(at("2026-03-20T18:00:00+05:00").toInstant(), Duration.ofHours(1))
        .toOffsetDateTime()).isEqualTo(OffsetDateTime.parse("2026-03-26T09:30+05:00"));
    assertThat(CALENDAR.plusWorkingTime(at("2026-03-19T10:00:00+05:00").toInstant(), Duration.ofMinutes(90))
        .toOffsetDateTime()).isEqualTo(OffsetDateTime.parse("2026-03-19T11:30+05:00"));
    // from a night: working time starts at 09:00
    assertThat(CALENDAR.plusWorkingTime(at("2026-03-19T02:00:00+05:00").toInstant(), Duration.ofMinutes(10))
        .toOffsetDateTime()).isEqualTo(OffsetDateTime.parse("2026-03-19T09:10+05:00"));
    // exactly up to the end of working hours stays on the day
    assertThat(CALENDAR.plusWorkingTime(at("2026-03-19T17:30:00+05:00").toInstant(), Duration.ofHours(1))
        .toOffsetDateTime()).isEqualTo(OffsetDateTime.parse("2026-03-19T18:30+05:00"));

    WorkingDayCalendar withBreak = new WorkingDayCalendar(new WorkingHours(ALMATY, LocalTime.of(9, 0),
        LocalTime.of(18, 30), LocalTime.of(13, 0), LocalTime.of(14, 30)), List.of(), List.of());
    assertThat(withBreak.plusWorkingTime(at("2026-03-19T12:30:00+05:00").toInstant(), Duration.ofHours(1))
        .toOffsetDateTime()).isEqualTo(OffsetDateTime.parse("2026-03-19T15:00+05:00"));
    assertThatThrownBy(() -> CALENDAR.plusWorkingTime(at("2026-03-19T10:00:00+05:00").toInstant(),
        Duration.ofHours(-1))).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void countsOutOfRangeAreRefused() {
    var now = at("2026-03-19T10:00:00+05:00").toInstant();
    assertThatThrownBy(() -> CALENDAR.deadline(now, -1)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("between 0 and 366");
    assertThatThrownBy(() -> CALENDAR.deadline(now, 367)).isInstanceOf(IllegalArgumentException.class);
    assertThat(CALENDAR.deadline(now, 366).getYear()).isEqualTo(2027);
  }

  @Test
  void contradictingDataIsRefused() {
    var hours = CALENDAR.hours();
    assertThatThrownBy(() -> new WorkingDayCalendar(hours, List.of(), List.of(
        new DayOffTransfer(d("2030-01-05"), d("2030-01-03"), "a"),
        new DayOffTransfer(d("2030-01-06"), d("2030-01-03"), "b"))))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("2030-01-03");
    assertThatThrownBy(() -> new WorkingDayCalendar(hours, List.of(
        new ReligiousDayOff(d("2030-05-05"), "x", "a"), new ReligiousDayOff(d("2030-05-05"), "y", "b")), List.of()))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void gapsNameAYearWithoutKurbanAit() {
    assertThat(CALENDAR.gaps(2026)).isEmpty();
    assertThat(CALENDAR.gaps(2028)).singleElement().asString().contains("Kurban Ait", "2028");
  }

  @Test
  void kazakhstanIsUtcPlusFiveOnThisJdk() {
    WorkingHours hours = new CalendarProperties(null, null, null, null, null).toWorkingHours();
    assertThat(hours.zone()).isEqualTo(ALMATY);
    assertThat(hours.start()).isEqualTo(LocalTime.of(9, 0));
    assertThat(hours.end()).isEqualTo(LocalTime.of(18, 30));
    assertThat(ALMATY.getRules().getOffset(OffsetDateTime.parse("2026-07-01T00:00Z").toInstant()))
        .isEqualTo(ZoneOffset.ofHours(5));
    assertThatThrownBy(() -> new CalendarProperties(null, "18:30-09:00", null, null, null).toWorkingHours())
        .hasMessageContaining("working-hours");
    assertThatThrownBy(() -> new CalendarProperties(null, null, "12:00-20:00", null, null).toWorkingHours())
        .hasMessageContaining("break");
  }

  private static List<LocalDate> weekdaysOff(int year) {
    return days(year).filter(x -> !weekend(x) && !CALENDAR.isWorkingDay(x)).toList();
  }

  private static List<LocalDate> weekendsWorked(int year) {
    return days(year).filter(x -> weekend(x) && CALENDAR.isWorkingDay(x)).toList();
  }

  private static Stream<LocalDate> days(int year) {
    return LocalDate.of(year, 1, 1).datesUntil(LocalDate.of(year + 1, 1, 1));
  }

  private static boolean weekend(LocalDate date) {
    return date.getDayOfWeek() == DayOfWeek.SATURDAY || date.getDayOfWeek() == DayOfWeek.SUNDAY;
  }

  static LocalDate d(String text) {
    return LocalDate.parse(text);
  }

  static OffsetDateTime at(String text) {
    return OffsetDateTime.parse(text);
  }
}
