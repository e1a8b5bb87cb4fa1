package kz.egov.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.instance.Process;

/**
 * What every database must support: each diagram under {@code processes/} deployed, and one instance of
 * each run to its end. Shared by the H2 and PostgreSQL tests.
 */
public final class DiagramRuns {

  /** Start variables and task outputs that run each diagram once to an end event. */
  private static final Map<String, Map<String, Object>> START = starts(
      "shared-hand-over-result", Map.of("applicationNumber", "KZ-TEST-2026-000001", "handOverGroup", "akmola-clerk"),
      // the personal cabinet: the status API links the result, nothing to send
      "shared-deliver-result", Map.of("delivery", "cabinet"),
      // a portal login nobody registered: P1, C1, P2
      "scrap-metal-license-portal", Map.of("requestKind", "issuance", "applicantId", "040540000123",
          "portalLogin", "950615300010", "cms", ""),
      // a user who is nobody's employee: P1, C1, P2
      "scrap-metal-license-provider", Map.of("submittedBy", "nobody"),
      // R4: a user who is nobody's employee / no service-center operator: P1, C1, P2; an unregistered portal login
      "archival-certificate-local-executive-body", Map.of("submittedBy", "nobody"),
      "archival-certificate-service-center", Map.of("submittedBy", "nobody"),
      "archival-certificate-portal", Map.of("applicantId", "850315300128", "portalLogin", "950615300010", "cms", ""),
      // the archives' P6 with the decision already given: the motivated refusal, P7
      "archival-certificate-archives", Map.of("applicationId", "DIAGRAM-RUN-R4-ARCHIVES",
          "applicationNumber", "KZ-TEST-2026-000004", "service", "archival-certificate", "provider", "mangystau",
          "applicantId", "850315300128", "applicantName", "Серікбаев Ерлан Маратұлы",
          "deadlineAt", java.util.Date.from(java.time.Instant.parse("2100-01-01T00:00:00Z")),
          "decision", "refuse", "decisionReason", "Сұралған кезеңнің құжаттары мұрағатқа түспеген"),
      // R1: a portal login nobody registered (P1, C1, P2); a user who is nobody's employee (P1, C1, P2)
      "cultural-export-2013-portal", Map.of("applicantId", "900101300126", "portalLogin", "950615300010", "cms", ""),
      "cultural-export-2013-provider", Map.of("submittedBy", "nobody"),
      // R5: a portal login nobody registered (P2); nobody's employee (P2); nobody's operator (P1 refused)
      "archaeology-license-portal", Map.of("requestKind", "issuance", "applicantId", "900101300126",
          "portalLogin", "950615300010", "cms", ""),
      "archaeology-license-provider", Map.of("submittedBy", "nobody"),
      "archaeology-license-service-center", Map.of("submittedBy", "nobody"),
      // R3: a portal login nobody registered (P1, C1, P2)
      "cultural-export-2017-portal", Map.of("applicantId", "900101300126", "portalLogin", "950615300010", "cms", ""),
      // the clerk does not accept an incomplete set of documents (task output below)
      "cultural-export-2017-provider", Map.of());
  private static final Map<String, Object> TASK_OUTPUT = Map.of(
      "recipientName", "Серікбаев Ерлан", "identityChecked", true);
  /** A diagram whose first task decides its way: that task's output instead of {@link #TASK_OUTPUT}. */
  private static final Map<String, Map<String, Object>> TASK_OUTPUT_OF = Map.of(
      "cultural-export-2017-provider", Map.of("documentsReceived", false,
          "notAcceptedReason", "Стандарттың 9-тармағындағы құжаттар толық емес"));

  private DiagramRuns() {}

  /** Pairs of process key and start variables (more than Map.of takes). */
  @SuppressWarnings("unchecked")
  private static Map<String, Map<String, Object>> starts(Object... pairs) {
    Map<String, Map<String, Object>> starts = new java.util.HashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      if (starts.put((String) pairs[i], (Map<String, Object>) pairs[i + 1]) != null) {
        throw new IllegalArgumentException("two starts for " + pairs[i]);
      }
    }
    return Map.copyOf(starts);
  }

  public static List<Path> diagramFiles() {
    try (Stream<Path> files = Files.walk(Path.of("processes"))) {
      return files.filter(f -> f.toString().endsWith(".bpmn")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static List<String> processKeys() {
    return diagramFiles().stream()
        .flatMap(f -> Bpmn.readModelFromFile(f.toFile()).getModelElementsByType(Process.class).stream())
        .filter(Process::isExecutable).map(Process::getId).sorted().toList();
  }

  public static void assertEveryDiagramDeployedAndRuns(ProcessEngine engine) {
    List<String> keys = processKeys();
    assertThat(keys).isNotEmpty();
    List<String> deployed = engine.getRepositoryService().createProcessDefinitionQuery().latestVersion().list()
        .stream().map(ProcessDefinition::getKey).sorted().toList();
    assertThat(deployed).containsAll(keys);
    List<String> resources = engine.getRepositoryService().createDeploymentQuery().list().stream()
        .flatMap(d -> engine.getRepositoryService().getDeploymentResourceNames(d.getId()).stream()).toList();
    assertThat(resources).as("Camunda Forms under forms/ deployed").anyMatch(r -> r.endsWith(".form"));

    for (String key : keys) {
      assertThat(START).as("a start for %s in DiagramRuns", key).containsKey(key);
      ProcessInstance instance = engine.getRuntimeService().startProcessInstanceByKey(key, START.get(key));
      for (int step = 0; step < 50 && !ended(engine, instance); step++) {
        runDueJobs(engine, instance);
        if (ended(engine, instance)) {
          break;
        }
        List<Task> tasks = engine.getTaskService().createTaskQuery().processInstanceId(instance.getId()).list();
        assertThat(tasks).as("%s waits for a person or has ended", key).isNotEmpty();
        for (Task task : tasks) {
          engine.getTaskService().complete(task.getId(), TASK_OUTPUT_OF.getOrDefault(key, TASK_OUTPUT));
        }
      }
      assertThat(ended(engine, instance)).as("%s ran to an end event", key).isTrue();
      assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceId(instance.getId())
          .singleResult().getEndActivityId()).as("%s ended at an end event", key).isNotNull();
    }
  }

  /** The job executor is off in tests: asynchronous continuations run here. */
  private static void runDueJobs(ProcessEngine engine, ProcessInstance instance) {
    for (int i = 0; i < 20; i++) {
      List<org.camunda.bpm.engine.runtime.Job> due = engine.getManagementService().createJobQuery()
          .processInstanceId(instance.getId()).executable().list();
      if (due.isEmpty()) {
        return;
      }
      engine.getManagementService().executeJob(due.get(0).getId());
    }
  }

  private static boolean ended(ProcessEngine engine, ProcessInstance instance) {
    return engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(instance.getId()).count() == 0;
  }
}
