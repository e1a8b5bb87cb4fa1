package kz.egov.workflow.payment;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * C2 of R2 and R5 diagram №1: is the application paid in full for its kind of request? Counts every
 * payment the gateway reports for the application and the service; the fee is taken at the MCI of the
 * year of the latest payment (the fee is due when paid), or of {@code today} when nothing is paid.
 */
@Component
public class PaymentCheck {

  /** Kazakhstan has had one time zone, UTC+5, since 1 March 2024. */
  static final ZoneOffset KAZAKHSTAN = ZoneOffset.ofHours(5);

  private final PaymentGateway gateway;
  private final FeeSchedule fees;

  public PaymentCheck(PaymentGateway gateway, FeeSchedule fees) {
    this.gateway = gateway;
    this.fees = fees;
  }

  public PaymentVerdict check(String applicationReference, String service, RequestKind kind, LocalDate today) {
    List<Payment> payments = gateway.paymentsFor(applicationReference).stream()
        .filter(p -> service.equals(p.service())).toList();
    int year = payments.stream().map(Payment::paidAt).max(Comparator.naturalOrder())
        .map(t -> t.atZoneSameInstant(KAZAKHSTAN).getYear()).orElse(today.getYear());
    FeeSchedule.Fee fee = fees.due(service, kind, year);
    BigDecimal paid = payments.stream().map(Payment::amountKzt).reduce(BigDecimal.ZERO, BigDecimal::add);
    BigDecimal shortfall = fee.amountKzt().subtract(paid).max(BigDecimal.ZERO);
    boolean complete = shortfall.signum() == 0;
    String reason;
    if (payments.isEmpty()) {
      reason = "No payment for application " + applicationReference + "; due " + fee.explanation();
    } else if (complete) {
      reason = "Paid " + Money.kzt(paid) + " of " + Money.kzt(fee.amountKzt()) + " (" + fee.explanation() + ")";
    } else {
      reason = "Paid " + Money.kzt(paid) + " of " + Money.kzt(fee.amountKzt()) + ", " + Money.kzt(shortfall)
          + " missing (" + fee.explanation() + ")";
    }
    return new PaymentVerdict(complete, fee.amountKzt(), paid.setScale(2, java.math.RoundingMode.HALF_UP),
        shortfall.setScale(2, java.math.RoundingMode.HALF_UP), year, reason);
  }
}
