package kz.egov.workflow.registry;

import java.util.List;
import kz.egov.workflow.application.ApiErrors;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** 404 and 409 in the same problem+json shape as {@link ApiErrors}, for the state systems' endpoints. */
@RestControllerAdvice(basePackages = {"kz.egov.workflow.registry", "kz.egov.workflow.payment",
    "kz.egov.workflow.licensing"})
class StateSystemApiErrors {

  @ExceptionHandler(RecordNotFoundException.class)
  ProblemDetail notFound(RecordNotFoundException e) {
    return ApiErrors.problem(HttpStatus.NOT_FOUND, "Not found", List.of(e.getMessage()));
  }

  @ExceptionHandler(RecordConflictException.class)
  ProblemDetail conflict(RecordConflictException e) {
    return ApiErrors.problem(HttpStatus.CONFLICT, "Conflict", List.of(e.getMessage()));
  }

  @ExceptionHandler(StateSystemUnavailableException.class)
  ProblemDetail unavailable(StateSystemUnavailableException e) {
    return ApiErrors.problem(HttpStatus.BAD_GATEWAY, "State system unavailable", List.of(e.getMessage()));
  }
}
