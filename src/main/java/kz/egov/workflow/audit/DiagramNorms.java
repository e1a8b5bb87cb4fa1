package kz.egov.workflow.audit;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Activity;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.ExtensionElements;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;
import org.springframework.stereotype.Component;

/**
 * The norms of each deployed diagram, read once per process definition from the repository's BPMN model.
 * A deployed definition never changes (a changed diagram is a new version with a new id), so the cache is
 * always right, and an instance is judged by the norms of the version it ran.
 */
@Component
public class DiagramNorms {

  private final RepositoryService repository;
  private final Map<String, DefinitionNorms> cache = new ConcurrentHashMap<>();

  public DiagramNorms(RepositoryService repository) {
    this.repository = repository;
  }

  public DefinitionNorms of(String processDefinitionId) {
    return cache.computeIfAbsent(processDefinitionId, this::read);
  }

  private DefinitionNorms read(String processDefinitionId) {
    ProcessDefinition definition = repository.getProcessDefinition(processDefinitionId);
    BpmnModelInstance model = repository.getBpmnModelInstance(processDefinitionId);
    Process process = model.getModelElementById(definition.getKey());
    Map<String, StepNorm> elements = new HashMap<>();
    for (FlowNode node : model.getModelElementsByType(FlowNode.class)) {
      elements.put(node.getId(), StepNorm.of(node.getId(), node.getName(), node.getElementType().getTypeName(),
          node instanceof Activity, properties(node)));
    }
    String name = definition.getName() != null ? definition.getName() : definition.getKey();
    return new DefinitionNorms(processDefinitionId, definition.getKey(), name, properties(process), elements);
  }

  static Map<String, String> properties(BaseElement element) {
    Map<String, String> properties = new LinkedHashMap<>();
    ExtensionElements extensions = element == null ? null : element.getExtensionElements();
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
