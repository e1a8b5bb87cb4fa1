package kz.egov.workflow.payment;

import java.math.BigDecimal;
import java.util.Map;
import java.util.TreeMap;
import kz.egov.workflow.registry.GatewayEndpoint;
import kz.egov.workflow.registry.StateSystemAdapter;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code egov.payment}: the payment gateway's adapter, the monthly calculation index (MCI, МРП) per year,
 * and the licence fees in MCI (see docs/state-systems.md for their source and assumptions).
 */
@ConfigurationProperties("egov.payment")
public record PaymentProperties(StateSystemAdapter adapter, GatewayEndpoint http, Map<Integer, BigDecimal> mciKzt,
    Fees fees) {

  public PaymentProperties {
    adapter = adapter == null ? StateSystemAdapter.EMBEDDED : adapter;
    http = http == null ? new GatewayEndpoint(null, null, null, null, null) : http;
    mciKzt = mciKzt == null ? Map.of() : new TreeMap<>(mciKzt);
    fees = fees == null ? new Fees(null, null, null, null) : fees;
  }

  /**
   * Fees per service (the regulation's folder name, e.g. {@code scrap-metal-license}) for issuance, in MCI;
   * re-issuance is a share of it with a cap, a duplicate a share of it.
   */
  public record Fees(Map<String, BigDecimal> issuanceMci, BigDecimal reIssuanceShare, BigDecimal reIssuanceCapMci,
      BigDecimal duplicateShare) {

    public Fees {
      issuanceMci = issuanceMci == null ? Map.of() : new TreeMap<>(issuanceMci);
      reIssuanceShare = reIssuanceShare == null ? new BigDecimal("0.10") : reIssuanceShare;
      reIssuanceCapMci = reIssuanceCapMci == null ? new BigDecimal("4") : reIssuanceCapMci;
      duplicateShare = duplicateShare == null ? BigDecimal.ONE : duplicateShare;
    }
  }
}
