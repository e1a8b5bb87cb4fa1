package kz.egov.workflow.scrapmetal;

import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;

/** An instance's own variables as history keeps them, also after its end (not the steps' local input mappings). */
final class ProcessVariables {

  private ProcessVariables() {}

  static Map<String, Object> of(HistoryService history, ProcessInstance instance) {
    Map<String, Object> values = new HashMap<>();
    for (HistoricVariableInstance variable : history.createHistoricVariableInstanceQuery()
        .processInstanceId(instance.getId()).list()) {
      if (variable.getValue() != null && instance.getId().equals(variable.getActivityInstanceId())) {
        values.put(variable.getName(), variable.getValue());
      }
    }
    return values;
  }
}
