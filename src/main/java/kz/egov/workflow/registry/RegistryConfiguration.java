package kz.egov.workflow.registry;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Chooses the registries' adapter: {@code egov.registry.adapter: embedded} (default) or {@code http}. */
@Configuration
class RegistryConfiguration {

  @Bean
  @ConditionalOnProperty(prefix = "egov.registry", name = "adapter", havingValue = "embedded", matchIfMissing = true)
  EmbeddedRegistries embeddedRegistries(RegistryStore store) {
    return new EmbeddedRegistries(store);
  }

  @Bean
  @ConditionalOnProperty(prefix = "egov.registry", name = "adapter", havingValue = "http")
  HttpRegistries httpRegistries(RegistryProperties properties, ObjectMapper json) {
    return new HttpRegistries(properties.http().requireBaseUrl("egov.registry"), json);
  }
}
