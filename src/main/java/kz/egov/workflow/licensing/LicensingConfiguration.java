package kz.egov.workflow.licensing;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

/** Chooses the e-licensing register's adapter: {@code egov.licensing.adapter: embedded} (default) or {@code http}. */
@Configuration
class LicensingConfiguration {

  @Bean
  @ConditionalOnProperty(prefix = "egov.licensing", name = "adapter", havingValue = "embedded", matchIfMissing = true)
  EmbeddedLicensingRegister embeddedLicensingRegister(JdbcTemplate jdbc, PlatformTransactionManager transactions) {
    return new EmbeddedLicensingRegister(jdbc, transactions);
  }

  @Bean
  @ConditionalOnProperty(prefix = "egov.licensing", name = "adapter", havingValue = "http")
  HttpLicensingRegister httpLicensingRegister(LicensingProperties properties, ObjectMapper json) {
    return new HttpLicensingRegister(properties.http().requireBaseUrl("egov.licensing"), json);
  }
}
