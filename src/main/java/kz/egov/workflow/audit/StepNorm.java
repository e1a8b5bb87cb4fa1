package kz.egov.workflow.audit;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What the diagram says about one element: its number and name, the regulation's normative duration
 * ({@code norm}, ISO-8601), how that norm is counted ({@code norm-unit}) and the clause. Read from the
 * deployed diagram's {@code camunda:properties}, never from element ids, so that an analyst changes a
 * norm in Modeler and every diagram under processes/ is reported the same way.
 *
 * @param measured whether the report lists the element as a step: every activity (task, call activity,
 *     sub-process) and any other element that carries a norm (e.g. a refusal end event with its 20 s)
 * @param normProperty the {@code norm} property as the analyst wrote it ({@code P15D})
 * @param norm the norm, or null when the element has none (or an unreadable one, see {@code normProblem})
 */
public record StepNorm(String activityId, String name, String number, String type, boolean measured,
    String normProperty, Duration norm, String normText, NormUnit unit, String clause, String normProblem) {

  /** "P7 Register application" → "P7"; "C2 EDS valid?" → "C2" (the regulation's numbering). */
  private static final Pattern NUMBER = Pattern.compile("\\p{Lu}{1,3}\\d+(\\.\\d+)*[a-z]?");

  static StepNorm of(String activityId, String name, String type, boolean activity, Map<String, String> properties) {
    String number = null;
    if (name != null && !name.isBlank()) {
      String first = name.strip().split("\\s+")[0];
      number = NUMBER.matcher(first).matches() ? first : null;
    }
    String normValue = properties.get("norm");
    String problem = null;
    Duration norm = null;
    NormUnit unit = NormUnit.parse(properties.get("norm-unit"));
    if (unit == null) {
      problem = "norm-unit '" + properties.get("norm-unit") + "' is not 'working days' or 'working hours'";
      unit = NormUnit.TIME;
    }
    if (normValue != null && !normValue.isBlank()) {
      try {
        norm = Duration.parse(normValue.strip());
        if (norm.isNegative()) {
          problem = "norm '" + normValue + "' is negative";
          norm = null;
        } else if (unit == NormUnit.WORKING_DAYS && !norm.equals(Duration.ofDays(norm.toDays()))) {
          problem = "norm '" + normValue + "' in working days must be whole days (P15D)";
          norm = null;
        }
      } catch (DateTimeParseException e) {
        problem = "norm '" + normValue + "' is not an ISO-8601 duration such as PT15S, PT1M30S or P15D";
      }
    }
    boolean measured = activity || normValue != null;
    return new StepNorm(activityId, name, number, type, measured, normValue == null ? null : normValue.strip(), norm,
        properties.get("norm-text"), unit,
        properties.get("clause"), problem);
  }

  /** The norm in the report's measure of this step: seconds, or working days. */
  public Double normValue() {
    if (norm == null) {
      return null;
    }
    return unit == NormUnit.WORKING_DAYS ? (double) norm.toDays() : norm.toMillis() / 1000.0;
  }
}
