package kz.egov.workflow.culturalexport2017;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import kz.egov.workflow.process.Jobs;
import kz.egov.workflow.signature.DemoPki;
import kz.egov.workflow.signature.ResultSigner;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.spin.plugin.variable.SpinValues;

/** Drives R3's provider procedure (cultural-export-2017-provider) through the engine's Java API, as its people. */
final class R3Steps {

  static final List<String> CLERK = List.of("akmola", "akmola-clerk");
  static final List<String> HEAD = List.of("akmola", "akmola-head");
  static final List<String> EXECUTOR = List.of("akmola", "akmola-executor");
  static final List<String> COMMISSION = List.of("akmola", "akmola-commission");
  static final String ITEMS = "[{\"description\":\"Домбыра, XIX ғ., ағаш / Домбра, XIX в., дерево\",\"quantity\":1},"
      + "{\"description\":\"Кілем, жүн, 2×3 м / Ковёр, шерсть, 2×3 м\",\"quantity\":2}]";

  private final ProcessEngine engine;
  private final DemoPki pki;

  R3Steps(ProcessEngine engine, DemoPki pki) {
    this.engine = engine;
    this.pki = pki;
  }

  Task task(String processInstanceId, String key) {
    Task task = engine.getTaskService().createTaskQuery().processInstanceId(processInstanceId).taskDefinitionKey(key)
        .singleResult();
    assertThat(task).as("task %s of %s", key, processInstanceId).isNotNull();
    return task;
  }

  void completeAs(String user, List<String> groups, Task task, Map<String, Object> variables) {
    engine.getIdentityService().setAuthentication(user, groups);
    try {
      engine.getTaskService().complete(task.getId(), variables);
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
  }

  /** Step 1 at the office: the applicant's data, the items declared and received. */
  static Map<String, Object> received(String applicantId, String applicantName, boolean paperCopy) {
    Map<String, Object> data = new HashMap<>();
    data.put("applicantId", applicantId);
    data.put("applicantName", applicantName);
    data.put("contactPhone", "+77011234567");
    data.put("destinationCountry", "Франция / Франция");
    data.put("exportPurpose", "Көрме / Выставка «Ұлы дала»");
    data.put("exportFrom", "2027-03-01");
    data.put("exportUntil", "2027-06-30");
    data.put("paperCopy", paperCopy);
    data.put("documentsReceived", true);
    data.put("items", json(ITEMS.replace("\"quantity\":1}", "\"quantity\":1,\"received\":1}")
        .replace("\"quantity\":2}", "\"quantity\":2,\"received\":2}")));
    return data;
  }

  /** Steps 1 (the register job included) to 3, with the executor's decision. */
  void throughCheck(String processInstanceId, Map<String, Object> step1, String decision, String reason) {
    if (step1 != null) {
      completeAs("akmola.clerk", CLERK, task(processInstanceId, "task-receive"), step1);
    }
    Jobs.runDue(engine.getManagementService(), processInstanceId);
    completeAs("akmola.head", HEAD, task(processInstanceId, "task-appoint"), Map.of("executorId", "akmola.executor"));
    Map<String, Object> check = new HashMap<>(Map.of("executorDecision", decision));
    if (reason != null) {
      check.put("decisionReason", reason);
    }
    completeAs("akmola.executor", EXECUTOR, task(processInstanceId, "task-check"), check);
  }

  /** Step 4 with every item back, then step 5. */
  void throughPrepare(String processInstanceId, String conclusion, String text) {
    Map<String, Object> concluded = new HashMap<>(Map.of("commissionConclusion", conclusion,
        "items", json("[{\"description\":\"Домбыра, XIX ғ., ағаш / Домбра, XIX в., дерево\",\"quantity\":1,"
            + "\"returned\":1},{\"description\":\"Кілем, жүн, 2×3 м / Ковёр, шерсть, 2×3 м\",\"quantity\":2,"
            + "\"returned\":2}]")));
    if (text != null) {
      concluded.put("commissionConclusionText", text);
    }
    completeAs("akmola.commission", COMMISSION, task(processInstanceId, "task-commission"), concluded);
    completeAs("akmola.executor", EXECUTOR, task(processInstanceId, "task-prepare"), Map.of());
  }

  /** The draft the head is to sign: the file variable the executor's step left. */
  byte[] draft(String processInstanceId) {
    try (java.io.InputStream in = engine.getRuntimeService()
        .<org.camunda.bpm.engine.variable.value.FileValue>getVariableTyped(processInstanceId, "resultDraft").getValue()) {
      return in.readAllBytes();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** A detached CMS over {@code data} with {@code user}'s demo staff key. */
  byte[] sign(String user, byte[] data) {
    return ResultSigner.fromPkcs12(pki.staffKeyStore(user), DemoPki.PASSWORD.toCharArray(), "staff")
        .signDetached(data);
  }

  void signAsHead(String processInstanceId) {
    byte[] cms = sign("akmola.head", draft(processInstanceId));
    completeAs("akmola.head", HEAD, task(processInstanceId, "task-sign"), Map.of("headSignature",
        Variables.fileValue("draft.pdf.p7s").file(cms).mimeType("application/pkcs7-signature").create()));
  }

  /** Step 7 with exactly the items received. */
  void handOver(String processInstanceId) {
    completeAs("akmola.clerk", CLERK, task(processInstanceId, "task-hand-over"), Map.of("recipientName",
        "Серікбаев Ерлан", "identityChecked", true, "items", json(
            "[{\"description\":\"Домбыра, XIX ғ., ағаш / Домбра, XIX в., дерево\",\"quantity\":1,\"handedOver\":1},"
                + "{\"description\":\"Кілем, жүн, 2×3 м / Ковёр, шерсть, 2×3 м\",\"quantity\":2,\"handedOver\":2}]")));
  }

  static Object json(String text) {
    return SpinValues.jsonValue(text).create();
  }
}
