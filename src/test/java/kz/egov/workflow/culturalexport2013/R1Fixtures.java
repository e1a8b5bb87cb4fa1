package kz.egov.workflow.culturalexport2013;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;

/** What the R1 tests share: the request's form, and an instance's variables as history keeps them. */
final class R1Fixtures {

  /** The form of docs/documents.md: a dombra and two carpets to an exhibition in Türkiye. */
  static final String FORM = """
      {"culturalValues":[{"description":"Домбыра, ағаш, XIX ғ. / Домбра, дерево, XIX в.","quantity":1,"dating":"XIX ғ."},
      {"description":"Текемет, киіз / Текемет, войлок","quantity":2}],
      "exportPurpose":"көрме / выставка","destinationCountry":"Түркия / Турция",
      "receivingParty":"Анкара, Этнография музейі","exportFrom":"2026-04-01","exportUntil":"2026-06-30"}""";

  private R1Fixtures() {}

  /** An instance's own variables (not the steps' local input mappings), also after its end. */
  static Map<String, Object> variables(HistoryService history, ProcessInstance instance) {
    Map<String, Object> values = new HashMap<>();
    for (HistoricVariableInstance variable : history.createHistoricVariableInstanceQuery()
        .processInstanceId(instance.getId()).list()) {
      if (variable.getValue() != null && instance.getId().equals(variable.getActivityInstanceId())) {
        values.put(variable.getName(), variable.getValue());
      }
    }
    return values;
  }

  static List<String> candidateGroups(TaskService tasks, Task task) {
    return tasks.getIdentityLinksForTask(task.getId()).stream().filter(l -> "candidate".equals(l.getType()))
        .map(IdentityLink::getGroupId).toList();
  }
}
