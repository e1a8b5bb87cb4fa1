package kz.egov.workflow.process;

import jakarta.annotation.Priority;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.OptimisticLockingException;
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
  ResourceConfigCustomizer formValidationErrors() {
    return config -> config.register(FormValidationMapper.class);
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

    private static Response answer(Response.Status status, String type, String message) {
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("type", type);
      body.put("message", message);
      return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(body).build();
    }
  }
}
