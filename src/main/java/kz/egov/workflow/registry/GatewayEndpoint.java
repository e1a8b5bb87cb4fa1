package kz.egov.workflow.registry;

import java.net.URI;
import java.time.Duration;

/**
 * Where and how to reach a state system over HTTP: base URL, timeouts and the gateway's HTTP Basic
 * credentials (from the environment in production, never from the repository).
 */
public record GatewayEndpoint(URI baseUrl, Duration connectTimeout, Duration readTimeout, String username,
    String password) {

  public GatewayEndpoint {
    connectTimeout = connectTimeout == null ? Duration.ofSeconds(2) : connectTimeout;
    readTimeout = readTimeout == null ? Duration.ofSeconds(10) : readTimeout;
  }

  public static GatewayEndpoint of(String baseUrl, Duration connectTimeout, Duration readTimeout) {
    return new GatewayEndpoint(URI.create(baseUrl), connectTimeout, readTimeout, null, null);
  }

  /** Fails at start-up rather than at the first application when the HTTP adapter is chosen without a URL. */
  public GatewayEndpoint requireBaseUrl(String property) {
    if (baseUrl == null || baseUrl.toString().isBlank()) {
      throw new IllegalStateException(property + ".adapter is http but " + property + ".http.base-url is not set");
    }
    return this;
  }
}
