package kz.egov.workflow.notification;

import java.time.Duration;
import kz.egov.workflow.registry.GatewayEndpoint;
import kz.egov.workflow.registry.StateSystemAdapter;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code egov.notification}: which SMS gateway texts the applicants ({@code embedded} or {@code http}) and the
 * rules of one-time passwords (R3 item 9, P3).
 */
@ConfigurationProperties("egov.notification")
public record NotificationProperties(StateSystemAdapter adapter, GatewayEndpoint http, Otp otp) {

  public NotificationProperties {
    adapter = adapter == null ? StateSystemAdapter.EMBEDDED : adapter;
    http = http == null ? new GatewayEndpoint(null, null, null, null, null) : http;
    otp = otp == null ? new Otp(null, 0, null, 0, 0, 0) : otp;
  }

  /**
   * @param ttl how long a code may be used after it was sent
   * @param length digits of a code
   * @param resendInterval the least time between two codes to one phone
   * @param perPhonePerHour codes to one phone within an hour
   * @param perApplicationPerHour codes for one application within an hour
   * @param maxAttempts wrong codes after which the code is blocked
   */
  public record Otp(Duration ttl, int length, Duration resendInterval, int perPhonePerHour,
      int perApplicationPerHour, int maxAttempts) {

    public Otp {
      ttl = ttl == null ? Duration.ofMinutes(5) : ttl;
      length = length <= 0 ? 6 : length;
      resendInterval = resendInterval == null ? Duration.ofSeconds(60) : resendInterval;
      perPhonePerHour = perPhonePerHour <= 0 ? 5 : perPhonePerHour;
      perApplicationPerHour = perApplicationPerHour <= 0 ? 5 : perApplicationPerHour;
      maxAttempts = maxAttempts <= 0 ? 3 : maxAttempts;
      if (length < 4 || length > 10) {
        throw new IllegalStateException("egov.notification.otp.length: 4 to 10 digits, not " + length);
      }
    }
  }
}
