package kz.egov.workflow.calendar;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.runtime.Job;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * After the days-off data changes, every waiting timer evaluates its expression again
 * ({@link ManagementService#recalculateJobDuedate}); a timer written as
 * {@code ${workingDays.deadline(registeredAt, 15)}} then follows the new calendar. Timers of plain
 * durations keep their due date (they are recalculated from their creation date).
 */
@Service
public class TimerRecalculation {

  private static final Logger log = LoggerFactory.getLogger(TimerRecalculation.class);
  private static final int PAGE = 200;

  private final ManagementService managementService;

  public TimerRecalculation(ManagementService managementService) {
    this.managementService = managementService;
  }

  /**
   * @param timers how many timer jobs were looked at
   * @param changed how many of them got another due date
   * @param failures the jobs whose expression could not be evaluated again, with the reason
   */
  public record Result(int timers, int changed, List<String> failures) {}

  public Result recalculateAll() {
    int timers = 0;
    int changed = 0;
    List<String> failures = new ArrayList<>();
    for (int first = 0; ; first += PAGE) {
      List<Job> page = managementService.createJobQuery().timers().orderByJobId().asc().listPage(first, PAGE);
      for (Job job : page) {
        timers++;
        Date before = job.getDuedate();
        try {
          managementService.recalculateJobDuedate(job.getId(), true);
          Job after = managementService.createJobQuery().jobId(job.getId()).singleResult();
          if (after != null && !Objects.equals(before, after.getDuedate())) {
            changed++;
          }
        } catch (ProcessEngineException e) {
          failures.add(job.getId() + ": " + e.getMessage());
        }
      }
      if (page.size() < PAGE) {
        break;
      }
    }
    log.info("Timers recalculated on the working-day calendar: {} looked at, {} changed, {} failed", timers,
        changed, failures.size());
    return new Result(timers, changed, List.copyOf(failures));
  }
}
