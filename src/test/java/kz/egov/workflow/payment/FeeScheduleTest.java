package kz.egov.workflow.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FeeScheduleTest {

  static final PaymentProperties PROPERTIES = new PaymentProperties(null, null,
      Map.of(2024, new BigDecimal("3692"), 2025, new BigDecimal("3932"), 2026, new BigDecimal("4325")),
      new PaymentProperties.Fees(Map.of("scrap-metal-license", BigDecimal.TEN, "big-licence", new BigDecimal("50")),
          null, null, null));

  final FeeSchedule fees = new FeeSchedule(PROPERTIES);

  @Test
  void issuanceIsTheServicesMciTimesTheYearsMci() {
    assertThat(fees.due("scrap-metal-license", RequestKind.ISSUANCE, 2026).amountKzt()).isEqualByComparingTo("43250.00");
    assertThat(fees.due("scrap-metal-license", RequestKind.ISSUANCE, 2025).amountKzt()).isEqualByComparingTo("39320.00");
    assertThat(fees.due("scrap-metal-license", RequestKind.ISSUANCE, 2024).amountKzt()).isEqualByComparingTo("36920.00");
  }

  @Test
  void reIssuanceIsATenthCappedAtFourMciAndADuplicateTheFullFee() {
    assertThat(fees.due("scrap-metal-license", RequestKind.REISSUANCE, 2026).amountKzt()).isEqualByComparingTo("4325.00");
    assertThat(fees.due("big-licence", RequestKind.REISSUANCE, 2026).amountKzt()).isEqualByComparingTo("17300.00");
    assertThat(fees.due("scrap-metal-license", RequestKind.DUPLICATE, 2026).amountKzt()).isEqualByComparingTo("43250.00");
    assertThat(fees.due("scrap-metal-license", RequestKind.REISSUANCE, 2026).explanation())
        .isEqualTo("1 MCI × 4325 KZT (MCI 2026) = 4325.00 KZT for re-issuance of scrap-metal-license");
  }

  @Test
  void aMissingServiceOrYearIsAConfigurationGapWithAClearMessage() {
    assertThatThrownBy(() -> fees.due("scrap-metal-license", RequestKind.ISSUANCE, 2027))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("egov.payment.mci-kzt.2027");
    assertThatThrownBy(() -> fees.due("unknown", RequestKind.ISSUANCE, 2026))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("egov.payment.fees.issuance-mci.unknown");
  }

  @Test
  void requestKindsReadTheirCodes() {
    assertThat(RequestKind.ofCode("re-issuance")).contains(RequestKind.REISSUANCE);
    assertThat(RequestKind.ofCode("DUPLICATE")).contains(RequestKind.DUPLICATE);
    assertThat(RequestKind.ofCode("renewal")).isEmpty();
  }
}
