package kz.egov.workflow.payment;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Amounts as a clerk reads them: {@code 43250.00 KZT}. */
final class Money {

  private Money() {}

  static String kzt(BigDecimal amount) {
    return amount.setScale(2, RoundingMode.HALF_UP).toPlainString() + " KZT";
  }
}
