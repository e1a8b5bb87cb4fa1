package kz.egov.workflow.registry;

import java.util.List;

/** Checks shared by the registry records. */
final class Fields {

  private Fields() {}

  static void requireText(List<String> problems, String field, String value, int maxLength) {
    if (value == null || value.isBlank()) {
      problems.add(field + ": required");
    } else {
      optionalText(problems, field, value, maxLength);
    }
  }

  static void optionalText(List<String> problems, String field, String value, int maxLength) {
    if (value != null && value.length() > maxLength) {
      problems.add(field + ": at most " + maxLength + " characters");
    }
  }
}
