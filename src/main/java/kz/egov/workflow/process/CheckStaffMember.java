package kz.egov.workflow.process;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import kz.egov.workflow.access.AccessProperties;
import kz.egov.workflow.access.StaffRole;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.springframework.stereotype.Component;

/**
 * C1 of the provider diagrams (R1, R2, R5 №2: "are the registered employee's data authentic?"; the same
 * question at R4 №1 and the service centers' C1): is the engine user who works the application a registered
 * employee of the provider?
 *
 * <p>Yes when the user exists in the engine's identity service and belongs to the provider's staff: its staff
 * group {@code <provider>} or any of its role groups {@code <provider>-<role>} (clerk, head, executor,
 * commission, employee). C1 asks whether the person is the provider's employee, not which step the person may
 * do: who may do a step is its task's candidate group. Requiring {@code <provider>-employee} alone would refuse
 * the clerk who registers an application or the head who signs; membership in another provider's groups,
 * a system group or {@code camunda-admin} alone is not employment at this provider.
 *
 * <p>Inputs {@code employeeId} (an engine user id: {@code ${initiator}} or {@code submittedBy}),
 * {@code provider}. Sets {@code employeeAuthentic}, {@code employeeReason}, {@code employeeReasonRu},
 * {@code employeeReasonKk} and {@code employeeName} (first and last name, when the user exists). A provider
 * not in {@code egov.access.providers} is a modelling error (the step fails), not the employee's fault.
 *
 * <p>With the input {@code staffGroup} instead of {@code provider} the question is membership of that one group:
 * R5 №3 P1 asks whether the user who accepted the application is a service-center operator
 * ({@code service-center-operator}).
 */
@Component("checkStaffMember")
public class CheckStaffMember implements JavaDelegate {

  private final IdentityService identity;
  private final AccessProperties access;

  public CheckStaffMember(IdentityService identity, AccessProperties access) {
    this.identity = identity;
    this.access = access;
  }

  @Override
  public void execute(DelegateExecution execution) throws Exception {
    String employeeId = StepInputs.required(execution, "employeeId");
    String staffGroup = StepInputs.optional(execution, "staffGroup");
    if (staffGroup != null) {
      checkGroup(execution, employeeId, staffGroup);
      return;
    }
    String providerId = StepInputs.required(execution, "provider");
    AccessProperties.Provider provider = access.providers().stream().filter(p -> p.id().equals(providerId))
        .findFirst().orElseThrow(() -> new IllegalArgumentException("Step '" + execution.getCurrentActivityName()
            + "': provider '" + providerId + "' is not one of egov.access.providers"));

    // identity queries honour the caller's authorizations when the engine checks them in delegation code too
    // (authorizationEnabledForCustomCode); C1 must see every user and group whoever runs the step
    CommandContext command = Context.getCommandContext();
    Identity found = command == null ? lookUp(employeeId) : command.runWithoutAuthorization(() -> lookUp(employeeId));
    User user = found.user();
    if (user == null) {
      execution.removeVariable("employeeName");
      answer(execution, false,
          "The employee's data are not authentic: user " + employeeId + " is not registered",
          "Данные сотрудника не подтверждены: пользователь " + employeeId + " не зарегистрирован",
          "Қызметкердің деректері расталмады: " + employeeId + " пайдаланушысы тіркелмеген");
      return;
    }
    String name = Stream.of(user.getFirstName(), user.getLastName()).filter(s -> s != null && !s.isBlank())
        .collect(Collectors.joining(" "));
    execution.setVariable("employeeName", name.isEmpty() ? employeeId : name);

    Set<String> staffGroups = Stream.concat(Stream.of(provider.id()),
        Arrays.stream(StaffRole.values()).map(r -> r.groupId(provider.id()))).collect(Collectors.toSet());
    List<String> memberOf = found.groups().stream().filter(staffGroups::contains).sorted().toList();
    if (memberOf.isEmpty()) {
      answer(execution, false,
          "The employee's data are not authentic: " + employeeId + " is not an employee of " + provider.name(),
          "Данные сотрудника не подтверждены: " + employeeId + " не является сотрудником услугодателя ("
              + provider.nameRu() + ")",
          "Қызметкердің деректері расталмады: " + employeeId + " қызмет берушінің (" + provider.nameKk()
              + ") қызметкері емес");
    } else {
      String who = (name.isEmpty() ? employeeId : name) + " (" + employeeId + ")";
      answer(execution, true,
          who + " is an employee of " + provider.name() + " (" + String.join(", ", memberOf) + ")",
          who + " — сотрудник услугодателя (" + provider.nameRu() + ")",
          who + " — қызмет берушінің (" + provider.nameKk() + ") қызметкері");
    }
  }

  private void checkGroup(DelegateExecution execution, String userId, String group) {
    CommandContext command = Context.getCommandContext();
    Identity found = command == null ? lookUp(userId) : command.runWithoutAuthorization(() -> lookUp(userId));
    if (found.user() == null) {
      execution.removeVariable("employeeName");
      answer(execution, false,
          "The operator's data are not authentic: user " + userId + " is not registered",
          "Данные оператора не подтверждены: пользователь " + userId + " не зарегистрирован",
          "Оператордың деректері расталмады: " + userId + " пайдаланушысы тіркелмеген");
      return;
    }
    String name = Stream.of(found.user().getFirstName(), found.user().getLastName())
        .filter(s -> s != null && !s.isBlank()).collect(Collectors.joining(" "));
    execution.setVariable("employeeName", name.isEmpty() ? userId : name);
    if (found.groups().contains(group)) {
      String who = (name.isEmpty() ? userId : name) + " (" + userId + ")";
      answer(execution, true, who + " is a member of " + group, who + " — участник группы " + group,
          who + " — " + group + " тобының мүшесі");
    } else {
      answer(execution, false,
          "The operator's data are not authentic: " + userId + " is not a member of " + group,
          "Данные оператора не подтверждены: " + userId + " не входит в группу " + group,
          "Оператордың деректері расталмады: " + userId + " " + group + " тобына кірмейді");
    }
  }

  /** The user as the identity service knows it (null when unknown) and the ids of its groups. */
  private record Identity(User user, List<String> groups) {}

  private Identity lookUp(String id) {
    User user = identity.createUserQuery().userId(id).singleResult();
    return new Identity(user, user == null ? List.of()
        : identity.createGroupQuery().groupMember(id).list().stream().map(Group::getId).toList());
  }

  private static void answer(DelegateExecution execution, boolean authentic, String en, String ru, String kk) {
    execution.setVariable("employeeAuthentic", authentic);
    execution.setVariable("employeeReason", en);
    execution.setVariable("employeeReasonRu", ru);
    execution.setVariable("employeeReasonKk", kk);
  }
}
