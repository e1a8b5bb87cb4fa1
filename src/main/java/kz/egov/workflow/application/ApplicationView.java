package kz.egov.workflow.application;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/**
 * An application as the portal's "history of services" shows it (SPEC, "status tracking"): its number,
 * service, status and deadline, where it is now, the steps so far, and the refusal or the result.
 */
public record ApplicationView(String id, @JsonInclude(JsonInclude.Include.ALWAYS) String applicationNumber,
    String service, ApplicationProperties.Names serviceName, String requestKind, String channel, Applicant applicant,
    String status, ApplicationProperties.Names statusText, OffsetDateTime submittedAt, OffsetDateTime registeredAt,
    OffsetDateTime deadline, boolean overdue, List<String> currentSteps, List<Step> steps, Refusal refusal,
    Result result, Map<String, String> links) {

  public record Applicant(String id, String name) {}

  /** A named step of the diagram (its BPMN id, name and type) and when it ran. */
  public record Step(String id, String name, String type, OffsetDateTime startedAt, OffsetDateTime endedAt) {}

  /** The end the refusal reached ({@code P5}, {@code P10} ...) and its reason in English, Russian and Kazakh. */
  public record Refusal(String step, String reason, String reasonRu, String reasonKk) {}

  /** The signed result: its kind ({@code licence}, {@code refusal} ...), its number and the licence's. */
  public record Result(String kind, String documentNumber, String licenceNumber) {}

  /** One line of an applicant's list. */
  public record Summary(String id, @JsonInclude(JsonInclude.Include.ALWAYS) String applicationNumber,
      String service, ApplicationProperties.Names serviceName, String requestKind, String channel, String status,
      ApplicationProperties.Names statusText, OffsetDateTime submittedAt, Map<String, String> links) {}

  /** A page of an applicant's applications, newest first. */
  public record Page(String applicantId, int page, int size, long total, List<Summary> items) {}
}
