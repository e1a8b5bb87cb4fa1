package kz.egov.workflow.process;

import kz.egov.workflow.access.SystemGroup;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.springframework.stereotype.Component;

/**
 * {@code ${serviceCenterOperators.who(execution)}}: the operator who accepted an application at a service center
 * (R5 №3 P1, P2, P5, whose EDS certifies the request). An operator who starts the service in Tasklist or submits it
 * through the API is that operator; when the service centers' system submits it, the form names the operator
 * ({@code formData.operator}). An operator can never name another operator: their own login wins.
 */
@Component("serviceCenterOperators")
public class ServiceCenterOperators {

  private final IdentityService identity;
  private final FormFields formFields;

  public ServiceCenterOperators(IdentityService identity, FormFields formFields) {
    this.identity = identity;
    this.formFields = formFields;
  }

  public String who(DelegateExecution execution) {
    Object known = execution.getVariable("operator");
    if (known != null && !known.toString().isBlank()) {
      return known.toString();
    }
    Object submitter = execution.getVariable("submittedBy");
    String submittedBy = submitter == null ? null : submitter.toString();
    if (submittedBy != null && isOperator(submittedBy)) {
      return submittedBy;
    }
    String named = formFields.value(execution, "operator");
    return named != null ? named : submittedBy;
  }

  private boolean isOperator(String userId) {
    CommandContext command = Context.getCommandContext();
    // whoever runs the step: the membership is a fact about the user, not about the caller's rights
    return command == null ? member(userId) : command.runWithoutAuthorization(() -> member(userId));
  }

  private boolean member(String userId) {
    return identity.createUserQuery().userId(userId).memberOfGroup(SystemGroup.SERVICE_CENTER_OPERATOR.id())
        .count() > 0;
  }
}
