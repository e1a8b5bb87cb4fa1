package kz.egov.workflow.process;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import kz.egov.workflow.licensing.HttpLicensingRegister;
import kz.egov.workflow.registry.GatewayEndpoint;
import kz.egov.workflow.registry.HttpRegistries;
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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * An outside system's outage as Cockpit shows it: the test diagram with the HTTP adapters against a stub
 * gateway, on an engine of its own (the shared Spring context keeps the embedded adapters). A 5xx or a
 * slow answer uses up the step's retries and leaves an incident; once the system answers again, a retry
 * (Cockpit's "increment retries", here {@code setJobRetries}) lets the application continue.
 */
class StateSystemOutageTest {

  static WireMockServer gateway;
  static ProcessEngine engine;
  static ManagementService management;

  @BeforeAll
  static void start() {
    gateway = new WireMockServer(wireMockConfig().dynamicPort());
    gateway.start();
    GatewayEndpoint endpoint = new GatewayEndpoint(java.net.URI.create(gateway.baseUrl()), Duration.ofMillis(500),
        Duration.ofMillis(2000), "egov", "secret");
    HttpRegistries registries = new HttpRegistries(endpoint, TestJson.MAPPER);
    Map<Object, Object> beans = new HashMap<>();
    beans.put("lookUpApplicant", new LookUpApplicant(registries, registries, TestJson.MAPPER));
    beans.put("checkPowerOfAttorney", new CheckPowerOfAttorney(registries));
    beans.put("registerApplication", new RegisterApplication(new HttpLicensingRegister(endpoint, TestJson.MAPPER)));

    ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) ProcessEngineConfiguration
        .createStandaloneInMemProcessEngineConfiguration()
        .setJdbcUrl("jdbc:h2:mem:outage-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1")
        .setJobExecutorActivate(false)
        .setHistory(ProcessEngineConfiguration.HISTORY_FULL)
        .setProcessEngineName("outage-" + UUID.randomUUID());
    configuration.setBeans(beans);
    configuration.setProcessEnginePlugins(List.of(new SpinProcessEnginePlugin()));
    engine = configuration.buildProcessEngine();
    engine.getRepositoryService().createDeployment()
        .addClasspathResource("state-systems/provider-intake.bpmn").deploy();
    management = engine.getManagementService();
  }

  @AfterAll
  static void stop() {
    engine.close();
    gateway.stop();
  }

  @BeforeEach
  void reset() {
    gateway.resetAll();
  }

  private String startIntake(String reference, String applicantId) {
    return engine.getRuntimeService().startProcessInstanceByKey("state-systems-provider-intake", reference,
        Map.of("applicantId", applicantId, "provider", "wko", "service", "scrap-metal-license")).getId();
  }

  private static String registered(String reference) {
    return """
        {"applicationNumber":"KZ-WKO-2026-000777","provider":"wko","applicantId":"040540000123",
         "service":"scrap-metal-license","requestKind":"issuance","reference":"%s",
         "registeredAt":"2026-03-02T10:00:00+05:00"}""".formatted(reference);
  }

  @Test
  void aRegistryOutageBecomesAnIncidentAndTheApplicationContinuesWhenItIsBack() {
    gateway.stubFor(get("/companies/040540000123").willReturn(aResponse().withStatus(503)));
    gateway.stubFor(post("/applications").willReturn(okJson(registered("OUTAGE-1"))));
    String id = startIntake("OUTAGE-1", "040540000123");

    Job failed = Jobs.failUntilIncident(management, id);

    assertThat(failed.getRetries()).isZero();
    assertThat(failed.getExceptionMessage()).contains("legal-entities registry", "HTTP 503");
    Incident incident = engine.getRuntimeService().createIncidentQuery().processInstanceId(id).singleResult();
    assertThat(incident).isNotNull();
    assertThat(incident.getActivityId()).isEqualTo("LookUpApplicant");
    assertThat(incident.getIncidentType()).isEqualTo(Incident.FAILED_JOB_HANDLER_TYPE);

    // the registry is back
    gateway.stubFor(get("/companies/040540000123").willReturn(okJson("""
        {"bin":"040540000123","name":"ТОО \\"Батыс Металл Трейд\\"","legalForm":"ТОО","registeredOn":"2004-05-14"}""")));
    management.setJobRetries(failed.getId(), 1);
    assertThat(engine.getRuntimeService().createIncidentQuery().processInstanceId(id).count()).isZero();
    // the job executor runs it at its due date; here at once
    management.executeJob(failed.getId());
    Jobs.runDue(management, id);

    assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceId(id).singleResult()
        .getEndActivityId()).isEqualTo("ApplicationRegistered");
    assertThat(engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(id)
        .variableName("applicationNumber").singleResult().getValue()).isEqualTo("KZ-WKO-2026-000777");
  }

  @Test
  void aSlowRegisterTimesOutIntoAnIncidentAndTheRetryRegistersOnce() {
    gateway.stubFor(get("/companies/040540000123").willReturn(okJson("""
        {"bin":"040540000123","name":"ТОО \\"Батыс Металл Трейд\\"","legalForm":"ТОО","registeredOn":"2004-05-14"}""")));
    gateway.stubFor(post("/applications").willReturn(okJson(registered("SLOW-1")).withFixedDelay(3500)));
    String id = startIntake("SLOW-1", "040540000123");
    // the look-up and the power-of-attorney steps pass; then registration fails, for now
    management.executeJob(management.createJobQuery().processInstanceId(id).singleResult().getId());
    management.executeJob(management.createJobQuery().processInstanceId(id).singleResult().getId());
    assertThat(engine.getRuntimeService().getActiveActivityIds(id)).containsExactly("RegisterApplication");
    Job failed = Jobs.failUntilIncident(management, id);
    assertThat(failed.getExceptionMessage()).contains("e-licensing register", "no answer within 2000 ms");
    assertThat(engine.getRuntimeService().createIncidentQuery().processInstanceId(id).singleResult().getActivityId())
        .isEqualTo("RegisterApplication");

    gateway.stubFor(post("/applications").willReturn(okJson(registered("SLOW-1"))));
    management.setJobRetries(failed.getId(), 1);
    management.executeJob(failed.getId());

    assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceId(id).singleResult()
        .getEndActivityId()).isEqualTo("ApplicationRegistered");
    // every attempt carried the same reference, so the register can tell a retry from a new application
    gateway.verify(postRequestedFor(urlEqualTo("/applications")).withRequestBody(
        com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath("$.reference",
            com.github.tomakehurst.wiremock.client.WireMock.equalTo("SLOW-1"))));
  }

  @Test
  void notFoundIsAnAnswerNotAnIncident() {
    gateway.stubFor(get("/persons/850315300128").willReturn(aResponse().withStatus(404)));
    String id = startIntake("NOTFOUND-1", "850315300128");

    Jobs.runDue(management, id);

    assertThat(engine.getRuntimeService().createIncidentQuery().processInstanceId(id).count()).isZero();
    assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceId(id).singleResult()
        .getEndActivityId()).isEqualTo("DataCannotBeObtained");
  }
}
