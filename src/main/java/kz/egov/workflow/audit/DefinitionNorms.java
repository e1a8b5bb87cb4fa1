package kz.egov.workflow.audit;

import java.util.Map;

/**
 * One deployed process definition as the report reads it: the process's {@code camunda:properties}
 * ({@code service}, {@code provider}, {@code deadline-working-days[.<kind>]}) and each element's norm.
 */
public record DefinitionNorms(String processDefinitionId, String key, String name, Map<String, String> properties,
    Map<String, StepNorm> elements) {

  public DefinitionNorms {
    properties = Map.copyOf(properties);
    elements = Map.copyOf(elements);
  }

  public StepNorm element(String activityId) {
    return elements.get(activityId);
  }

  /** The service deadline for this kind of request: {@code deadline-working-days.<kind>}, else {@code deadline-working-days}. */
  public Integer deadlineWorkingDays(String requestKind) {
    String value = requestKind == null ? null : properties.get("deadline-working-days." + requestKind);
    if (value == null) {
      value = properties.get("deadline-working-days");
    }
    if (value == null) {
      return null;
    }
    try {
      return Integer.valueOf(value.strip());
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
