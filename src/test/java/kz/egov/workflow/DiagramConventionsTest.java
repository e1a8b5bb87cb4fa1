package kz.egov.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.Definitions;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Lane;
import org.camunda.bpm.model.bpmn.instance.Participant;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The rules every diagram under {@code processes/} keeps so that analysts can open it in Camunda Modeler
 * and the engine runs it as written (see GUIDE "Diagrams"). bpmnlint checks the modelling rules in
 * {@code mvn verify}; these are the project's own.
 */
class DiagramConventionsTest {

  private static final String MODELER_NS = "http://camunda.org/schema/modeler/1.0";

  @TestFactory
  Stream<DynamicTest> everyDiagramKeepsTheConventions() throws IOException {
    Set<String> formIds = formIds();
    return DiagramRuns.diagramFiles().stream().map(file -> DynamicTest.dynamicTest(file.toString(), () -> {
      BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
      List<String> problems = new ArrayList<>();

      Definitions definitions = model.getDefinitions();
      if (!"Camunda Platform".equals(definitions.getAttributeValueNs(MODELER_NS, "executionPlatform"))
          || !"7.24.0".equals(definitions.getAttributeValueNs(MODELER_NS, "executionPlatformVersion"))) {
        problems.add("definitions: modeler:executionPlatform must be Camunda Platform 7.24.0");
      }
      for (Process process : model.getModelElementsByType(Process.class)) {
        if (process.getCamundaHistoryTimeToLiveString() == null) {
          problems.add(process.getId() + ": camunda:historyTimeToLive is missing");
        }
      }

      Set<String> drawn = new HashSet<>();
      model.getModelElementsByType(BpmnShape.class).forEach(s -> drawn.add(s.getBpmnElement().getId()));
      model.getModelElementsByType(BpmnEdge.class).forEach(e -> drawn.add(e.getBpmnElement().getId()));
      List<BaseElement> visible = new ArrayList<>();
      visible.addAll(model.getModelElementsByType(FlowNode.class));
      visible.addAll(model.getModelElementsByType(SequenceFlow.class));
      visible.addAll(model.getModelElementsByType(Lane.class));
      visible.addAll(model.getModelElementsByType(Participant.class));
      for (BaseElement element : visible) {
        if (!drawn.contains(element.getId())) {
          problems.add(element.getId() + ": has no shape or edge in the diagram");
        }
      }

      for (FlowNode node : model.getModelElementsByType(FlowNode.class)) {
        if (node.getName() == null || node.getName().isBlank()) {
          problems.add(node.getId() + ": has no name");
        }
      }
      for (ServiceTask task : model.getModelElementsByType(ServiceTask.class)) {
        String delegate = task.getCamundaDelegateExpression();
        if (task.getCamundaClass() != null || delegate == null || !delegate.matches("\\$\\{[a-zA-Z]+}")) {
          problems.add(task.getId() + ": service tasks call a delegate bean as ${beanName}");
        }
      }
      for (UserTask task : model.getModelElementsByType(UserTask.class)) {
        String formRef = task.getCamundaFormRef();
        if (formRef != null && !formIds.contains(formRef)) {
          problems.add(task.getId() + ": form " + formRef + " is not under forms/");
        }
      }
      assertThat(problems).as(file.toString()).isEmpty();
    }));
  }


  private static Set<String> formIds() throws IOException {
    ObjectMapper json = new ObjectMapper();
    Set<String> ids = new HashSet<>();
    try (Stream<Path> files = Files.walk(Path.of("forms"))) {
      for (Path form : files.filter(f -> f.toString().endsWith(".form")).toList()) {
        ids.add(json.readTree(form.toFile()).get("id").asText());
      }
    }
    return ids;
  }
}
