package kz.egov.workflow.notification;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import kz.egov.workflow.application.ApiErrors;
import kz.egov.workflow.application.InvalidRequestException;
import kz.egov.workflow.registry.StateSystemUnavailableException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/v1/otp}: the portal asks for a one-time password for an applicant's request (R3 item 9, P3).
 * The code goes to the phone by text message; the answer names the password's id, which the portal sends back
 * with the code in {@code POST /api/v1/applications} ({@code oneTimePassword: {id, code}}). Portal system and
 * administrators only; rate limits answer 429 with {@code Retry-After}.
 *
 * <p>{@code GET /api/v1/notifications/sms?phone=…}: what the embedded SMS gateway "sent" (administrators; 404
 * with the real gateway), so that a demo can read its code.
 */
@RestController
@RequestMapping("/api/v1")
class OneTimePasswordController {

  private static final List<String> FIELDS = List.of("applicantId", "phone", "applicationReference");

  private final OneTimePasswords passwords;
  private final Optional<EmbeddedSmsGateway> embedded;

  OneTimePasswordController(OneTimePasswords passwords, Optional<EmbeddedSmsGateway> embedded) {
    this.passwords = passwords;
    this.embedded = embedded;
  }

  @PostMapping(path = "/otp", consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
  @PreAuthorize("hasAnyAuthority('portal-system', 'camunda-admin')")
  ResponseEntity<OneTimePasswords.Issued> issue(@RequestBody JsonNode body, Authentication caller) {
    if (body == null || !body.isObject()) {
      throw new InvalidRequestException("body: a JSON object {\"applicantId\", \"phone\", \"applicationReference\"}");
    }
    List<String> problems = new ArrayList<>();
    for (Iterator<String> names = body.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!FIELDS.contains(name)) {
        problems.add(name + ": not a field here (known: " + String.join(", ", FIELDS) + ")");
      }
    }
    for (String name : FIELDS) {
      if (body.has(name) && !body.get(name).isTextual() && !body.get(name).isNull()) {
        problems.add(name + ": text is required");
      }
    }
    if (!problems.isEmpty()) {
      throw new InvalidRequestException(problems);
    }
    OneTimePasswords.Issued issued = passwords.issue(new OneTimePasswords.Request(text(body, "applicantId"),
        text(body, "phone"), text(body, "applicationReference")), caller.getName());
    return ResponseEntity.status(HttpStatus.CREATED).body(issued);
  }

  @GetMapping(path = "/notifications/sms", produces = MediaType.APPLICATION_JSON_VALUE)
  @PreAuthorize("hasAuthority('camunda-admin')")
  ResponseEntity<?> sent(@RequestParam String phone) {
    if (embedded.isEmpty()) {
      return ResponseEntity.status(HttpStatus.NOT_FOUND).contentType(MediaType.APPLICATION_PROBLEM_JSON)
          .body(ApiErrors.problem(HttpStatus.NOT_FOUND, "Not found",
              List.of("messages are kept only by the embedded SMS gateway (egov.notification.adapter: embedded)")));
    }
    return ResponseEntity.ok(Map.of("messages", embedded.get().sentTo(phone, 20)));
  }

  private static String text(JsonNode body, String name) {
    JsonNode value = body.get(name);
    return value == null || value.isNull() ? null : value.asText().strip();
  }

  @ExceptionHandler(OneTimePasswords.TooManyRequestsException.class)
  ResponseEntity<ProblemDetail> tooMany(OneTimePasswords.TooManyRequestsException e) {
    long seconds = Math.max(1, (e.retryAfter().toMillis() + 999) / 1000);
    return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS).header(HttpHeaders.RETRY_AFTER, Long.toString(seconds))
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .body(ApiErrors.problem(HttpStatus.TOO_MANY_REQUESTS, "Too many requests", List.of(e.getMessage())));
  }

  /** The SMS gateway did not take the message: nothing was kept; the portal may ask again. */
  @ExceptionHandler(StateSystemUnavailableException.class)
  ResponseEntity<ProblemDetail> unavailable(StateSystemUnavailableException e) {
    return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .body(ApiErrors.problem(HttpStatus.SERVICE_UNAVAILABLE, "SMS gateway unavailable", List.of(e.getMessage())));
  }
}
