package kz.egov.workflow.access;

import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;

/**
 * Camunda's HTTP Basic filter for {@code /engine-rest}, without its one exception: Camunda leaves the
 * engine list ({@code /engine-rest/engine}) open, which tells an anonymous caller what runs here.
 * Every path requires a user.
 */
class EngineRestAuthenticationFilter extends ProcessEngineAuthenticationFilter {

  @Override
  protected boolean requiresEngineAuthentication(String requestUrl) {
    return true;
  }
}
