package kz.egov.workflow.calendar;

import java.time.LocalDate;

/**
 * A religious day off of one year (the first day of Kurban Ait, whose date the government announces each
 * year). Off on the day itself; when it falls on a Saturday or Sunday nothing moves.
 */
public record ReligiousDayOff(LocalDate date, String name, String act) {}
