package kz.egov.workflow.process;

import java.util.List;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.runtime.Job;

/** Drives an instance's asynchronous continuations by hand, as the (disabled) job executor would. */
public final class Jobs {

  private Jobs() {}

  /** Runs the instance's due jobs (not future timers) until none is left; a failing job propagates. */
  public static void runDue(ManagementService management, String processInstanceId) {
    for (int i = 0; i < 20; i++) {
      List<Job> due = management.createJobQuery().processInstanceId(processInstanceId).executable().list();
      if (due.isEmpty()) {
        return;
      }
      management.executeJob(due.get(0).getId());
    }
    throw new AssertionError("instance " + processInstanceId + " keeps creating jobs");
  }

  /** Runs the instance's one job until its retries are used up; returns the job. */
  public static Job failUntilIncident(ManagementService management, String processInstanceId) {
    Job job = management.createJobQuery().processInstanceId(processInstanceId).singleResult();
    for (int attempt = 0; attempt < 10 && job.getRetries() > 0; attempt++) {
      boolean failed = false;
      try {
        management.executeJob(job.getId());
      } catch (RuntimeException expected) {
        failed = true;
      }
      if (!failed) {
        throw new AssertionError("the job was expected to fail");
      }
      job = management.createJobQuery().jobId(job.getId()).singleResult();
    }
    return job;
  }
}
