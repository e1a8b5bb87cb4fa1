package kz.egov.workflow.audit;

import java.util.Locale;

/** The {@code breached} filter of the application list. */
public enum Breach {
  /** The deadline or at least one step's norm. */
  ANY,
  /** The service deadline (finished late or running overdue). */
  DEADLINE,
  /** At least one step's norm. */
  STEPS,
  /** Neither. */
  NONE;

  /** {@code true}/{@code any}, {@code deadline}, {@code steps}, {@code false}/{@code none}; null for an unknown text. */
  static Breach parse(String text) {
    return switch (text.strip().toLowerCase(Locale.ROOT)) {
      case "true", "any", "yes" -> ANY;
      case "deadline" -> DEADLINE;
      case "steps", "step" -> STEPS;
      case "false", "none", "no" -> NONE;
      default -> null;
    };
  }

  boolean matches(ApplicationReport application) {
    boolean deadline = application.deadline().breached();
    boolean steps = application.stepsExceeded() > 0;
    return switch (this) {
      case ANY -> deadline || steps;
      case DEADLINE -> deadline;
      case STEPS -> steps;
      case NONE -> !deadline && !steps;
    };
  }
}
