package kz.egov.workflow.process;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import kz.egov.workflow.application.FormSchemas;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.springframework.stereotype.Component;

/**
 * {@code ${requestForms.check(task)}}: the complete listener of a task where an employee enters the request
 * (R1 №2 P3), after {@code ${formFields.collect(...)}}: the collected {@code formData} passes the service's
 * schema ({@code processes/<service>/request.schema.json}) as the portal's requests do, so that a request the
 * result could not be formed from (an export period that ends before it starts, a cultural value without its
 * quantity) is refused with 400 through {@code /engine-rest} and the task stays open.
 */
@Component("requestForms")
public class RequestForms {

  private final FormSchemas schemas;
  private final ObjectMapper json;

  public RequestForms(FormSchemas schemas, ObjectMapper json) {
    this.schemas = schemas;
    this.json = json;
  }

  public void check(DelegateTask task) {
    Object service = task.getVariable("service");
    Object kind = task.getVariable("requestKind");
    Object formData = task.getVariable("formData");
    JsonNode form;
    try {
      form = formData == null ? json.createObjectNode() : json.readTree(formData.toString());
    } catch (JsonProcessingException e) {
      throw new FormFieldValidationException("formData", "formData is not JSON: " + e.getOriginalMessage());
    }
    List<String> problems = schemas.problems(String.valueOf(service), kind == null ? null : kind.toString(), form);
    if (!problems.isEmpty()) {
      String field = problems.get(0).replaceFirst("^formData\\.([A-Za-z0-9]+).*$", "$1");
      throw new FormFieldValidationException(field, String.join("; ", problems));
    }
  }
}
