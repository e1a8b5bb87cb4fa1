package kz.egov.workflow.notification;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/** Chooses the SMS gateway: {@code egov.notification.adapter: embedded} (default) or {@code http}. */
@Configuration
class NotificationConfiguration {

  @Bean
  @ConditionalOnProperty(prefix = "egov.notification", name = "adapter", havingValue = "embedded",
      matchIfMissing = true)
  EmbeddedSmsGateway embeddedSmsGateway(JdbcTemplate jdbc) {
    return new EmbeddedSmsGateway(jdbc);
  }

  @Bean
  @ConditionalOnProperty(prefix = "egov.notification", name = "adapter", havingValue = "http")
  HttpSmsGateway httpSmsGateway(NotificationProperties properties, ObjectMapper json) {
    return new HttpSmsGateway(properties.http().requireBaseUrl("egov.notification"), json);
  }
}
