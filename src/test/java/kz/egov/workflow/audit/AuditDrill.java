package kz.egov.workflow.audit;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;

/**
 * Six applications of the test-only diagram audit-drill (src/test/resources/audit), in February 2031, driven
 * with the engine's clock so that the report's numbers are known in advance (deadline 5 working days; working
 * hours 09:00-18:30; Mon 3 Feb 2031 is a working Monday, no holiday in the month):
 * <pre>
 *  id  D1 (15 min)  D3 (2 WD)      D4 (1 working h)       end               deadline          app WD
 *  A   10 min       1 WD           30 min                 issued Tue 4      met (Mon 10)      1
 *  B   40 min  ✗    2 WD           18:00→09:40 = 70 min ✗ issued Thu 6      met (Mon 10)      3
 *  C   5 min        6 WD  ✗        20 min                 issued Wed 12     breached (Tue 11) 6
 *  D   10 min       1 WD, refused  -                      refused Thu 6     met (Wed 12)      1
 *  E   5 min        9 WD ✗ running -                      running           overdue (Mon 10)  9
 *  F   30 min  ✗    1 WD running   -                      running           due Thu 20: 4 WD  1
 * </pre>
 * A arrives at 08:50, before working hours: its 10 minutes still count as elapsed time.
 * "Now" for the report is Friday 14 February 2031, 12:00 ({@link #NOW}).
 */
public final class AuditDrill {

  static final String SERVICE = "audit-drill";
  static final String KEY = "audit-drill-provider";
  static final String PERIOD = "from=2031-02-01&to=2031-02-28";
  static final String PREFIX = "AUDIT-DRILL-";

  private final ProcessEngine engine;
  private final ZoneId zone;

  public AuditDrill(ProcessEngine engine, ZoneId zone) {
    this.engine = engine;
    this.zone = zone;
  }

  Date at(int day, String time) {
    return Date.from(LocalDate.of(2031, 2, day).atTime(LocalTime.parse(time)).atZone(zone).toInstant());
  }

  public Date now() {
    return at(14, "12:00");
  }

  /** Deploys the drill diagrams and runs the six applications, once per database. */
  public synchronized void seedOnce() {
    var repository = engine.getRepositoryService();
    if (repository.createProcessDefinitionQuery().processDefinitionKey(KEY).count() == 0) {
      repository.createDeployment().name("audit tests").addClasspathResource("audit/audit-drill.bpmn")
          .addClasspathResource("audit/audit-drill-notice.bpmn").deploy();
    }
    if (engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceBusinessKey(PREFIX + "A")
        .count() > 0) {
      return;
    }
    try {
      start("A", 3, "08:50");
      complete("A", "receive", 3, "09:00", Map.of());
      complete("A", "examine", 4, "10:00", Map.of("decision", "issue"));
      complete("A", "sign", 4, "10:30", Map.of());
      complete("A", "hand-over", 4, "10:35", Map.of());

      start("B", 3, "09:00");
      complete("B", "receive", 3, "09:40", Map.of());
      complete("B", "examine", 5, "18:00", Map.of("decision", "issue"));
      complete("B", "sign", 6, "09:40", Map.of());
      complete("B", "hand-over", 6, "09:45", Map.of());

      start("C", 4, "09:00");
      complete("C", "receive", 4, "09:05", Map.of());
      complete("C", "examine", 12, "11:00", Map.of("decision", "issue"));
      complete("C", "sign", 12, "11:20", Map.of());
      complete("C", "hand-over", 12, "11:30", Map.of());

      start("D", 5, "10:00");
      complete("D", "receive", 5, "10:10", Map.of());
      complete("D", "examine", 6, "12:00", Map.of("decision", "refuse", "decisionReason", "documents incomplete"));

      start("E", 3, "14:00");
      complete("E", "receive", 3, "14:05", Map.of());

      start("F", 13, "09:00");
      complete("F", "receive", 13, "09:30", Map.of());
    } finally {
      ClockUtil.reset();
    }
  }

  private void start(String id, int day, String time) {
    ClockUtil.setCurrentTime(at(day, time));
    engine.getRuntimeService().startProcessInstanceByKey(KEY, PREFIX + id, Map.of("applicantId", "040540000123"));
  }

  private void complete(String id, String step, int day, String time, Map<String, Object> variables) {
    ClockUtil.setCurrentTime(at(day, time));
    TaskService tasks = engine.getTaskService();
    Task task = tasks.createTaskQuery().processInstanceBusinessKey(PREFIX + id).taskDefinitionKey(step).singleResult();
    tasks.complete(task.getId(), variables);
  }
}
