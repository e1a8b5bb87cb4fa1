package kz.egov.workflow.payment;

import java.util.List;

/** The payments the gateway has notified us of ({@code POST /api/v1/payments}), from our own table. */
public class EmbeddedPaymentGateway implements PaymentGateway {

  private final PaymentStore store;

  public EmbeddedPaymentGateway(PaymentStore store) {
    this.store = store;
  }

  @Override
  public List<Payment> paymentsFor(String applicationReference) {
    return store.forApplication(applicationReference);
  }
}
