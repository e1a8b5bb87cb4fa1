package kz.egov.workflow.payment;

import java.util.List;
import kz.egov.workflow.registry.RecordNotFoundException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/v1/payments}: the payment gateway's notification, idempotent by payment id (201 when
 * stored, 200 with the stored payment for a repeat, 409 for a repeat with other content).
 */
@RestController
@RequestMapping("/api/v1/payments")
class PaymentController {

  private final PaymentNotifications notifications;
  private final PaymentStore store;

  PaymentController(PaymentNotifications notifications, PaymentStore store) {
    this.notifications = notifications;
    this.store = store;
  }

  @PostMapping(consumes = "application/json")
  @PreAuthorize("@stateSystemAccess.mayNotifyPayment(authentication)")
  ResponseEntity<Payment> notify(@RequestBody Payment notification) {
    PaymentNotifications.Receipt receipt;
    try {
      receipt = notifications.receive(notification);
    } catch (DuplicateKeyException e) {
      // the same payment id arrived twice at once: the other request stored it, so this is a repeat
      receipt = notifications.receive(notification);
    }
    return ResponseEntity.status(receipt.created() ? HttpStatus.CREATED : HttpStatus.OK).body(receipt.payment());
  }

  @GetMapping("/{paymentId}")
  @PreAuthorize("@stateSystemAccess.mayRead(authentication) or @stateSystemAccess.mayNotifyPayment(authentication)")
  Payment payment(@PathVariable String paymentId) {
    return store.find(paymentId).orElseThrow(() -> new RecordNotFoundException("No payment " + paymentId));
  }

  @GetMapping
  @PreAuthorize("@stateSystemAccess.mayRead(authentication)")
  List<Payment> payments(@RequestParam String applicationReference) {
    return store.forApplication(applicationReference);
  }
}
