package kz.egov.workflow.payment;

import java.math.RoundingMode;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import kz.egov.workflow.application.InvalidRequestException;
import kz.egov.workflow.registry.RecordConflictException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.runtime.MessageCorrelationResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The payment gateway's notifications (R2/R5 №1 P4: "the payment information reaches e-licensing"):
 * stored once per payment id, and the application waiting for its payment is woken with the message
 * {@value #MESSAGE} (business key = application reference). With nobody waiting the payment is only
 * stored; the payment check finds it later.
 */
@Service
public class PaymentNotifications {

  public static final String MESSAGE = "PaymentReceived";

  private static final Logger log = LoggerFactory.getLogger(PaymentNotifications.class);

  private final PaymentStore store;
  private final FeeSchedule fees;
  private final RuntimeService runtimeService;
  private final IdentityService identityService;
  private final Clock clock;

  public PaymentNotifications(PaymentStore store, FeeSchedule fees, RuntimeService runtimeService,
      IdentityService identityService) {
    this.store = store;
    this.fees = fees;
    this.runtimeService = runtimeService;
    this.identityService = identityService;
    this.clock = Clock.system(PaymentCheck.KAZAKHSTAN);
  }

  /** What became of a notification: stored now ({@code created}), or a repeat of a stored one. */
  public record Receipt(Payment payment, boolean created, int instancesNotified) {}

  /**
   * @throws InvalidRequestException when the notification is incomplete or wrong (nothing stored)
   * @throws RecordConflictException when the payment id is known with other content (nothing changed)
   * @throws org.springframework.dao.DuplicateKeyException when the same id arrived at the same moment; the
   *     caller repeats the call, which then finds the stored payment
   */
  @Transactional
  public Receipt receive(Payment notification) {
    OffsetDateTime now = OffsetDateTime.now(clock);
    List<String> problems = notification.problems(fees.services(), now);
    if (!problems.isEmpty()) {
      throw new InvalidRequestException(problems);
    }
    Optional<Payment> stored = store.find(notification.paymentId());
    if (stored.isPresent()) {
      if (stored.get().sameNotificationAs(notification)) {
        return new Receipt(stored.get(), false, 0);
      }
      throw new RecordConflictException("Payment " + notification.paymentId()
          + " was already notified with other content; a payment id cannot be reused");
    }
    // amounts to the tiyn and times in Kazakhstan time, as the store gives them back: a repeat answers the same
    Payment payment = new Payment(notification.paymentId(), notification.payerId(),
        notification.amountKzt().setScale(2, RoundingMode.UNNECESSARY), notification.service(),
        notification.applicationReference(), notification.paidAt().withOffsetSameInstant(PaymentCheck.KAZAKHSTAN),
        now.truncatedTo(ChronoUnit.MILLIS));
    store.insert(payment);
    int notified = notifyWaitingApplication(payment);
    log.info("Payment {} of {} KZT for application {} stored; {} waiting instance(s) notified",
        payment.paymentId(), payment.amountKzt(), payment.applicationReference(), notified);
    return new Receipt(payment, true, notified);
  }

  /**
   * The gateway's group has no rights on process instances: the check that it may notify is the
   * endpoint's, and the engine correlates as the system, not as the caller.
   */
  private int notifyWaitingApplication(Payment payment) {
    Authentication caller = identityService.getCurrentAuthentication();
    identityService.clearAuthentication();
    try {
      List<MessageCorrelationResult> results = runtimeService.createMessageCorrelation(MESSAGE)
          .processInstanceBusinessKey(payment.applicationReference())
          .setVariable("lastPaymentId", payment.paymentId())
          .correlateAllWithResult();
      return results.size();
    } finally {
      if (caller != null) {
        identityService.setAuthentication(caller);
      }
    }
  }
}
