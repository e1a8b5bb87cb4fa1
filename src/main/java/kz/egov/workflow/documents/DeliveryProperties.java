package kz.egov.workflow.documents;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code egov.delivery}: how results reach applicants besides the portal's cabinet. The SMTP server itself is Spring
 * Boot's {@code spring.mail.*} ({@code SPRING_MAIL_HOST}, {@code SPRING_MAIL_PORT}, ...); here the sender's address
 * and the time an SMTP server may take before the step fails and is retried.
 */
@ConfigurationProperties("egov.delivery")
public record DeliveryProperties(Mail mail) {

  public DeliveryProperties {
    mail = mail == null ? new Mail(null, null) : mail;
  }

  /** @param from the provider's sending address; @param timeout connect, read and write timeout of the SMTP session */
  public record Mail(String from, Duration timeout) {

    public Mail {
      from = from == null || from.isBlank() ? "no-reply@egov.localhost" : from.strip();
      timeout = timeout == null ? Duration.ofSeconds(20) : timeout;
    }
  }
}
