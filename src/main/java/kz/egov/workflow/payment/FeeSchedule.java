package kz.egov.workflow.payment;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * What a licensing request costs: the licence fee (Tax Code, "сбор за право занятия отдельными видами
 * деятельности") in MCI for issuance; re-issuance a share of it, capped; a duplicate a share of it; times the
 * MCI of the year. All numbers are configuration ({@code egov.payment}), none are in code.
 */
@Component
public class FeeSchedule {

  /** A fee: how many MCI, the MCI of which year, and the amount in KZT (to the tiyn). */
  public record Fee(String service, RequestKind kind, int year, BigDecimal mci, BigDecimal mciKzt,
      BigDecimal amountKzt) {

    public String explanation() {
      return mci.stripTrailingZeros().toPlainString() + " MCI × " + mciKzt.stripTrailingZeros().toPlainString()
          + " KZT (MCI " + year + ") = " + Money.kzt(amountKzt) + " for " + kind.code() + " of " + service;
    }
  }

  private final PaymentProperties properties;

  public FeeSchedule(PaymentProperties properties) {
    this.properties = properties;
  }

  public Set<String> services() {
    return properties.fees().issuanceMci().keySet();
  }

  /**
   * @throws IllegalStateException when the configuration lacks the service or the year's MCI: a
   *     configuration gap, not the applicant's fault, so the step becomes an incident until it is fixed
   */
  public Fee due(String service, RequestKind kind, int year) {
    PaymentProperties.Fees fees = properties.fees();
    BigDecimal issuance = fees.issuanceMci().get(service);
    if (issuance == null) {
      throw new IllegalStateException("No fee configured for service '" + service
          + "': add egov.payment.fees.issuance-mci." + service);
    }
    BigDecimal mciKzt = properties.mciKzt().get(year);
    if (mciKzt == null) {
      throw new IllegalStateException("No MCI configured for " + year + ": add egov.payment.mci-kzt." + year);
    }
    BigDecimal mci = switch (kind) {
      case ISSUANCE -> issuance;
      case REISSUANCE -> issuance.multiply(fees.reIssuanceShare()).min(fees.reIssuanceCapMci());
      case DUPLICATE -> issuance.multiply(fees.duplicateShare());
    };
    return new Fee(service, kind, year, mci, mciKzt, mci.multiply(mciKzt).setScale(2, RoundingMode.HALF_UP));
  }
}
