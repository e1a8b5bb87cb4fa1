package kz.egov.workflow.application;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kz.egov.workflow.access.RestCallers;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Starts through {@code /engine-rest} get the checks of the application API: a start of a catalog service's
 * process ({@code /process-definition/key/{key}/start} or {@code /submit-form}, their {@code /tenant-id/{id}}
 * forms, and {@code /process-definition/{id}/start} or {@code /submit-form}) is refused with 400 and every
 * problem of its start variables ({@link StartVariables}) before Camunda sees it, so no instance starts.
 * Tasklist starts through the webapps' own copy of the REST API ({@code /camunda/api/engine/engine/default/...}),
 * which is checked the same way. Other processes pass untouched.
 */
class EngineRestStartCheck extends OncePerRequestFilter {

  static final String ENGINE_REST = "/engine-rest";
  private static final Pattern START = Pattern.compile(
      "(?:/engine/[^/]+)?/process-definition/(?:key/([^/]+)(?:/tenant-id/[^/]+)?|([^/]+))/(?:start|submit-form)/?");

  private final List<String> prefixes;
  private final ServiceCatalog catalog;
  private final StartVariables startVariables;
  private final RepositoryService repository;
  private final AsSystem asSystem;
  private final ObjectMapper json;

  /** @param prefixes the REST APIs' paths: {@code /engine-rest} and the webapps' {@code /camunda/api/engine} */
  EngineRestStartCheck(List<String> prefixes, ServiceCatalog catalog, StartVariables startVariables,
      RepositoryService repository, AsSystem asSystem, ObjectMapper json) {
    this.prefixes = List.copyOf(prefixes);
    this.catalog = catalog;
    this.startVariables = startVariables;
    this.repository = repository;
    this.asSystem = asSystem;
    this.json = json;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !"POST".equals(request.getMethod());
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    String prefix = prefixes.stream().filter(p -> path.startsWith(p + "/")).findFirst().orElse(null);
    if (prefix == null) {
      chain.doFilter(request, response);
      return;
    }
    if (!ENGINE_REST.equals(prefix) && !signedInToWebapps(request)) {
      // the webapps' security filter answers 401; an anonymous caller learns nothing from us
      chain.doFilter(request, response);
      return;
    }
    Matcher start = START.matcher(path.substring(prefix.length()));
    if (!start.matches()) {
      chain.doFilter(request, response);
      return;
    }
    String processKey = start.group(1) != null ? decode(start.group(1)) : keyOf(decode(start.group(2)));
    Optional<ServiceCatalog.ProcessKey> key = catalog.parse(processKey);
    if (key.isEmpty()) {
      chain.doFilter(request, response);
      return;
    }
    long maxBytes = catalog.limits().maxRequestBytes().toBytes();
    Optional<byte[]> body = RequestSizeLimit.read(request, maxBytes);
    if (body.isEmpty()) {
      RequestSizeLimit.tooLarge(response, maxBytes, json);
      return;
    }
    List<String> problems;
    if (body.get().length == 0) {
      problems = startVariables.problems(key.get(), Map.of());
    } else {
      JsonNode parsed;
      try {
        parsed = json.readTree(body.get());
      } catch (IOException e) {
        parsed = null;
      }
      if (parsed == null || !parsed.isObject()) {
        problems = List.of("body: a JSON object {\"variables\": {...}, \"businessKey\": ...} is required");
      } else {
        Map<String, Object> variables = startVariables.fromEngineRest(parsed.get("variables"));
        problems = new java.util.ArrayList<>(startVariables.problems(key.get(), variables));
        submitterProblem(variables.get("submittedBy"), request).ifPresent(problems::add);
      }
    }
    if (!problems.isEmpty()) {
      ProblemDetail problem = ApiErrors.problem(HttpStatus.BAD_REQUEST, "Invalid start of " + key.get().value(),
          problems);
      response.setStatus(HttpStatus.BAD_REQUEST.value());
      response.setContentType("application/problem+json");
      json.writeValue(response.getOutputStream(), problem);
      return;
    }
    chain.doFilter(new RequestSizeLimit.BufferedBody(request, body.get()), response);
  }

  /**
   * The submitter is who starts: naming another user would let them read the application through
   * GET /api/v1/applications/{id} and be assigned its tasks (isolation, docs/security.md).
   */
  private static Optional<String> submitterProblem(Object submittedBy, HttpServletRequest request) {
    if (submittedBy == null || submittedBy.toString().isBlank()) {
      return Optional.empty();
    }
    Optional<String> caller = RestCallers.userId(request);
    if (caller.isPresent() && caller.get().equals(submittedBy.toString())) {
      return Optional.empty();
    }
    return Optional.of("submittedBy: '" + submittedBy + "' is not the signed-in user " + caller.orElse("")
        + "; leave it out, the engine records who starts");
  }

  private static boolean signedInToWebapps(HttpServletRequest request) {
    HttpSession session = request.getSession(false);
    return session != null && !AuthenticationUtil.getAuthsFromSession(session).getAuthentications().isEmpty();
  }

  /** The key of a definition given by id; null when there is no such definition (Camunda answers that). */
  private String keyOf(String definitionId) {
    try {
      return asSystem.call(() -> repository.getProcessDefinition(definitionId).getKey());
    } catch (ProcessEngineException e) {
      return null;
    }
  }

  private static String decode(String segment) {
    return URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8);
  }
}
