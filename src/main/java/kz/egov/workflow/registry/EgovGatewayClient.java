package kz.egov.workflow.registry;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/**
 * JSON over HTTP to one state system behind the e-gov gateway (JDK HttpClient, no extra dependency).
 * "Not found" (404) is an answer; everything else that is not a readable 2xx is
 * {@link StateSystemUnavailableException}, so that the process retries and then raises an incident.
 */
public final class EgovGatewayClient {

  private final String system;
  private final GatewayEndpoint endpoint;
  private final ObjectMapper json;
  private final HttpClient http;

  public EgovGatewayClient(String system, GatewayEndpoint endpoint, ObjectMapper json) {
    this.system = system;
    this.endpoint = endpoint;
    this.json = json;
    this.http = HttpClient.newBuilder().connectTimeout(endpoint.connectTimeout())
        .followRedirects(HttpClient.Redirect.NEVER).build();
  }

  public String system() {
    return system;
  }

  /** GET {@code path}; empty when the system answers 404. */
  public Optional<JsonNode> get(String path) {
    HttpResponse<String> response = send(request(path).GET().build());
    if (response.statusCode() == 404) {
      return Optional.empty();
    }
    return Optional.of(body(response));
  }

  /** POST {@code body} as JSON to {@code path}; the answer's JSON. */
  public JsonNode post(String path, Object body) {
    String payload;
    try {
      payload = json.writeValueAsString(body);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("cannot write the request to " + system, e);
    }
    HttpResponse<String> response = send(request(path).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(payload, StandardCharsets.UTF_8)).build());
    if (response.statusCode() == 404) {
      throw new StateSystemUnavailableException(system, "POST " + path + " answered 404: wrong base URL?");
    }
    return body(response);
  }

  /** Reads a field of an answer, or calls the answer malformed. */
  public <T> T read(JsonNode node, Class<T> type) {
    try {
      return json.readerFor(type).without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).readValue(node);
    } catch (JsonProcessingException e) {
      throw malformed("cannot read " + type.getSimpleName() + ": " + e.getOriginalMessage());
    } catch (IOException | IllegalArgumentException e) {
      throw malformed("cannot read " + type.getSimpleName() + ": " + e.getMessage());
    }
  }

  public StateSystemUnavailableException malformed(String reason) {
    return new StateSystemUnavailableException(system, "malformed answer: " + reason);
  }

  /** A path segment with everything but unreserved characters percent-encoded. */
  public static String segment(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }

  private HttpRequest.Builder request(String path) {
    String base = endpoint.baseUrl().toString();
    URI uri = URI.create(base.endsWith("/") ? base + path.replaceFirst("^/", "") : base + path);
    HttpRequest.Builder builder = HttpRequest.newBuilder(uri).timeout(endpoint.readTimeout())
        .header("Accept", "application/json");
    if (endpoint.username() != null && !endpoint.username().isBlank()) {
      String credentials = endpoint.username() + ":" + (endpoint.password() == null ? "" : endpoint.password());
      builder.header("Authorization",
          "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
    }
    return builder;
  }

  private HttpResponse<String> send(HttpRequest request) {
    try {
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      int status = response.statusCode();
      if (status != 404 && (status < 200 || status > 299)) {
        throw new StateSystemUnavailableException(system, request.method() + " " + request.uri().getPath()
            + " answered HTTP " + status);
      }
      return response;
    } catch (HttpTimeoutException e) {
      throw new StateSystemUnavailableException(system, "no answer within " + endpoint.readTimeout().toMillis()
          + " ms (" + request.uri() + ")", e);
    } catch (IOException e) {
      throw new StateSystemUnavailableException(system, "cannot reach " + request.uri() + ": " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StateSystemUnavailableException(system, "interrupted while waiting for " + request.uri(), e);
    }
  }

  private JsonNode body(HttpResponse<String> response) {
    try {
      JsonNode node = json.readTree(response.body());
      if (node == null || node.isMissingNode()) {
        throw malformed("empty body");
      }
      return node;
    } catch (JsonProcessingException e) {
      throw malformed("not JSON: " + e.getOriginalMessage());
    }
  }
}
