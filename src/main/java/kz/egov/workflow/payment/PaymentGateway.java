package kz.egov.workflow.payment;

import java.util.List;

/** Port to the payment gateway (ПШЭП): what has been paid for an application (R2/R5 №1 P4-C2). */
public interface PaymentGateway {

  /**
   * Every payment reported for the application, oldest first; empty when nothing has been paid.
   *
   * @throws kz.egov.workflow.registry.StateSystemUnavailableException when the gateway gives no usable answer
   */
  List<Payment> paymentsFor(String applicationReference);
}
