package kz.egov.workflow.process;

import jakarta.annotation.Priority;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Date;
import java.util.Optional;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.MissingAuthorization;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.rest.exception.ProcessEngineExceptionHandler;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.camunda.bpm.engine.rest.exception.RestExceptionHandler;
import org.springframework.boot.autoconfigure.jersey.ResourceConfigCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * A task's complete listener that refuses the submitted values ({@code ${decisions.check(task)}},
 * {@code ${scans.check(…)}}) throws {@link FormFieldValidationException}; the engine wraps listener exceptions,
 * so {@code /engine-rest} would answer 500. The person's input is at fault, not the server: 400 with the
 * validator's message, in Camunda's error format ({@code type}, {@code message}), the task left open.
 *
 * <p>Two people completing one task: the one who loses the race at the database (an optimistic lock) would get
 * a 500 too, and the one who comes after it a 500 "Cannot find task". Neither is the server's fault: 409 and
 * 404 saying that someone else has dealt with the task.
 */
@Configuration
public class EngineRestFormErrors {

  @Bean
  ResourceConfigCustomizer formValidationErrors(ProcessEngine engine) {
    return config -> {
      config.register(FormValidationMapper.class);
      config.register(new CompletedTaskMapper(engine));
    };
  }

  /**
   * The loser of a race for one task may fail the permission check rather than the look-up: completing the task
   * removed the candidates' permissions on it. A 403 "no TASK_WORK" would mislead; the task is simply done.
   */
  @Priority(1)
  public static class CompletedTaskMapper implements ExceptionMapper<AuthorizationException> {

    private final ProcessEngine engine;
    private final ProcessEngineExceptionHandler camunda = new ProcessEngineExceptionHandler();

    CompletedTaskMapper(ProcessEngine engine) {
      this.engine = engine;
    }

    @Override
    public Response toResponse(AuthorizationException exception) {
      for (MissingAuthorization missing : exception.getMissingAuthorizations()) {
        if ("Task".equals(missing.getResourceType()) && missing.getResourceId() != null) {
          Optional<Date> ended = endedTask(missing.getResourceId());
          if (ended.isPresent()) {
            return FormValidationMapper.answer(Response.Status.NOT_FOUND, "NotFoundException", "Cannot find task "
                + missing.getResourceId() + ": it was completed by someone else at " + ended.get().toInstant());
          }
        }
      }
      return camunda.toResponse(exception);
    }

    /** Looked up as the system: the caller has, by now, no permission on the task it tried to complete. */
    private Optional<Date> endedTask(String taskId) {
      IdentityService identity = engine.getIdentityService();
      Authentication caller = identity.getCurrentAuthentication();
      identity.clearAuthentication();
      try {
        if (engine.getTaskService().createTaskQuery().taskId(taskId).count() > 0) {
          return Optional.empty();
        }
        HistoricTaskInstance task = engine.getHistoryService().createHistoricTaskInstanceQuery().taskId(taskId)
            .singleResult();
        return task == null ? Optional.empty() : Optional.ofNullable(task.getEndTime());
      } finally {
        if (caller != null) {
          identity.setAuthentication(caller);
        }
      }
    }
  }

  @Priority(1)
  public static class FormValidationMapper implements ExceptionMapper<RestException> {

    private final RestExceptionHandler camunda = new RestExceptionHandler();

    @Override
    public Response toResponse(RestException exception) {
      for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
        if (cause instanceof FormFieldValidationException invalid) {
          Map<String, Object> body = new LinkedHashMap<>();
          body.put("type", "FormFieldValidationException");
          body.put("message", invalid.getMessage());
          body.put("field", String.valueOf((Object) invalid.getDetail()));
          return Response.status(Response.Status.BAD_REQUEST).type(MediaType.APPLICATION_JSON_TYPE).entity(body).build();
        }
        if (cause instanceof OptimisticLockingException) {
          return answer(Response.Status.CONFLICT, "OptimisticLockingException", "Someone else completed or changed"
              + " this task at the same moment; nothing was saved from this request. Reload the task list.");
        }
        if (cause instanceof NullValueException missing && String.valueOf(missing.getMessage())
            .startsWith("Cannot find task with id")) {
          return answer(Response.Status.NOT_FOUND, "NotFoundException", missing.getMessage()
              + " (it may have been completed by someone else already)");
        }
        if (cause.getCause() == cause) {
          break;
        }
      }
      return camunda.toResponse(exception);
    }

    static Response answer(Response.Status status, String type, String message) {
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("type", type);
      body.put("message", message);
      return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(body).build();
    }
  }
}
