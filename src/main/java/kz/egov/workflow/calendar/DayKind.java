package kz.egov.workflow.calendar;

/** Why a day is or is not a working day. */
public enum DayKind {
  WORKING_DAY(true),
  WEEKEND(false),
  PUBLIC_HOLIDAY(false),
  /** A weekday off because a public holiday fell on a Saturday or Sunday. */
  MOVED_DAY_OFF(false),
  /** Orthodox Christmas, the first day of Kurban Ait: off on the day itself, never moved. */
  RELIGIOUS_DAY_OFF(false),
  /** A weekday made a day off by the government's yearly act. */
  TRANSFERRED_DAY_OFF(false),
  /** A Saturday or Sunday worked by the government's yearly act. */
  TRANSFERRED_WORKING_DAY(true);

  private final boolean working;

  DayKind(boolean working) {
    this.working = working;
  }

  public boolean working() {
    return working;
  }
}
