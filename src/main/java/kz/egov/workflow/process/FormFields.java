package kz.egov.workflow.process;

import java.util.Arrays;
import java.util.Collection;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.spin.json.SpinJsonNode;
import org.camunda.spin.plugin.variable.value.JsonValue;
import org.springframework.stereotype.Component;

import static org.camunda.spin.Spin.JSON;

/**
 * {@code ${formFields}}: a person's form writes one variable per field; the application keeps them together
 * as {@code formData} (docs/process-variables.md), the way the portal sends them. Used as a task listener:
 * <pre>  ${formFields.collect(task, 'companyName,siteAddress,metals,subtypes')}</pre>
 * Empty fields are left out; fields of an existing {@code formData} that the form does not list are kept.
 */
@Component("formFields")
public class FormFields {

  public void collect(DelegateTask task, String names) {
    Object existing = task.getVariable("formData");
    SpinJsonNode data = existing instanceof SpinJsonNode json && json.isObject() ? JSON(json.toString()) : JSON("{}");
    for (String name : Arrays.stream(names.split(",")).map(String::strip).filter(n -> !n.isEmpty()).toList()) {
      Object value = task.getVariable(name);
      if (value == null || value.toString().isBlank()) {
        continue;
      }
      if (value instanceof SpinJsonNode json) {
        data.prop(name, json);
      } else if (value instanceof JsonValue json) {
        data.prop(name, json.getValue());
      } else if (value instanceof Collection<?> || value instanceof Map<?, ?>) {
        data.prop(name, JSON(value));
      } else if (value instanceof Boolean bool) {
        data.prop(name, bool);
      } else if (value instanceof Number number) {
        data.prop(name, number);
      } else {
        data.prop(name, value.toString().strip());
      }
    }
    task.setVariable("formData", data);
  }

  /**
   * {@code ${formFields.value(execution, 'powerOfAttorneyNumber')}}: a field a person entered in Tasklist (a process
   * variable), else the same field of {@code formData} as the application API received it; null when neither.
   */
  public String value(DelegateExecution execution, String name) {
    Object variable = execution.getVariable(name);
    if (variable != null && !variable.toString().isBlank()) {
      return variable.toString().strip();
    }
    if (execution.getVariable("formData") instanceof SpinJsonNode form && form.isObject() && form.hasProp(name)
        && form.prop(name).isValue()) {
      String text = form.prop(name).value().toString().strip();
      return text.isEmpty() ? null : text;
    }
    return null;
  }
}
