package kz.egov.workflow.process;

import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.ExtensionElements;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;

/**
 * The {@code camunda:properties} of a diagram element: where analysts keep norms, deadlines and messages
 * (GUIDE: "analyst-editable facts go into camunda:properties, not into Java").
 */
final class ElementProperties {

  private ElementProperties() {}

  /** The process element the execution runs (a definition id is "<key>:<version>:<id>"). */
  static Process process(DelegateExecution execution) {
    String key = execution.getProcessDefinitionId().split(":")[0];
    var processes = execution.getBpmnModelInstance().getModelElementsByType(Process.class);
    return processes.stream().filter(p -> p.getId().equals(key)).findFirst()
        .orElseGet(() -> processes.iterator().next());
  }

  static Map<String, String> of(BaseElement element) {
    Map<String, String> properties = new LinkedHashMap<>();
    if (element == null) {
      return properties;
    }
    ExtensionElements extensions = element.getExtensionElements();
    if (extensions == null) {
      return properties;
    }
    for (CamundaProperties group : extensions.getChildElementsByType(CamundaProperties.class)) {
      for (CamundaProperty property : group.getCamundaProperties()) {
        if (property.getCamundaName() != null && property.getCamundaValue() != null) {
          properties.put(property.getCamundaName(), property.getCamundaValue());
        }
      }
    }
    return properties;
  }
}
