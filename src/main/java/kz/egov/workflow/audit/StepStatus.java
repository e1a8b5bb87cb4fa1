package kz.egov.workflow.audit;

import com.fasterxml.jackson.annotation.JsonValue;

/** A step against its norm. A running step is judged by the time it has taken so far. */
public enum StepStatus {
  WITHIN("within"), EXCEEDED("exceeded"), NO_NORM("no-norm");

  private final String code;

  StepStatus(String code) {
    this.code = code;
  }

  @JsonValue
  public String code() {
    return code;
  }
}
