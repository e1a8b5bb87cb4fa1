package kz.egov.workflow.process;

import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.spin.json.SpinJsonNode;
import org.springframework.stereotype.Component;

/**
 * {@code ${startApplication}}, the start listener of every regulation's process: whoever starts it (the
 * application API, {@code /engine-rest}, or an employee in Tasklist with no variables at all), the instance
 * has the start variables of docs/process-variables.md that identify it.
 * <ul>
 *   <li>the business key is the application's id: the one given, else a new UUID; {@code applicationId} equals it;</li>
 *   <li>{@code service}, {@code provider}, {@code channel} default to the process's {@code camunda:properties} of
 *       the same names; a start that names another service or channel for this diagram is refused;</li>
 *   <li>{@code applicantName} defaults to the form's {@code companyName}, or an individual's surname, given name
 *       and patronymic;</li>
 *   <li>{@code submittedBy} defaults to the user who started the instance ({@code camunda:initiator} or the
 *       authenticated user).</li>
 * </ul>
 */
@Component("startApplication")
public class StartApplication implements ExecutionListener {

  @Override
  public void notify(DelegateExecution execution) {
    String key = execution.getProcessBusinessKey();
    if (key == null || key.isBlank()) {
      Object given = execution.getVariable("applicationId");
      key = given == null || given.toString().isBlank() ? UUID.randomUUID().toString() : given.toString().strip();
      execution.setProcessBusinessKey(key);
    }
    Object applicationId = execution.getVariable("applicationId");
    if (applicationId != null && !key.equals(applicationId.toString())) {
      throw new IllegalArgumentException("applicationId '" + applicationId + "' differs from the business key '" + key
          + "'; they name the same application");
    }
    execution.setVariable("applicationId", key);

    Process process = ElementProperties.process(execution);
    Map<String, String> properties = ElementProperties.of(process);
    for (String name : new String[] {"service", "provider", "channel"}) {
      String expected = properties.get(name);
      Object given = execution.getVariable(name);
      if (expected == null) {
        continue;
      }
      if (given == null || given.toString().isBlank()) {
        execution.setVariable(name, expected);
      } else if (!expected.equals(given.toString())) {
        throw new IllegalArgumentException(name + " '" + given + "' does not match this diagram's " + name + " '"
            + expected + "'");
      }
    }
    // the applicant's name as the form gives it when the request names none (a registry look-up may replace it)
    Object applicantName = execution.getVariable("applicantName");
    if ((applicantName == null || applicantName.toString().isBlank())
        && execution.getVariable("formData") instanceof SpinJsonNode form && form.isObject()
        && form.hasProp("companyName") && form.prop("companyName").isString()) {
      execution.setVariable("applicantName", form.prop("companyName").stringValue());
    } else if ((applicantName == null || applicantName.toString().isBlank())
        && execution.getVariable("formData") instanceof SpinJsonNode form && form.isObject()
        && form.hasProp("surname") && form.hasProp("givenName")) {
      // an individual (R5 item 18.2): surname, given name and patronymic in full, as the licence prints them
      execution.setVariable("applicantName", java.util.stream.Stream.of("surname", "givenName", "patronymic")
          .filter(form::hasProp).map(form::prop).filter(SpinJsonNode::isString).map(SpinJsonNode::stringValue)
          .map(String::strip).filter(t -> !t.isEmpty()).collect(java.util.stream.Collectors.joining(" ")));
    }
    Object submittedBy = execution.getVariable("submittedBy");
    if (submittedBy == null || submittedBy.toString().isBlank()) {
      Object initiator = execution.getVariable("initiator");
      String user = initiator != null ? initiator.toString()
          : execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication() == null ? null
          : execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication().getUserId();
      if (user != null) {
        execution.setVariable("submittedBy", user);
      }
    }
  }
}
