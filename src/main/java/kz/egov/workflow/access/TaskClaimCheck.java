package kz.egov.workflow.access;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import kz.egov.workflow.application.RequestSizeLimit;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A task is claimed for oneself. Camunda lets whoever may work on a task claim it for any user id, and the engine
 * then grants that user the task (its variables: the whole application): a clerk could hand another provider's
 * staff a task of their own provider. On {@code /engine-rest} and the webapps' REST API a claim naming someone
 * else is refused with 403, except for administrators, who assign work.
 */
class TaskClaimCheck extends OncePerRequestFilter {

  private static final Pattern CLAIM = Pattern.compile("(?:/engine/[^/]+)?/task/[^/]+/claim/?");
  /** A claim's body is {"userId": "..."}; anything far larger is not one. */
  private static final int MAX_BODY = 4096;

  private final List<String> prefixes;
  private final IdentityService identityService;
  private final ObjectMapper json;

  TaskClaimCheck(List<String> prefixes, IdentityService identityService, ObjectMapper json) {
    this.prefixes = List.copyOf(prefixes);
    this.identityService = identityService;
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
    Optional<String> prefix = prefixes.stream().filter(p -> path.startsWith(p + "/")).findFirst();
    if (prefix.isEmpty() || !CLAIM.matcher(path.substring(prefix.get().length())).matches()) {
      chain.doFilter(request, response);
      return;
    }
    Optional<String> caller = RestCallers.userId(request);
    if (caller.isEmpty()) {
      // not signed in: Camunda answers 401 itself
      chain.doFilter(request, response);
      return;
    }
    byte[] body = request.getInputStream().readNBytes(MAX_BODY + 1);
    if (body.length > MAX_BODY) {
      refuse(response, HttpServletResponse.SC_BAD_REQUEST, "InvalidRequestException",
          "A claim's body is {\"userId\": \"...\"}, not " + MAX_BODY + " bytes or more", caller.get());
      return;
    }
    String claimant = null;
    if (body.length > 0) {
      try {
        JsonNode parsed = json.readTree(body);
        claimant = parsed == null ? null : parsed.path("userId").asText(null);
      } catch (IOException e) {
        claimant = null;
      }
    }
    boolean admin = identityService.createGroupQuery().groupMember(caller.get()).groupId("camunda-admin").count() > 0;
    if (claimant != null && !claimant.equals(caller.get()) && !admin) {
      refuse(response, HttpServletResponse.SC_FORBIDDEN, "AuthorizationException", "A task is claimed for oneself: "
          + caller.get() + " may not claim it for " + claimant
          + " (Тапсырманы тек өзіңізге алуға болады / Задачу можно взять только на себя)", caller.get());
      return;
    }
    chain.doFilter(new RequestSizeLimit.BufferedBody(request, body), response);
  }

  /** Camunda's own error shape, so that Tasklist shows the message. */
  private void refuse(HttpServletResponse response, int status, String type, String message, String userId)
      throws IOException {
    Map<String, Object> error = new LinkedHashMap<>();
    error.put("type", type);
    error.put("message", message);
    error.put("userId", userId);
    response.setStatus(status);
    response.setContentType("application/json;charset=UTF-8");
    json.writeValue(response.getOutputStream(), error);
  }
}
