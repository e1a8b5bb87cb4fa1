package kz.egov.workflow;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Tells the person who started the application where to go. */
@Component
class StartupBanner {

  private static final Logger log = LoggerFactory.getLogger(StartupBanner.class);

  private static String profiles(ApplicationReadyEvent event) {
    var environment = event.getApplicationContext().getEnvironment();
    String[] active = environment.getActiveProfiles();
    return String.join(",", active.length > 0 ? active : environment.getDefaultProfiles());
  }

  @EventListener
  void ready(ApplicationReadyEvent event) {
    if (!(event.getApplicationContext() instanceof WebServerApplicationContext web) || web.getWebServer() == null) {
      return;
    }
    String base = "http://localhost:" + web.getWebServer().getPort();
    log.info("""

        ==== e-gov workflow is up ====
          Tasklist  {}/camunda/app/tasklist/
          Cockpit   {}/camunda/app/cockpit/
          Admin     {}/camunda/app/admin/
          REST API  {}/engine-rest  (HTTP Basic)   project API {}/api/v1  (HTTP Basic)
          Health    {}/actuator/health
          Profiles  {}
        """, base, base, base, base, base, base, profiles(event));
  }
}
