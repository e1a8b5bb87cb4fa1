package kz.egov.workflow.registry;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code egov.registry}: which adapter answers for the individuals, legal-entities and notary registries
 * (all three are reached through the same e-gov gateway), and who may change the embedded ones.
 */
@ConfigurationProperties("egov.registry")
public record RegistryProperties(StateSystemAdapter adapter, GatewayEndpoint http, List<String> writerGroups) {

  public RegistryProperties {
    adapter = adapter == null ? StateSystemAdapter.EMBEDDED : adapter;
    http = http == null ? new GatewayEndpoint(null, null, null, null, null) : http;
    writerGroups = writerGroups == null || writerGroups.isEmpty() ? List.of("camunda-admin") : List.copyOf(writerGroups);
  }
}
