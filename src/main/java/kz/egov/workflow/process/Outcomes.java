package kz.egov.workflow.process;

import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * {@code ${outcome}}, the start listener of every end event: records how the application ended, from the end
 * event's {@code camunda:properties}, so that the status API and Cockpit show the reason the applicant sees.
 * <ul>
 *   <li>{@code outcome}: {@code issued} or {@code refused} (required);</li>
 *   <li>{@code message.en}, {@code message.ru}, {@code message.kk}: the regulation's message (P5 "service refused,
 *       no payment");</li>
 *   <li>{@code reason-variable}: the variable holding the particulars (e.g. {@code signatureMessage}); its
 *       {@code …Ru} and {@code …Kk} siblings are used when present.</li>
 * </ul>
 * Sets {@code outcome}, and for refusals {@code refusalStep} (the end event's number: the name's first word,
 * "P7"), {@code refusalReason}, {@code refusalReasonRu}, {@code refusalReasonKk}.
 */
@Component("outcome")
public class Outcomes implements ExecutionListener {

  @Override
  public void notify(DelegateExecution execution) {
    Map<String, String> properties = ElementProperties.of(execution.getBpmnModelElementInstance());
    String outcome = properties.get("outcome");
    if (!"issued".equals(outcome) && !"refused".equals(outcome)) {
      throw new IllegalStateException("End event '" + execution.getCurrentActivityName()
          + "' needs the camunda:property outcome = issued or refused");
    }
    execution.setVariable("outcome", outcome);
    if ("issued".equals(outcome)) {
      return;
    }
    String name = execution.getCurrentActivityName();
    String step = name == null ? execution.getCurrentActivityId() : name.split("\\s+")[0];
    String detailVariable = properties.get("reason-variable");
    String detail = text(execution, detailVariable);
    String detailRu = detailVariable == null ? null : text(execution, detailVariable + "Ru");
    String detailKk = detailVariable == null ? null : text(execution, detailVariable + "Kk");
    execution.setVariable("refusalStep", step);
    execution.setVariable("refusalReason", join(properties.get("message.en"), detail));
    execution.setVariable("refusalReasonRu", join(properties.get("message.ru"), detailRu != null ? detailRu : detail));
    execution.setVariable("refusalReasonKk", join(properties.get("message.kk"), detailKk != null ? detailKk : detail));
  }

  private static String text(DelegateExecution execution, String variable) {
    if (variable == null) {
      return null;
    }
    Object value = execution.getVariable(variable);
    return value == null || value.toString().isBlank() ? null : value.toString().strip();
  }

  /** The message, then the particulars; a step whose particulars already begin with the message gives them alone. */
  private static String join(String message, String detail) {
    if (message == null) {
      return detail;
    }
    if (detail == null) {
      return message;
    }
    return detail.toLowerCase(java.util.Locale.ROOT).startsWith(message.toLowerCase(java.util.Locale.ROOT)) ? detail
        : message + ": " + detail;
  }
}
