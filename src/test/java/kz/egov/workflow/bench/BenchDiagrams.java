package kz.egov.workflow.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Diagrams the benchmark nodes deploy next to the real ones, generated at test time into a folder that only the
 * child JVMs have on their class path (so Camunda's auto-deployment picks them up on every node and no other test
 * context sees them):
 * <ul>
 *   <li>{@code bench-noop-portal}: the R2 portal diagram with every delegate and listener replaced by
 *       {@code ${benchNoop}} ({@link NoopSteps}), input/output mappings dropped and the timers' and due date's
 *       expressions replaced by a fixed far date: the same async boundaries, user task and timers, no work;</li>
 *   <li>{@code bench-one-task}: start, one user task, end: the bare engine start;</li>
 *   <li>{@code bench-deadline-timers}: a user task with a non-interrupting deadline timer due in the past whose
 *       path runs a no-op step, like R2's "Deadline reached".</li>
 * </ul>
 */
final class BenchDiagrams {

  static final String NOOP_PORTAL = "bench-noop-portal";
  static final String ONE_TASK = "bench-one-task";
  static final String TIMERS = "bench-deadline-timers";
  static final String FAR = "2099-12-31T13:30:00";

  private BenchDiagrams() {}

  static Path classPathRoot() {
    return Path.of("target/bench/classpath").toAbsolutePath();
  }

  /** Writes the three diagrams under {@link #classPathRoot()}/processes/bench. */
  static void write() throws IOException {
    Path folder = classPathRoot().resolve("processes/bench");
    Files.createDirectories(folder);
    String portal = Files.readString(Path.of("processes/scrap-metal-license/portal.bpmn"), StandardCharsets.UTF_8);
    Files.writeString(folder.resolve(NOOP_PORTAL + ".bpmn"), noopPortal(portal), StandardCharsets.UTF_8);
    Files.writeString(folder.resolve(ONE_TASK + ".bpmn"), oneTask(), StandardCharsets.UTF_8);
    Files.writeString(folder.resolve(TIMERS + ".bpmn"), timers(), StandardCharsets.UTF_8);
  }

  static String noopPortal(String portal) {
    String copy = portal.replace("\"scrap-metal-license-portal\"", "\"" + NOOP_PORTAL + "\"")
        .replace("id=\"scrap-metal-license-portal-", "id=\"" + NOOP_PORTAL + "-")
        .replace("name=\"R2 Scrap-metal licence via the portal (diagram №1)\"",
            "name=\"Benchmark: R2 portal diagram with no-op steps\"");
    copy = copy.replaceAll("camunda:delegateExpression=\"\\$\\{[^\"]*\\}\"",
        Matcher.quoteReplacement("camunda:delegateExpression=\"${benchNoop}\""));
    copy = copy.replaceAll("<camunda:(executionListener|taskListener)( event=\"\\w+\")? (?:expression|delegateExpression)=\"[^\"]*\"",
        "<camunda:$1$2 delegateExpression=\"\\${benchNoop}\"");
    copy = Pattern.compile("<camunda:inputOutput>.*?</camunda:inputOutput>", Pattern.DOTALL).matcher(copy)
        .replaceAll("");
    copy = copy.replaceAll("(<bpmn:timeDate[^>]*>)\\$\\{.*?\\}(</bpmn:timeDate>)", "$1" + FAR + "$2");
    copy = copy.replaceAll("camunda:dueDate=\"\\$\\{[^\"]*\\}\"", "camunda:dueDate=\"" + FAR + "\"");
    // the copy must not call anything of ours: only ${benchNoop} and variables remain
    Matcher leftover = Pattern.compile("\\$\\{(?!benchNoop\\}|!?\\w+\\}|decision == )[^}]*\\}").matcher(copy);
    if (leftover.find()) {
      throw new IllegalStateException("the no-op copy still calls " + leftover.group());
    }
    if (copy.contains("calledElement")) {
      throw new IllegalStateException("the portal diagram calls another process; the no-op copy would too");
    }
    return copy;
  }

  static String oneTask() {
    return header(ONE_TASK, "Benchmark: one user task") + """
        <bpmn:startEvent id="start" /><bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="task" />
        <bpmn:userTask id="task" name="Task" camunda:candidateGroups="camunda-admin" />
        <bpmn:sequenceFlow id="f2" sourceRef="task" targetRef="end" /><bpmn:endEvent id="end" />
      </bpmn:process>
    </bpmn:definitions>
    """;
  }

  static String timers() {
    return header(TIMERS, "Benchmark: deadline timers") + """
        <bpmn:startEvent id="start" /><bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="task" />
        <bpmn:userTask id="task" name="Decide" camunda:candidateGroups="camunda-admin" />
        <bpmn:boundaryEvent id="timer-deadline" name="Deadline reached" attachedToRef="task" cancelActivity="false">
          <bpmn:timerEventDefinition><bpmn:timeDate>2020-01-01T00:00:00</bpmn:timeDate></bpmn:timerEventDefinition>
        </bpmn:boundaryEvent>
        <bpmn:sequenceFlow id="f3" sourceRef="timer-deadline" targetRef="overdue" />
        <bpmn:serviceTask id="overdue" name="Mark overdue" camunda:delegateExpression="${benchNoop}" />
        <bpmn:sequenceFlow id="f4" sourceRef="overdue" targetRef="overdue-end" /><bpmn:endEvent id="overdue-end" />
        <bpmn:sequenceFlow id="f2" sourceRef="task" targetRef="end" /><bpmn:endEvent id="end" />
      </bpmn:process>
    </bpmn:definitions>
    """;
  }

  private static String header(String key, String name) {
    return """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
            xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="%1$s-definitions"
            targetNamespace="http://egov.kz/workflow/bench">
          <bpmn:process id="%1$s" name="%2$s" isExecutable="true" camunda:historyTimeToLive="P1D">
        """.formatted(key, name);
  }
}
