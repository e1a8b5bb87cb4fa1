package kz.egov.workflow.registry;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Chooses the portal accounts' adapter: {@code egov.portal.adapter: embedded} (default) or {@code http}. */
@Configuration
class PortalAccountsConfiguration {

  @Bean
  @ConditionalOnProperty(prefix = "egov.portal", name = "adapter", havingValue = "embedded", matchIfMissing = true)
  EmbeddedPortalAccounts embeddedPortalAccounts(RegistryStore store) {
    return new EmbeddedPortalAccounts(store);
  }

  @Bean
  @ConditionalOnProperty(prefix = "egov.portal", name = "adapter", havingValue = "http")
  HttpPortalAccounts httpPortalAccounts(PortalProperties properties, ObjectMapper json) {
    return new HttpPortalAccounts(properties.http().requireBaseUrl("egov.portal"), json);
  }
}
