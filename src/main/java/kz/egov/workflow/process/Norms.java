package kz.egov.workflow.process;

import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.springframework.stereotype.Component;

/**
 * {@code ${norms}}: the regulation's deadlines as the diagram states them. The process element carries
 * {@code deadline-working-days} and, per kind of request, {@code deadline-working-days.<requestKind>}
 * ({@code camunda:properties}), so an analyst changes a deadline in Modeler:
 * <pre>  ${workingDays.deadline(applicationRegisteredAt, norms.deadlineDays(execution))}</pre>
 */
@Component("norms")
public class Norms {

  public int deadlineDays(DelegateExecution execution) {
    Process process = ElementProperties.process(execution);
    Map<String, String> properties = ElementProperties.of(process);
    Object kind = execution.getVariable("requestKind");
    String value = kind == null ? null : properties.get("deadline-working-days." + kind);
    if (value == null) {
      value = properties.get("deadline-working-days");
    }
    if (value == null) {
      throw new IllegalStateException("Process " + process.getId()
          + " needs the camunda:property deadline-working-days (or deadline-working-days." + kind + ")");
    }
    try {
      return Integer.parseInt(value.strip());
    } catch (NumberFormatException e) {
      throw new IllegalStateException("Process " + process.getId() + ": deadline-working-days '" + value
          + "' is not a whole number of working days");
    }
  }
}
