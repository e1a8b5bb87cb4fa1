package kz.egov.workflow.application;

import jakarta.validation.ConstraintViolationException;
import java.util.List;
import org.camunda.bpm.engine.AuthorizationException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * One shape for every error of {@code /api/v1}: RFC 9457 problem details with a {@code problems} list a
 * clerk or a calling system can act on. Bad input is a 4xx, never a 500.
 */
@RestControllerAdvice(basePackages = "kz.egov.workflow")
public class ApiErrors {

  @ExceptionHandler(InvalidRequestException.class)
  ProblemDetail invalid(InvalidRequestException e) {
    return problem(HttpStatus.BAD_REQUEST, "Invalid request", e.problems());
  }

  @ExceptionHandler(MethodArgumentNotValidException.class)
  ProblemDetail invalid(MethodArgumentNotValidException e) {
    List<String> problems = e.getBindingResult().getFieldErrors().stream()
        .map(f -> f.getField() + ": " + f.getDefaultMessage()).sorted().toList();
    return problem(HttpStatus.BAD_REQUEST, "Invalid request", problems);
  }

  @ExceptionHandler(ConstraintViolationException.class)
  ProblemDetail invalid(ConstraintViolationException e) {
    List<String> problems = e.getConstraintViolations().stream()
        .map(v -> v.getPropertyPath() + ": " + v.getMessage()).sorted().toList();
    return problem(HttpStatus.BAD_REQUEST, "Invalid request", problems);
  }

  @ExceptionHandler(HttpMessageNotReadableException.class)
  ProblemDetail unreadable(HttpMessageNotReadableException e) {
    String cause = e.getMostSpecificCause().getMessage();
    if (cause != null && cause.length() > 300) {
      cause = cause.substring(0, 300) + "…";
    }
    return problem(HttpStatus.BAD_REQUEST, "Unreadable request body",
        List.of("The body is not valid JSON of the expected shape: " + cause));
  }

  @ExceptionHandler(MissingServletRequestParameterException.class)
  ProblemDetail missing(MissingServletRequestParameterException e) {
    return problem(HttpStatus.BAD_REQUEST, "Invalid request",
        List.of(e.getParameterName() + ": required parameter is missing"));
  }

  @ExceptionHandler(MethodArgumentTypeMismatchException.class)
  ProblemDetail mismatch(MethodArgumentTypeMismatchException e) {
    return problem(HttpStatus.BAD_REQUEST, "Invalid request",
        List.of(e.getName() + ": '" + e.getValue() + "' is not a valid value"));
  }

  @ExceptionHandler(AuthorizationException.class)
  ProblemDetail forbidden(AuthorizationException e) {
    return problem(HttpStatus.FORBIDDEN, "Forbidden", List.of(e.getMessage()));
  }

  public static ProblemDetail problem(HttpStatus status, String title, List<String> problems) {
    ProblemDetail detail = ProblemDetail.forStatusAndDetail(status, String.join("; ", problems));
    detail.setTitle(title);
    detail.setProperty("problems", problems);
    return detail;
  }
}
