package kz.egov.workflow.process;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * The engine's own job executor runs the asynchronous steps during each test, as in production. The tests
 * share one application context whose job executor is off (the other tests drive jobs by hand with
 * {@link Jobs}), so REST-only journeys switch it on for themselves: {@code @ExtendWith(JobExecutorRunning.class)}.
 */
public class JobExecutorRunning implements BeforeEachCallback, AfterEachCallback {

  @Override
  public void beforeEach(ExtensionContext context) {
    jobExecutor(context).start();
  }

  @Override
  public void afterEach(ExtensionContext context) {
    jobExecutor(context).shutdown();
  }

  private static JobExecutor jobExecutor(ExtensionContext context) {
    ProcessEngine engine = SpringExtension.getApplicationContext(context).getBean(ProcessEngine.class);
    return ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getJobExecutor();
  }
}
