package kz.egov.workflow.payment;

import kz.egov.workflow.identity.IdentificationNumbers;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A payment as the payment gateway (ПШЭП) reports it: its own id, the payer's IIN/BIN, the amount in KZT,
 * the service and the application it pays for, and when it was paid. {@code receivedAt} is ours: when
 * the notification reached us (empty in a notification).
 */
public record Payment(String paymentId, String payerId, BigDecimal amountKzt, String service,
    String applicationReference, OffsetDateTime paidAt, OffsetDateTime receivedAt) {

  private static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

  /**
   * Everything wrong with a notification, checked before anything is stored. {@code knownServices} and
   * {@code now} may be null to check the shape only (answers of the real gateway).
   */
  public List<String> problems(Set<String> knownServices, OffsetDateTime now) {
    List<String> problems = new ArrayList<>();
    if (paymentId == null || paymentId.isBlank()) {
      problems.add("paymentId: required");
    } else if (!paymentId.matches("[A-Za-z0-9._:-]{1,64}")) {
      problems.add("paymentId: 1 to 64 letters, digits, '.', '_', ':' or '-'");
    }
    IdentificationNumbers.iinOrBinProblem(payerId).ifPresent(p -> problems.add("payerId: " + p));
    if (amountKzt == null) {
      problems.add("amountKzt: required");
    } else if (amountKzt.signum() <= 0) {
      problems.add("amountKzt: must be more than 0");
    } else if (amountKzt.stripTrailingZeros().scale() > 2 || amountKzt.precision() - amountKzt.scale() > 13) {
      problems.add("amountKzt: at most 13 digits of tenge and 2 of tiyn");
    }
    if (service == null || service.isBlank()) {
      problems.add("service: required");
    } else if (knownServices != null && !knownServices.contains(service)) {
      problems.add("service: '" + service + "' is not a paid service here (known: " + String.join(", ",
          knownServices.stream().sorted().toList()) + ")");
    }
    if (applicationReference == null || applicationReference.isBlank()) {
      problems.add("applicationReference: required");
    } else if (applicationReference.length() > 64) {
      problems.add("applicationReference: at most 64 characters");
    }
    if (paidAt == null) {
      problems.add("paidAt: required (ISO 8601 with offset, e.g. 2026-03-02T10:15:00+05:00)");
    } else if (now != null && paidAt.isAfter(now.plus(CLOCK_SKEW))) {
      problems.add("paidAt: " + paidAt.withOffsetSameInstant(now.getOffset()) + " is in the future");
    }
    return problems;
  }

  /** The same notification, whatever the notation of amount and time: a repeat, not a different payment. */
  public boolean sameNotificationAs(Payment other) {
    return Objects.equals(paymentId, other.paymentId) && Objects.equals(payerId, other.payerId)
        && amountKzt.compareTo(other.amountKzt) == 0 && Objects.equals(service, other.service)
        && Objects.equals(applicationReference, other.applicationReference) && paidAt.isEqual(other.paidAt);
  }
}
