package kz.egov.workflow.reliability;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import kz.egov.workflow.application.ApplicationSubmissions;
import kz.egov.workflow.application.Caller;
import kz.egov.workflow.process.Jobs;
import kz.egov.workflow.scrapmetal.DemoSigner;
import kz.egov.workflow.signature.DemoPki;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Every outside system behind real HTTP (the e-gov gateway's adapters) against WireMock, each down for a
 * while: the payment gateway and the e-licensing register for portal applications, the legal-entities and
 * notary registries for the provider's. Each outage uses up the step's retries and ends as an incident in
 * Cockpit, nothing is refused; after recovery (retries set again, as Cockpit's "Retry" does) every
 * application completes, none is lost and none gets two licences or two signed results.
 *
 * <p>A mock web environment: closing a second context whose webapps had started would clear Cockpit's static
 * runtime delegate under the shared context. The portal's submissions go to the application API's service.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.MOCK,
    // an engine of its own name (letters only): a second "default" would take over the shared context's REST API
    properties = "camunda.bpm.process-engine-name=stateSystemOutages")
@ActiveProfiles({"demo", "test"})
@DirtiesContext
class StateSystemOutagesTest {

  static final WireMockServer gateway = new WireMockServer(wireMockConfig().dynamicPort()
      .globalTemplating(true));
  static final String COMPANY = "ТОО Батыс Металл Трейд";

  @DynamicPropertySource
  static void everySystemBehindTheGateway(DynamicPropertyRegistry properties) {
    gateway.start();
    for (String system : List.of("registry", "payment", "licensing", "portal")) {
      properties.add("egov." + system + ".adapter", () -> "http");
      properties.add("egov." + system + ".http.base-url", gateway::baseUrl);
      properties.add("egov." + system + ".http.username", () -> "egov");
      properties.add("egov." + system + ".http.password", () -> "secret");
      properties.add("egov." + system + ".http.read-timeout", () -> "2s");
    }
  }

  @AfterAll
  static void stop() {
    gateway.stop();
  }

  @Autowired ApplicationSubmissions submissions;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired ManagementService management;
  @Autowired HistoryService history;
  @Autowired IdentityService identity;
  @Autowired JdbcTemplate jdbc;
  @Autowired DemoPki demoPki;

  @Test
  void paymentGatewayAndLicensingRegisterOutagesAreIncidentsAndEveryPortalApplicationCompletesOnce()
      throws Exception {
    gateway.resetAll();
    systemsUp();
    down(get(urlPathEqualTo("/payments")));
    down(post(urlEqualTo("/applications")));
    down(post(urlEqualTo("/licences")));

    DemoPki.Material material = demoPki.ensure();
    DemoSigner company = DemoSigner.fromPkcs12(material.companyKeyStore(), material.password());
    List<ProcessInstance> instances = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      String reference = "REL-OUT-" + UUID.randomUUID();
      ApplicationSubmissions.Receipt receipt = submissions.submit(R2Requests.portalApplication(reference, COMPANY,
          company), UUID.randomUUID().toString(), new Caller("portal", Set.of("portal-system")));
      assertThat(receipt.id()).isEqualTo(reference);
      instances.add(runtime.createProcessInstanceQuery().processInstanceBusinessKey(reference).singleResult());
    }

    // the payment gateway is down: P4 uses up its retries on every application
    for (ProcessInstance instance : instances) {
      assertIncidentAt(instance, "task-payment", "HTTP 503");
    }
    // it is back: Retry; then the e-licensing register is down at P9
    up(get(urlPathEqualTo("/payments")), payments());
    for (ProcessInstance instance : instances) {
      retry(instance);
      assertIncidentAt(instance, "task-register", "HTTP 503");
    }
    up(post(urlEqualTo("/applications")), registeredApplication());
    for (ProcessInstance instance : instances) {
      retry(instance);
      assertThat(runtime.getActiveActivityIds(instance.getId())).contains("task-decide");
      tasks.complete(tasks.createTaskQuery().processInstanceId(instance.getId()).singleResult().getId(),
          Map.of("decision", "issue"));
      // entering the licence fails while the register is down
      assertIncidentAt(instance, "task-issue-licence", "HTTP 503");
    }
    up(post(urlEqualTo("/licences")), licence());
    for (ProcessInstance instance : instances) {
      retry(instance);
    }

    assertEveryOneIssuedOnce(instances);
    assertThat(successful("POST", "/licences")).as("one licence entered per application").hasSize(3);
    assertThat(successful("POST", "/applications")).as("one registration per application").hasSize(3);
  }

  @Test
  void registryAndNotaryOutagesAreIncidentsAndEveryProviderApplicationCompletesOnce() {
    gateway.resetAll();
    systemsUp();
    down(get(urlEqualTo("/companies/" + R2Requests.BIN)));
    down(get(urlEqualTo("/powers-of-attorney/N-2026-000145")));

    List<ProcessInstance> instances = new ArrayList<>();
    for (int i = 0; i < 2; i++) {
      identity.setAuthentication("wko.employee", List.of("wko", "wko-employee"));
      ProcessInstance instance;
      try {
        instance = runtime.startProcessInstanceByKey("scrap-metal-license-provider");
      } finally {
        identity.clearAuthentication();
      }
      tasks.complete(tasks.createTaskQuery().processInstanceId(instance.getId()).singleResult().getId(),
          applicantData());
      instances.add(instance);
    }

    for (ProcessInstance instance : instances) {
      assertIncidentAt(instance, "task-legal-entities", "HTTP 503");
    }
    up(get(urlEqualTo("/companies/" + R2Requests.BIN)), okJson("""
        {"bin":"040540000123","name":"ТОО Батыс Металл Трейд","legalForm":"ТОО","registeredOn":"2004-05-14",
         "headIin":"781122301233","address":"Уральск, Промзона, 3","active":true}"""));
    for (ProcessInstance instance : instances) {
      retry(instance);
      assertIncidentAt(instance, "task-notary", "HTTP 503");
    }
    up(get(urlEqualTo("/powers-of-attorney/N-2026-000145")), okJson("""
        {"number":"N-2026-000145","principalId":"040540000123","attorneyIin":"900710400568",
         "notary":"Нотариус г. Уральск","issuedOn":"2026-01-15","validUntil":"2099-01-15",
         "powers":"Представлять ТОО по вопросам лицензирования","revoked":false}"""));
    for (ProcessInstance instance : instances) {
      retry(instance);
      assertThat(runtime.getActiveActivityIds(instance.getId())).containsExactly("task-scans");
      tasks.complete(tasks.createTaskQuery().processInstanceId(instance.getId()).singleResult().getId(), Map.of(
          "scanApplication", Variables.fileValue("application.pdf")
              .file("%PDF-1.4\n%%EOF\n".getBytes(StandardCharsets.US_ASCII)).create()));
      Jobs.runDue(management, instance.getId());
      tasks.complete(tasks.createTaskQuery().processInstanceId(instance.getId()).singleResult().getId(),
          Map.of("decision", "issue"));
      Jobs.runDue(management, instance.getId());
    }

    assertEveryOneIssuedOnce(instances);
  }

  // --- the outside systems

  /** What stays up throughout: the portal's accounts, the e-licensing register's list of licences. */
  private void systemsUp() {
    gateway.stubFor(get(urlEqualTo("/portal-accounts/" + R2Requests.PORTAL_LOGIN)).willReturn(okJson("""
        {"login":"781122301233","displayName":"Жумабаев Нурлан Касымович","actsForBin":"040540000123",
         "registeredAt":"2023-09-18T10:42:00+05:00","status":"ACTIVE"}""")));
    gateway.stubFor(get(urlPathEqualTo("/licences")).willReturn(okJson("[]")));
    up(get(urlPathEqualTo("/payments")), payments());
    up(post(urlEqualTo("/applications")), registeredApplication());
    up(post(urlEqualTo("/licences")), licence());
  }

  private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder payments() {
    String paidAt = OffsetDateTime.now(ZoneOffset.ofHours(5)).minusMinutes(5).truncatedTo(ChronoUnit.SECONDS)
        .toString();
    return okJson("[{\"paymentId\":\"PAY-{{request.query.applicationReference}}\",\"payerId\":\"040540000123\","
        + "\"amountKzt\":43250.00,\"service\":\"scrap-metal-license\","
        + "\"applicationReference\":\"{{request.query.applicationReference}}\",\"paidAt\":\"" + paidAt + "\"}]");
  }

  private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder registeredApplication() {
    String now = OffsetDateTime.now(ZoneOffset.ofHours(5)).truncatedTo(ChronoUnit.SECONDS).toString();
    return okJson("{\"applicationNumber\":\"KZ-WKO-2026-{{randomValue length=6 type='NUMERIC'}}\","
        + "\"provider\":\"wko\",\"applicantId\":\"{{jsonPath request.body '$.applicantId'}}\","
        + "\"service\":\"scrap-metal-license\",\"requestKind\":\"issuance\","
        + "\"reference\":\"{{jsonPath request.body '$.reference'}}\",\"registeredAt\":\"" + now + "\"}");
  }

  private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder licence() {
    return okJson("{\"number\":\"LIC-{{jsonPath request.body '$.applicationNumber'}}\",\"holderId\":\"040540000123\","
        + "\"holderName\":\"ТОО Батыс Металл Трейд\",\"activity\":\"scrap\",\"provider\":\"wko\",\"status\":\"ACTIVE\","
        + "\"issuedOn\":\"" + LocalDate.now(ZoneOffset.ofHours(5)) + "\",\"version\":1,"
        + "\"applicationNumber\":\"{{jsonPath request.body '$.applicationNumber'}}\"}");
  }

  private static void down(com.github.tomakehurst.wiremock.client.MappingBuilder request) {
    gateway.stubFor(request.willReturn(aResponse().withStatus(503).withBody("maintenance")));
  }

  private static void up(com.github.tomakehurst.wiremock.client.MappingBuilder request,
      com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder answer) {
    gateway.stubFor(request.willReturn(answer));
  }

  /** Requests the gateway answered 200, by method and path. */
  private static List<ServeEvent> successful(String method, String path) {
    return gateway.getAllServeEvents().stream().filter(e -> e.getRequest().getMethod().getName().equals(method)
        && e.getRequest().getUrl().equals(path) && e.getResponse().getStatus() == 200).toList();
  }

  // --- the engine

  private void assertIncidentAt(ProcessInstance instance, String activityId, String message) {
    runUntilAJobFails(instance);
    Job failed = failUntilIncident(instance);
    assertThat(failed.getRetries()).isZero();
    assertThat(failed.getExceptionMessage()).contains(message);
    Incident incident = runtime.createIncidentQuery().processInstanceId(instance.getId()).singleResult();
    assertThat(incident.getActivityId()).isEqualTo(activityId);
    assertThat(runtime.createProcessInstanceQuery().processInstanceId(instance.getId()).count())
        .as("nothing refused, the application waits").isEqualTo(1);
    assertThat(runtime.getVariable(instance.getId(), "refusalStep")).isNull();
  }

  /** Runs the failing job until its retries are used up. */
  private Job failUntilIncident(ProcessInstance instance) {
    Job job = management.createJobQuery().processInstanceId(instance.getId()).singleResult();
    for (int attempt = 0; attempt < 10 && job.getRetries() > 0; attempt++) {
      try {
        management.executeJob(job.getId());
        throw new AssertionError("the job at " + job + " was expected to fail");
      } catch (RuntimeException expected) {
      }
      job = management.createJobQuery().jobId(job.getId()).singleResult();
    }
    return job;
  }

  /** Runs the instance's due jobs (the steps before the outage pass) until one fails. */
  private void runUntilAJobFails(ProcessInstance instance) {
    for (int i = 0; i < 20; i++) {
      List<Job> due = management.createJobQuery().processInstanceId(instance.getId()).executable().list();
      if (due.isEmpty()) {
        return;
      }
      try {
        management.executeJob(due.get(0).getId());
      } catch (RuntimeException outage) {
        return;
      }
    }
  }

  /**
   * Cockpit's "Retry": one more attempt now (the failed job's next attempt is due in 5 minutes), then the
   * instance runs on to its next wait, or to the next system that is down.
   */
  private void retry(ProcessInstance instance) {
    Job job = management.createJobQuery().processInstanceId(instance.getId()).withException().singleResult();
    management.setJobRetries(job.getId(), 1);
    management.executeJob(job.getId());
    runUntilAJobFails(instance);
    assertThat(runtime.createIncidentQuery().processInstanceId(instance.getId()).count()).isZero();
  }

  private void assertEveryOneIssuedOnce(List<ProcessInstance> instances) {
    Set<String> licences = new HashSet<>();
    for (ProcessInstance instance : instances) {
      assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(instance.getId()).singleResult()
          .getEndActivityId()).isEqualTo("end-licence");
      Map<String, Object> variables = new HashMap<>();
      history.createHistoricVariableInstanceQuery().processInstanceId(instance.getId()).list()
          .forEach((HistoricVariableInstance v) -> variables.put(v.getName(), v.getValue()));
      licences.add((String) variables.get("licenceNumber"));
      assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM result_document WHERE application_id = ?", Long.class,
          instance.getBusinessKey())).as("one signed result").isEqualTo(1);
    }
    assertThat(licences).as("distinct licence numbers").hasSize(instances.size()).doesNotContainNull();
  }

  private static Map<String, Object> applicantData() {
    Map<String, Object> data = new HashMap<>();
    data.put("requestKind", "issuance");
    data.put("applicantId", R2Requests.BIN);
    data.put("companyName", COMPANY);
    data.put("siteAddress", "Уральск, Промзона, 3");
    data.put("metals", Variables.objectValue(List.of("ferrous", "non-ferrous"))
        .serializationDataFormat("application/json").create());
    data.put("subtypes", Variables.objectValue(List.of("collection", "sale"))
        .serializationDataFormat("application/json").create());
    data.put("powerOfAttorneyNotarised", true);
    data.put("powerOfAttorneyNumber", "N-2026-000145");
    data.put("representativeIin", "900710400568");
    return data;
  }
}
