package kz.egov.workflow.process;

import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * {@code ${escalateTasks}}: the deadline reminder. The application's open tasks get the priority
 * {@code priority} (input, default 90: Tasklist sorts them first) and the group {@code escalateTo} (input,
 * e.g. the provider's head) as a further candidate, so that the head sees what is about to breach the
 * deadline. Sets {@code deadlineReminderAt}.
 */
@Component("escalateTasks")
public class EscalateTasks implements JavaDelegate {

  @Override
  public void execute(DelegateExecution execution) {
    String group = StepInputs.optional(execution, "escalateTo");
    String priorityText = StepInputs.optional(execution, "priority");
    int priority = priorityText == null ? 90 : Integer.parseInt(priorityText);
    TaskService tasks = execution.getProcessEngineServices().getTaskService();
    List<Task> open = tasks.createTaskQuery().processInstanceId(execution.getProcessInstanceId()).active().list();
    for (Task task : open) {
      if (task.getPriority() < priority) {
        task.setPriority(priority);
        tasks.saveTask(task);
      }
      if (group != null) {
        tasks.addCandidateGroup(task.getId(), group);
      }
    }
    execution.setVariable("deadlineReminderAt", new Date(ClockUtil.getCurrentTime().getTime()));
  }
}
