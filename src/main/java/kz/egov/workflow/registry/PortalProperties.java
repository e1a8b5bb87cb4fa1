package kz.egov.workflow.registry;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code egov.portal}: which adapter answers for the e-gov portal's register of accounts (C1 of the portal
 * diagrams). Who may change the embedded one is {@code egov.registry.writer-groups}, as for the registries.
 */
@ConfigurationProperties("egov.portal")
public record PortalProperties(StateSystemAdapter adapter, GatewayEndpoint http) {

  public PortalProperties {
    adapter = adapter == null ? StateSystemAdapter.EMBEDDED : adapter;
    http = http == null ? new GatewayEndpoint(null, null, null, null, null) : http;
  }
}
