package kz.egov.workflow.payment;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Chooses the payment gateway's adapter: {@code egov.payment.adapter: embedded} (default) or {@code http}. */
@Configuration
class PaymentConfiguration {

  @Bean
  @ConditionalOnProperty(prefix = "egov.payment", name = "adapter", havingValue = "embedded", matchIfMissing = true)
  EmbeddedPaymentGateway embeddedPaymentGateway(PaymentStore store) {
    return new EmbeddedPaymentGateway(store);
  }

  @Bean
  @ConditionalOnProperty(prefix = "egov.payment", name = "adapter", havingValue = "http")
  HttpPaymentGateway httpPaymentGateway(PaymentProperties properties, ObjectMapper json) {
    return new HttpPaymentGateway(properties.http().requireBaseUrl("egov.payment"), json);
  }
}
