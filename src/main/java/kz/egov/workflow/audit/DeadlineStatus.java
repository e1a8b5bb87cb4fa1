package kz.egov.workflow.audit;

import com.fasterxml.jackson.annotation.JsonValue;

/** An application against its service deadline ({@code deadlineAt}, the registered deadline). */
public enum DeadlineStatus {
  /** Finished by the deadline. */
  MET("met"),
  /** Finished after the deadline. */
  BREACHED("breached"),
  /** Still running and past the deadline. */
  OVERDUE("overdue"),
  /** Still running, the deadline ahead ({@code dueInWorkingDays}). */
  DUE("due"),
  /** No deadline runs: not registered (e.g. refused at sign-in) or a diagram without one. */
  NONE("none");

  private final String code;

  DeadlineStatus(String code) {
    this.code = code;
  }

  @JsonValue
  public String code() {
    return code;
  }

  public boolean breached() {
    return this == BREACHED || this == OVERDUE;
  }
}
