package kz.egov.workflow.licensing;

import kz.egov.workflow.registry.GatewayEndpoint;
import kz.egov.workflow.registry.StateSystemAdapter;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** {@code egov.licensing}: the e-licensing register's adapter and, for {@code http}, where it is. */
@ConfigurationProperties("egov.licensing")
public record LicensingProperties(StateSystemAdapter adapter, GatewayEndpoint http) {

  public LicensingProperties {
    adapter = adapter == null ? StateSystemAdapter.EMBEDDED : adapter;
    http = http == null ? new GatewayEndpoint(null, null, null, null, null) : http;
  }
}
