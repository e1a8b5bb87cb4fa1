package kz.egov.workflow.process;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import kz.egov.workflow.registry.GatewayEndpoint;
import kz.egov.workflow.registry.HttpPortalAccounts;
import kz.egov.workflow.registry.TestJson;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.spin.plugin.impl.SpinProcessEnginePlugin;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A portal that does not answer at C1 is an outage, not a refusal: the step's retries end in an incident, no
 * answer variable is set, and once the portal answers again a retry authorises the applicant. The test
 * diagram with the HTTP adapter against a stub portal, on an engine of its own.
 */
class PortalOutageTest {

  static WireMockServer portal;
  static ProcessEngine engine;
  static ManagementService management;

  @BeforeAll
  static void start() {
    portal = new WireMockServer(wireMockConfig().dynamicPort());
    portal.start();
    HttpPortalAccounts accounts = new HttpPortalAccounts(new GatewayEndpoint(URI.create(portal.baseUrl()),
        Duration.ofMillis(1000), Duration.ofMillis(2000), "egov", "secret"), TestJson.MAPPER);
    ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) ProcessEngineConfiguration
        .createStandaloneInMemProcessEngineConfiguration()
        .setJdbcUrl("jdbc:h2:mem:portal-outage-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1")
        .setJobExecutorActivate(false)
        .setHistory(ProcessEngineConfiguration.HISTORY_FULL)
        .setProcessEngineName("portal-outage-" + UUID.randomUUID());
    configuration.setBeans(Map.of("checkPortalAccount", new CheckPortalAccount(accounts)));
    configuration.setProcessEnginePlugins(List.of(new SpinProcessEnginePlugin()));
    engine = configuration.buildProcessEngine();
    engine.getRepositoryService().createDeployment().addClasspathResource("authorisation/portal-sign-in.bpmn").deploy();
    management = engine.getManagementService();
  }

  @AfterAll
  static void stop() {
    engine.close();
    portal.stop();
  }

  @Test
  void anOutageBecomesAnIncidentAndTheApplicantIsAuthorisedWhenThePortalIsBack() {
    portal.stubFor(get("/portal-accounts/781122301233").willReturn(aResponse().withStatus(503)));
    String id = engine.getRuntimeService().startProcessInstanceByKey("authorisation-portal-sign-in",
        Map.of("portalLogin", "781122301233", "applicantId", "040540000123")).getId();

    Job failed = Jobs.failUntilIncident(management, id);

    assertThat(failed.getRetries()).isZero();
    assertThat(failed.getExceptionMessage()).contains("e-gov portal", "HTTP 503");
    Incident incident = engine.getRuntimeService().createIncidentQuery().processInstanceId(id).singleResult();
    assertThat(incident.getActivityId()).isEqualTo("CheckPortalAccount");
    assertThat(engine.getRuntimeService().getVariables(id)).doesNotContainKeys("portalAccountValid",
        "portalAccountReason");

    portal.stubFor(get("/portal-accounts/781122301233").willReturn(okJson("""
        {"login":"781122301233","displayName":"Жумабаев Нурлан Касымович","actsForBin":"040540000123",
         "registeredAt":"2023-09-18T10:42:00+05:00","status":"ACTIVE"}""")));
    management.setJobRetries(failed.getId(), 1);
    management.executeJob(failed.getId());

    assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceId(id).singleResult()
        .getEndActivityId()).isEqualTo("Authorised");
  }
}
