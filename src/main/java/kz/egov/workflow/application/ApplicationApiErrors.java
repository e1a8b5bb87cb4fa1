package kz.egov.workflow.application;

import java.util.List;
import kz.egov.workflow.registry.StateSystemUnavailableException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** The application API's own answers, in the problem+json shape of {@link ApiErrors}. */
@RestControllerAdvice(assignableTypes = ApplicationController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApplicationApiErrors {

  @ExceptionHandler(ApplicationChecks.ChannelNotAllowedException.class)
  ProblemDetail channel(ApplicationChecks.ChannelNotAllowedException e) {
    return ApiErrors.problem(HttpStatus.FORBIDDEN, "Forbidden", List.of(e.getMessage()));
  }

  @ExceptionHandler(ApplicationController.AttachmentsForbiddenException.class)
  ProblemDetail attachments(ApplicationController.AttachmentsForbiddenException e) {
    return ApiErrors.problem(HttpStatus.FORBIDDEN, "Forbidden", List.of(e.getMessage()));
  }

  @ExceptionHandler(ApplicationViews.ApplicationNotFoundException.class)
  ProblemDetail notFound(ApplicationViews.ApplicationNotFoundException e) {
    return ApiErrors.problem(HttpStatus.NOT_FOUND, "Not found", List.of(e.getMessage()));
  }

  @ExceptionHandler(ApplicationSubmissions.IdempotencyKeyReusedException.class)
  ProblemDetail keyReused(ApplicationSubmissions.IdempotencyKeyReusedException e) {
    return ApiErrors.problem(HttpStatus.UNPROCESSABLE_ENTITY, "Idempotency-Key reused", List.of(e.getMessage()));
  }

  @ExceptionHandler(ApplicationSubmissions.ReferenceTakenException.class)
  ProblemDetail referenceTaken(ApplicationSubmissions.ReferenceTakenException e) {
    return ApiErrors.problem(HttpStatus.CONFLICT, "Conflict", List.of(e.getMessage()));
  }

  /** The e-licensing register could not say whether the licence exists: try again later. */
  @ExceptionHandler(StateSystemUnavailableException.class)
  ProblemDetail unavailable(StateSystemUnavailableException e) {
    return ApiErrors.problem(HttpStatus.SERVICE_UNAVAILABLE, "State system unavailable", List.of(e.getMessage()));
  }
}
