package kz.egov.workflow.survey;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import kz.egov.workflow.application.ApiErrors;
import kz.egov.workflow.application.ApplicationProperties;
import kz.egov.workflow.application.ApplicationViews;
import kz.egov.workflow.application.Caller;
import kz.egov.workflow.application.InvalidRequestException;
import kz.egov.workflow.application.ServiceCatalog;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The questionnaire over {@code /api/v1}: {@code POST /applications/{id}/survey} once per application, after its
 * result or refusal, by whoever may read the application ({@link ApplicationViews}: the portal or service center on
 * the applicant's behalf, the submitter); {@code GET /surveys?service=} the counts, for auditors, administrators and
 * the service provider's staff.
 */
@RestController
class SurveyController {

  private static final ZoneOffset KAZAKHSTAN = ZoneOffset.ofHours(5);

  private final Surveys surveys;
  private final ApplicationViews views;
  private final ServiceCatalog catalog;

  SurveyController(Surveys surveys, ApplicationViews views, ServiceCatalog catalog) {
    this.surveys = surveys;
    this.views = views;
    this.catalog = catalog;
  }

  /** The answers as the appendix numbers them: {@code {"q1": 3, "q2": 2}}. */
  record SurveyRequest(Object q1, Object q2) {}

  @PostMapping(path = "/api/v1/applications/{id}/survey", produces = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<Surveys.Answer> answer(@PathVariable String id, @RequestBody(required = false) SurveyRequest body,
      Authentication authentication) {
    Caller caller = Caller.of(authentication);
    ApplicationViews.Located application = views.locate(id, caller);
    List<String> problems = new ArrayList<>();
    Integer q1 = answer(body == null ? null : body.q1(), "q1", problems);
    Integer q2 = answer(body == null ? null : body.q2(), "q2", problems);
    if (!problems.isEmpty()) {
      throw new InvalidRequestException(problems);
    }
    Object outcome = application.variables().get("outcome");
    if (!"issued".equals(outcome) && !"refused".equals(outcome)) {
      // the questionnaire is "after the service": its result or its refusal
      throw new NotYetEndedException(id);
    }
    String provider = catalog.service(application.service()).map(ApplicationProperties.Service::provider)
        .orElse(null);
    Surveys.Answer stored = surveys.record(new Surveys.Answer(id, application.service(), provider, q1, q2,
        caller.userId(), OffsetDateTime.now(KAZAKHSTAN).withNano(0)));
    return ResponseEntity.status(HttpStatus.CREATED).body(stored);
  }

  @GetMapping(path = "/api/v1/surveys", produces = MediaType.APPLICATION_JSON_VALUE)
  Surveys.Counts counts(@RequestParam String service, Authentication authentication) {
    Caller caller = Caller.of(authentication);
    ApplicationProperties.Service definition = catalog.service(service).orElse(null);
    boolean staff = definition != null && caller.groups().contains(definition.provider());
    if (!catalog.readsAll(caller.groups()) && !staff) {
      throw new AccessDeniedException("the questionnaire's counts are for auditors and the provider's staff");
    }
    if (definition == null) {
      throw new InvalidRequestException("service '" + service + "': one of " + catalog.services().keySet().stream()
          .sorted().toList());
    }
    return surveys.counts(service);
  }

  private static Integer answer(Object value, String question, List<String> problems) {
    String text = value == null ? null : value.toString().strip();
    if (text == null || !(value instanceof Integer || value instanceof String) || !text.matches("[123]")) {
      problems.add(question + ": 1 (not satisfied), 2 (partly satisfied) or 3 (satisfied)"
          + (value == null ? ", required" : "; got " + value));
      return null;
    }
    return Integer.valueOf(text);
  }

  static class NotYetEndedException extends RuntimeException {
    NotYetEndedException(String id) {
      super("Application " + id + " has no result or refusal yet: the questionnaire follows the service");
    }
  }

  @ExceptionHandler(ApplicationViews.ApplicationNotFoundException.class)
  ProblemDetail notFound(ApplicationViews.ApplicationNotFoundException e) {
    return ApiErrors.problem(HttpStatus.NOT_FOUND, "Not found", List.of(e.getMessage()));
  }

  @ExceptionHandler({NotYetEndedException.class, Surveys.AlreadyAnsweredException.class})
  ProblemDetail conflict(RuntimeException e) {
    return ApiErrors.problem(HttpStatus.CONFLICT, "Conflict", List.of(e.getMessage()));
  }

}
