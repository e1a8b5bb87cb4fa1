package kz.egov.workflow.archival;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.value.FileValue;

/** What the R4 process tests share: jobs across the called diagrams, tasks anywhere in an application's tree. */
final class ArchivalTestSupport {

  static final byte[] PDF = "%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
  static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0, 0, 13};

  private ArchivalTestSupport() {}

  static FileValue pdf(String name) {
    return Variables.fileValue(name).file(PDF).mimeType("application/pdf").create();
  }

  /** The instance and every instance it called (archives, delivery, hand-over), still running. */
  static List<String> tree(ProcessEngine engine, String processInstanceId) {
    List<String> ids = new ArrayList<>();
    List<String> next = List.of(processInstanceId);
    while (!next.isEmpty()) {
      ids.addAll(next);
      List<String> children = new ArrayList<>();
      for (String id : next) {
        engine.getRuntimeService().createProcessInstanceQuery().superProcessInstanceId(id).list()
            .forEach(p -> children.add(p.getId()));
      }
      next = children;
    }
    return ids;
  }

  /** Runs the due jobs of the whole tree until none is left. */
  static void runDue(ProcessEngine engine, String processInstanceId) {
    ManagementService management = engine.getManagementService();
    for (int i = 0; i < 40; i++) {
      List<Job> due = new ArrayList<>();
      for (String id : tree(engine, processInstanceId)) {
        due.addAll(management.createJobQuery().processInstanceId(id).executable().list());
      }
      if (due.isEmpty()) {
        return;
      }
      management.executeJob(due.get(0).getId());
    }
    throw new AssertionError("instance " + processInstanceId + " keeps creating jobs");
  }

  /** The open task with this definition key anywhere in the application's tree. */
  static Task task(ProcessEngine engine, ProcessInstance root, String definitionKey) {
    for (String id : tree(engine, root.getId())) {
      Task task = engine.getTaskService().createTaskQuery().processInstanceId(id).taskDefinitionKey(definitionKey)
          .singleResult();
      if (task != null) {
        return task;
      }
    }
    throw new AssertionError("no open task " + definitionKey + " for instance " + root.getId());
  }

  static ProcessInstance child(ProcessEngine engine, ProcessInstance root, String key) {
    return tree(engine, root.getId()).stream().map(id -> engine.getRuntimeService().createProcessInstanceQuery()
        .processInstanceId(id).singleResult()).filter(p -> p != null && p.getProcessDefinitionKey().equals(key))
        .findFirst().orElseThrow(() -> new AssertionError("no running " + key + " under " + root.getId()));
  }
}
