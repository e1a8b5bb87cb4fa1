package kz.egov.workflow.calendar;

import java.time.LocalDate;

/**
 * One transfer of a day off by a government act: {@code workedDay} (a Saturday or Sunday) is worked and
 * {@code dayOff} (a weekday) is not. {@code act} names the act so that a clerk can look it up.
 */
public record DayOffTransfer(LocalDate workedDay, LocalDate dayOff, String act) {}
