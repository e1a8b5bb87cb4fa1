package kz.egov.workflow.audit;

import java.time.LocalDate;
import java.util.Set;

/**
 * Which applications a report covers: submitted from {@code from} to {@code to} (inclusive days in the
 * calendar's zone; null = open), of a service and a provider, with or without breaches.
 *
 * @param visibleProviders the providers the caller may see; null for all (auditors, administrators)
 */
public record ReportQuery(String service, String provider, LocalDate from, LocalDate to, Breach breached,
    Set<String> visibleProviders) {

  boolean visible(String applicationProvider) {
    return visibleProviders == null || visibleProviders.contains(applicationProvider);
  }
}
