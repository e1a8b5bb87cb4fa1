package kz.egov.workflow.scrapmetal;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import kz.egov.workflow.process.Jobs;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * R2 №2 with the registries behind real HTTP (the adapter for the e-gov gateway) while the legal-entities
 * registry is down: the look-up uses up its retries, Cockpit shows an incident on P4, nothing is refused and
 * nothing is lost; when the registry answers again, a retry carries the application on to its licence.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.MOCK,
    // an engine of its own name (letters only): the shared context's REST API finds its engine by the name
    // "default" in Camunda's static registry of engines, which a second "default" would take over
    properties = "camunda.bpm.process-engine-name=registryOutage")
@ActiveProfiles({"demo", "test"})
@DirtiesContext
class ScrapMetalRegistryOutageTest {

  static final WireMockServer gateway = new WireMockServer(wireMockConfig().dynamicPort());

  @DynamicPropertySource
  static void registriesBehindTheGateway(DynamicPropertyRegistry properties) {
    gateway.start();
    properties.add("egov.registry.adapter", () -> "http");
    properties.add("egov.registry.http.base-url", gateway::baseUrl);
    properties.add("egov.registry.http.username", () -> "egov");
    properties.add("egov.registry.http.password", () -> "secret");
  }

  @AfterAll
  static void stop() {
    gateway.stop();
  }

  @Autowired ProcessEngine engine;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired ManagementService management;
  @Autowired IdentityService identity;

  @Test
  void aRegistryOutageIsAnIncidentAndTheApplicationCompletesAfterRecovery() {
    BpmnAwareTests.init(engine);
    gateway.stubFor(get("/companies/040540000123").willReturn(aResponse().withStatus(503)));
    identity.setAuthentication("wko.employee", List.of("wko", "wko-employee"));
    ProcessInstance instance;
    try {
      instance = runtime.startProcessInstanceByKey("scrap-metal-license-provider");
    } finally {
      identity.clearAuthentication();
    }
    tasks.complete(tasks.createTaskQuery().processInstanceId(instance.getId()).singleResult().getId(), Map.of(
        "requestKind", "issuance", "applicantId", "040540000123", "companyName", "ТОО \"Батыс Металл Трейд\"",
        "siteAddress", "Уральск, Промзона, 3"));

    Job failed = Jobs.failUntilIncident(management, instance.getId());
    assertThat(failed.getRetries()).isZero();
    assertThat(failed.getExceptionMessage()).contains("HTTP 503");
    Incident incident = runtime.createIncidentQuery().processInstanceId(instance.getId()).singleResult();
    assertThat(incident.getActivityId()).isEqualTo("task-legal-entities");
    assertThat(instance).isNotEnded();
    assertThat(runtime.getVariable(instance.getId(), "refusalStep")).isNull();
    gateway.verify(5, getRequestedFor(urlEqualTo("/companies/040540000123")));

    gateway.stubFor(get("/companies/040540000123").willReturn(okJson("""
        {"bin":"040540000123","name":"ТОО \\"Батыс Металл Трейд\\"","legalForm":"ТОО","registeredOn":"2004-05-14",
         "active":true}""")));
    management.setJobRetries(failed.getId(), 1);
    management.executeJob(failed.getId());
    Jobs.runDue(management, instance.getId());

    assertThat(instance).isWaitingAt("task-scans");
    assertThat(runtime.createIncidentQuery().processInstanceId(instance.getId()).count()).isZero();
    tasks.complete(tasks.createTaskQuery().processInstanceId(instance.getId()).singleResult().getId(), Map.of(
        "scanApplication", Variables.fileValue("application.pdf")
            .file("%PDF-1.4\n%%EOF\n".getBytes(StandardCharsets.US_ASCII)).create()));
    Jobs.runDue(management, instance.getId());
    tasks.complete(tasks.createTaskQuery().processInstanceId(instance.getId()).singleResult().getId(),
        Map.of("decision", "issue"));
    Jobs.runDue(management, instance.getId());

    assertThat(instance).isEnded().hasPassed("end-licence");
  }
}
