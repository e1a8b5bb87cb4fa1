package kz.egov.workflow.access;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;

/**
 * The engine's REST API as one user reaches it: {@code /engine-rest} with HTTP Basic, or the webapps' copy
 * ({@code /camunda/api/engine/engine/default}) that Tasklist and Cockpit call, with the session and CSRF token of
 * a login to one of the webapps.
 */
final class EngineApi {

  static final ObjectMapper JSON = new ObjectMapper();

  record Answer(int status, String body) {
    JsonNode json() {
      try {
        return JSON.readTree(body == null ? "null" : body);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    boolean ok() {
      return status >= 200 && status < 300;
    }
  }

  private final TestRestTemplate http;
  private final String root;
  private final String user;
  private final String password;
  private final Map<String, String> cookies = new LinkedHashMap<>();
  private final String label;

  private EngineApi(TestRestTemplate http, String root, String user, String password, String label) {
    this.http = http;
    this.root = root;
    this.user = user;
    this.password = password;
    this.label = label;
  }

  static EngineApi engineRest(TestRestTemplate http, String user, String password) {
    return new EngineApi(http, "/engine-rest", user, password, "engine-rest as " + user);
  }

  /** Signs in to a webapp as its login page does (the CSRF token of the page's cookie goes back as a header). */
  static EngineApi webapp(TestRestTemplate http, String app, String user, String password) {
    EngineApi api = new EngineApi(http, "/camunda/api/engine/engine/default", null, null, app + " as " + user);
    // the engine's page itself: /camunda/app/<app>/ redirects, and the redirect would start another session
    ResponseEntity<String> page = http.getForEntity("/camunda/app/" + app + "/default/", String.class);
    api.remember(page.getHeaders());
    LinkedMultiValueMap<String, String> form = new LinkedMultiValueMap<>();
    form.add("username", user);
    form.add("password", password);
    HttpHeaders headers = api.headers();
    headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
    ResponseEntity<String> login = http.postForEntity("/camunda/api/admin/auth/user/default/login/" + app,
        new HttpEntity<>(form, headers), String.class);
    assertThat(login.getStatusCode()).as("%s signs in to %s", user, app).isEqualTo(HttpStatus.OK);
    api.remember(login.getHeaders());
    // the login starts a new session: its CSRF token comes with the next request, which also shows who signed in
    ResponseEntity<String> me = http.exchange("/camunda/api/admin/auth/user/default", HttpMethod.GET,
        new HttpEntity<>(api.headers()), String.class);
    api.remember(me.getHeaders());
    assertThat(me.getBody()).as("signed in to %s", app).contains("\"userId\":\"" + user + "\"");
    return api;
  }

  @Override
  public String toString() {
    return label;
  }

  Answer get(String path) {
    return exchange(HttpMethod.GET, path, null, MediaType.APPLICATION_JSON);
  }

  Answer post(String path, String json) {
    return exchange(HttpMethod.POST, path, json, MediaType.APPLICATION_JSON);
  }

  Answer put(String path, String json) {
    return exchange(HttpMethod.PUT, path, json, MediaType.APPLICATION_JSON);
  }

  Answer delete(String path) {
    return exchange(HttpMethod.DELETE, path, null, MediaType.APPLICATION_JSON);
  }

  /** POST /deployment/create with one BPMN file. */
  Answer deploy(String name, String fileName, byte[] bpmn) {
    LinkedMultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
    parts.add("deployment-name", name);
    parts.add(fileName, new ByteArrayResource(bpmn) {
      @Override
      public String getFilename() {
        return fileName;
      }
    });
    HttpHeaders headers = headers();
    headers.setContentType(MediaType.MULTIPART_FORM_DATA);
    ResponseEntity<String> answer = client().exchange(root + "/deployment/create", HttpMethod.POST,
        new HttpEntity<>(parts, headers), String.class);
    remember(answer.getHeaders());
    return new Answer(answer.getStatusCode().value(), answer.getBody());
  }

  /** A refusal by the engine's authorizations or our checks, not by the webapps' CSRF filter. */
  static void assertRefused(Answer answer, String what) {
    assertThat(answer.ok()).as(what + " answered " + answer.status()).isFalse();
    assertThat(answer.body() == null ? "" : answer.body()).as(what).doesNotContain("CSRFPreventionFilter");
  }

  private Answer exchange(HttpMethod method, String path, String body, MediaType type) {
    HttpHeaders headers = headers();
    if (body != null) {
      headers.setContentType(type);
    }
    headers.setAccept(List.of(MediaType.APPLICATION_JSON));
    ResponseEntity<String> answer = client().exchange(root + path, method, new HttpEntity<>(body, headers),
        String.class);
    remember(answer.getHeaders());
    return new Answer(answer.getStatusCode().value(), answer.getBody());
  }

  private TestRestTemplate client() {
    return user == null ? http : http.withBasicAuth(user, password);
  }

  private HttpHeaders headers() {
    HttpHeaders headers = new HttpHeaders();
    if (!cookies.isEmpty()) {
      List<String> pairs = new ArrayList<>();
      cookies.forEach((name, value) -> pairs.add(name + "=" + value));
      headers.add(HttpHeaders.COOKIE, String.join("; ", pairs));
    }
    String token = cookies.get("XSRF-TOKEN");
    if (token != null) {
      headers.add("X-XSRF-TOKEN", token);
    }
    return headers;
  }

  private void remember(HttpHeaders headers) {
    for (String cookie : headers.getOrEmpty(HttpHeaders.SET_COOKIE)) {
      String pair = cookie.split(";", 2)[0];
      int eq = pair.indexOf('=');
      if (eq > 0) {
        cookies.put(pair.substring(0, eq), pair.substring(eq + 1));
      }
    }
    // Camunda sends the current CSRF token also as a header
    String token = headers.getFirst("X-XSRF-TOKEN");
    if (token != null && !token.isBlank() && !"Required".equalsIgnoreCase(token)) {
      cookies.put("XSRF-TOKEN", token);
    }
  }
}
