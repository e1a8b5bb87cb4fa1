package kz.egov.workflow.calendar;

import java.time.LocalDate;
import java.time.MonthDay;
import java.util.List;
import java.util.Optional;

/**
 * The public holidays of the Law of the Republic of Kazakhstan "On holidays" (as amended in 2022: Republic
 * Day added, December 17 dropped). A holiday that falls on a Saturday or Sunday moves that day off to the
 * next working day; religious days off are not in this list because they are never moved.
 */
public enum PublicHoliday {
  NEW_YEAR_1(MonthDay.of(1, 1), "New Year", "Жаңа жыл", "Новый год"),
  NEW_YEAR_2(MonthDay.of(1, 2), "New Year", "Жаңа жыл", "Новый год"),
  WOMENS_DAY(MonthDay.of(3, 8), "International Women's Day", "Халықаралық әйелдер күні",
      "Международный женский день"),
  NAURYZ_1(MonthDay.of(3, 21), "Nauryz meiramy", "Наурыз мейрамы", "Наурыз мейрамы"),
  NAURYZ_2(MonthDay.of(3, 22), "Nauryz meiramy", "Наурыз мейрамы", "Наурыз мейрамы"),
  NAURYZ_3(MonthDay.of(3, 23), "Nauryz meiramy", "Наурыз мейрамы", "Наурыз мейрамы"),
  UNITY_DAY(MonthDay.of(5, 1), "Kazakhstan People's Unity Day", "Қазақстан халқының бірлігі мерекесі",
      "Праздник единства народа Казахстана"),
  DEFENDERS_DAY(MonthDay.of(5, 7), "Defender of the Fatherland Day", "Отан қорғаушы күні",
      "День защитника Отечества"),
  VICTORY_DAY(MonthDay.of(5, 9), "Victory Day", "Жеңіс күні", "День Победы"),
  CAPITAL_DAY(MonthDay.of(7, 6), "Capital Day", "Астана күні", "День столицы"),
  CONSTITUTION_DAY(MonthDay.of(8, 30), "Constitution Day", "Конституция күні", "День Конституции"),
  REPUBLIC_DAY(MonthDay.of(10, 25), "Republic Day", "Республика күні", "День Республики"),
  INDEPENDENCE_DAY(MonthDay.of(12, 16), "Independence Day", "Тәуелсіздік күні", "День Независимости");

  private final MonthDay day;
  private final String name;
  private final String nameKk;
  private final String nameRu;

  PublicHoliday(MonthDay day, String name, String nameKk, String nameRu) {
    this.day = day;
    this.name = name;
    this.nameKk = nameKk;
    this.nameRu = nameRu;
  }

  public MonthDay day() {
    return day;
  }

  public String holidayName() {
    return name;
  }

  public String nameKk() {
    return nameKk;
  }

  public String nameRu() {
    return nameRu;
  }

  public LocalDate in(int year) {
    return day.atYear(year);
  }

  public static Optional<PublicHoliday> on(LocalDate date) {
    MonthDay monthDay = MonthDay.from(date);
    for (PublicHoliday holiday : values()) {
      if (holiday.day.equals(monthDay)) {
        return Optional.of(holiday);
      }
    }
    return Optional.empty();
  }

  /** This year's holidays in date order (the enum's order is the calendar's). */
  public static List<PublicHoliday> inOrder() {
    return List.of(values());
  }
}
