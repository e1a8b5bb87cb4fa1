package kz.egov.workflow.process;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.spin.plugin.variable.SpinValues;
import org.springframework.stereotype.Component;

import static org.camunda.spin.Spin.JSON;

/**
 * {@code ${appointments}}: the head appoints the responsible executor (R3 item 5 step 2: "the head reviews the
 * documents and appoints the responsible executor").
 * <ul>
 *   <li>{@code ${appointments.offer(task, 'akmola-executor')}} (create listener): the members of the executors'
 *       group as the options of the form's select ({@code executorOptions}, a task variable);</li>
 *   <li>{@code ${appointments.appoint(task, 'akmola-executor', 'akmola-head')}} (complete listener): the chosen
 *       {@code executorId} is a member of the executors' group and the one who appoints a member of the heads'
 *       group. Sets {@code executorId}, {@code executorName} and {@code headId} (the head, who later signs the
 *       result). The executor's tasks are assigned to {@code ${executorId}}.</li>
 * </ul>
 */
@Component("appointments")
public class Appointments {

  private final IdentityService identity;

  public Appointments(IdentityService identity) {
    this.identity = identity;
  }

  public void offer(DelegateTask task, String group) {
    List<Map<String, String>> options = members(group).stream()
        .map(u -> Map.of("label", name(u) + " (" + u.getId() + ")", "value", u.getId())).toList();
    task.setVariableLocal("executorOptions", SpinValues.jsonValue(JSON(options).toString()).create());
  }

  public void appoint(DelegateTask task, String executors, String heads) {
    Object chosen = task.getVariable("executorId");
    List<User> members = members(executors);
    User executor = chosen == null ? null
        : members.stream().filter(u -> u.getId().equals(chosen.toString().strip())).findFirst().orElse(null);
    if (executor == null) {
      throw new FormFieldValidationException("executorId", "executorId: choose the responsible executor among the"
          + " members of " + executors + " (" + members.stream().map(User::getId).collect(Collectors.joining(", "))
          + "), not " + (chosen == null ? "nobody" : "'" + chosen + "'")
          + " (жауапты орындаушыны таңдаңыз / выберите ответственного исполнителя)");
    }
    String head = ResultDrafts.actor(task);
    if (head == null || members(heads).stream().noneMatch(u -> u.getId().equals(head))) {
      throw new FormFieldValidationException("executorId", "Only the head of the provider (" + heads
          + ") appoints the responsible executor; " + (head == null ? "nobody is signed in" : head + " is not one")
          + " (орындаушыны басшы анықтайды / исполнителя определяет руководитель)");
    }
    task.setVariable("executorId", executor.getId());
    task.setVariable("executorName", name(executor));
    task.setVariable("headId", head);
  }

  private List<User> members(String group) {
    var command = Context.getCommandContext();
    return command == null ? identity.createUserQuery().memberOfGroup(group).orderByUserId().asc().list()
        : command.runWithoutAuthorization(() ->
            identity.createUserQuery().memberOfGroup(group).orderByUserId().asc().list());
  }

  static String name(User user) {
    String name = Stream.of(user.getFirstName(), user.getLastName()).filter(s -> s != null && !s.isBlank())
        .collect(Collectors.joining(" "));
    return name.isEmpty() ? user.getId() : name;
  }
}
