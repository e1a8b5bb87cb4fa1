package kz.egov.workflow.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;

/** Reads a step's inputs (input mappings or process variables); a missing one is a modelling error. */
final class StepInputs {

  private StepInputs() {}

  static String required(DelegateExecution execution, String name) {
    String value = optional(execution, name);
    if (value == null) {
      throw new IllegalArgumentException("Step '" + execution.getCurrentActivityName() + "' needs the variable '"
          + name + "' (an input mapping or a process variable)");
    }
    return value;
  }

  static String optional(DelegateExecution execution, String name) {
    Object value = execution.getVariable(name);
    if (value == null || value.toString().isBlank()) {
      return null;
    }
    return value.toString().strip();
  }

  /** The application's reference: the input, else the business key, else the process instance id. */
  static String applicationReference(DelegateExecution execution) {
    String reference = optional(execution, "applicationReference");
    if (reference == null) {
      reference = execution.getProcessBusinessKey();
    }
    return reference == null || reference.isBlank() ? execution.getProcessInstanceId() : reference;
  }
}
