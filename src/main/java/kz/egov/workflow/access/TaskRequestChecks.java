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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kz.egov.workflow.application.AsSystem;
import kz.egov.workflow.application.RequestSizeLimit;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.authorization.TaskPermissions;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.task.Task;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Two holes of Camunda's REST API about tasks, closed on {@code /engine-rest} and on the webapps' copy that
 * Tasklist and Cockpit call:
 * <ul>
 *   <li>A task is claimed for oneself. Whoever may work on a task may claim it for any user id, and the engine then
 *       grants that user the task (its variables: the whole application), so a clerk could hand another provider's
 *       staff a task. A claim naming someone else is refused with 403, except for administrators.</li>
 *   <li>Adding a comment, adding or deleting an attachment changes the case file, yet the engine asks only that the
 *       caller can read the task: an auditor (who reads every task) could write. These need what updating or
 *       deleting a comment needs: TASK_WORK or UPDATE on the task, or TASK_WORK or UPDATE_TASK on its process.</li>
 * </ul>
 */
class TaskRequestChecks extends OncePerRequestFilter {

  static final String ADMIN = "camunda-admin";
  private static final Pattern CLAIM = Pattern.compile("(?:/engine/[^/]+)?/task/([^/]+)/claim/?");
  private static final Pattern CASE_FILE_WRITE = Pattern.compile(
      "(?:/engine/[^/]+)?/task/([^/]+)/(?:comment/create|attachment/create|attachment/[^/]+)/?");
  /** A claim's body is {"userId": "..."}; anything far larger is not one. */
  private static final int MAX_CLAIM_BODY = 4096;

  private final List<String> prefixes;
  private final IdentityService identityService;
  private final AuthorizationService authorizations;
  private final TaskService tasks;
  private final AsSystem asSystem;
  private final ObjectMapper json;

  TaskRequestChecks(List<String> prefixes, IdentityService identityService, AuthorizationService authorizations,
      TaskService tasks, AsSystem asSystem, ObjectMapper json) {
    this.prefixes = List.copyOf(prefixes);
    this.identityService = identityService;
    this.authorizations = authorizations;
    this.tasks = tasks;
    this.asSystem = asSystem;
    this.json = json;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !"POST".equals(request.getMethod()) && !"DELETE".equals(request.getMethod());
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    Optional<String> prefix = prefixes.stream().filter(p -> path.startsWith(p + "/")).findFirst();
    Optional<String> caller = prefix.isEmpty() ? Optional.empty() : RestCallers.userId(request);
    if (caller.isEmpty()) {
      // not ours, or not signed in (Camunda answers 401 itself)
      chain.doFilter(request, response);
      return;
    }
    String rest = path.substring(prefix.get().length());
    Matcher claim = CLAIM.matcher(rest);
    if ("POST".equals(request.getMethod()) && claim.matches()) {
      checkClaim(request, response, chain, caller.get());
      return;
    }
    Matcher write = CASE_FILE_WRITE.matcher(rest);
    boolean writes = write.matches() && ("DELETE".equals(request.getMethod())
        ? !rest.contains("/comment/") && !rest.endsWith("/attachment/create")
        : rest.endsWith("/create") || rest.endsWith("/create/"));
    if (writes && !mayWorkOn(caller.get(), write.group(1))) {
      refuse(response, HttpServletResponse.SC_FORBIDDEN, "AuthorizationException", caller.get() + " may read task "
          + write.group(1) + " but not change its comments or attachments (TASK_WORK or UPDATE needed) "
          + "(Тапсырманың түсініктемелері мен тіркемелерін өзгертуге рұқсат жоқ / Нет права изменять комментарии и "
          + "вложения задачи)", caller.get());
      return;
    }
    chain.doFilter(request, response);
  }

  private void checkClaim(HttpServletRequest request, HttpServletResponse response, FilterChain chain, String caller)
      throws IOException, ServletException {
    byte[] body = request.getInputStream().readNBytes(MAX_CLAIM_BODY + 1);
    if (body.length > MAX_CLAIM_BODY) {
      refuse(response, HttpServletResponse.SC_BAD_REQUEST, "InvalidRequestException",
          "A claim's body is {\"userId\": \"...\"}, not " + MAX_CLAIM_BODY + " bytes or more", caller);
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
    if (claimant != null && !claimant.equals(caller) && !groups(caller).contains(ADMIN)) {
      refuse(response, HttpServletResponse.SC_FORBIDDEN, "AuthorizationException", "A task is claimed for oneself: "
          + caller + " may not claim it for " + claimant
          + " (Тапсырманы тек өзіңізге алуға болады / Задачу можно взять только на себя)", caller);
      return;
    }
    chain.doFilter(new RequestSizeLimit.BufferedBody(request, body), response);
  }

  /** What the engine asks for updating or deleting a task's comment (UpdateCommentCmd's checkTaskWork). */
  private boolean mayWorkOn(String userId, String taskId) {
    List<String> groups = groups(userId);
    if (granted(userId, groups, TaskPermissions.TASK_WORK, Resources.TASK, taskId)
        || granted(userId, groups, Permissions.UPDATE, Resources.TASK, taskId)) {
      return true;
    }
    Task task = asSystem.call(() -> tasks.createTaskQuery().taskId(taskId).singleResult());
    if (task == null) {
      // Camunda answers 404 for a task that does not exist
      return true;
    }
    String definitionKey = task.getProcessDefinitionId() == null ? null
        : task.getProcessDefinitionId().split(":", 2)[0];
    return definitionKey != null
        && (granted(userId, groups, ProcessDefinitionPermissions.TASK_WORK, Resources.PROCESS_DEFINITION,
        definitionKey) || granted(userId, groups, ProcessDefinitionPermissions.UPDATE_TASK,
        Resources.PROCESS_DEFINITION, definitionKey));
  }

  private boolean granted(String userId, List<String> groups, Permission permission, Resource resource, String id) {
    return authorizations.isUserAuthorized(userId, groups, permission, resource, id);
  }

  private List<String> groups(String userId) {
    return identityService.createGroupQuery().groupMember(userId).list().stream().map(Group::getId).toList();
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
