package kz.egov.workflow.process;

import jakarta.annotation.Priority;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.LinkedHashMap;
import java.util.Map;
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
        if (cause.getCause() == cause) {
          break;
        }
      }
      return camunda.toResponse(exception);
    }
  }
}
