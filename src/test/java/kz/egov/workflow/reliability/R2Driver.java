package kz.egov.workflow.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.UUID;
import kz.egov.workflow.process.Jobs;
import kz.egov.workflow.scrapmetal.DemoSigner;
import kz.egov.workflow.signature.DemoPki;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** The R2 portal journey through the shared context's REST API, the jobs run by hand (the executor is off). */
final class R2Driver {

  private final TestRestTemplate http;
  private final RuntimeService runtime;
  private final ManagementService management;
  private final DemoPki demoPki;

  R2Driver(TestRestTemplate http, RuntimeService runtime, ManagementService management, DemoPki demoPki) {
    this.http = http;
    this.runtime = runtime;
    this.management = management;
    this.demoPki = demoPki;
  }

  DemoSigner company() throws Exception {
    DemoPki.Material material = demoPki.ensure();
    return DemoSigner.fromPkcs12(material.companyKeyStore(), material.password());
  }

  ObjectNode application(String reference, String companyName) throws Exception {
    return R2Requests.portalApplication(reference, companyName, company());
  }

  ResponseEntity<JsonNode> submit(ObjectNode request, String idempotencyKey) throws Exception {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    headers.set("Idempotency-Key", idempotencyKey);
    return http.withBasicAuth("portal", "demo").exchange("/api/v1/applications", HttpMethod.POST,
        new HttpEntity<>(R2Requests.JSON.writeValueAsString(request), headers), JsonNode.class);
  }

  ResponseEntity<JsonNode> pay(String paymentId, String reference) {
    return http.withBasicAuth("payment-gateway", "demo").postForEntity("/api/v1/payments",
        R2Requests.payment(paymentId, reference), JsonNode.class);
  }

  /** Paid, submitted and run to the provider's decision (C4); the instance. */
  ProcessInstance toDecision(String reference, String companyName) throws Exception {
    assertThat(pay("PAY-" + UUID.randomUUID(), reference).getStatusCode()).isEqualTo(HttpStatus.CREATED);
    ResponseEntity<JsonNode> submitted = submit(application(reference, companyName), UUID.randomUUID().toString());
    assertThat(submitted.getStatusCode()).as(String.valueOf(submitted.getBody())).isEqualTo(HttpStatus.CREATED);
    ProcessInstance instance = instance(reference);
    Jobs.runDue(management, instance.getId());
    assertThat(runtime.getActiveActivityIds(instance.getId())).contains("task-decide");
    return instance;
  }

  ProcessInstance instance(String reference) {
    return runtime.createProcessInstanceQuery().processInstanceBusinessKey(reference).singleResult();
  }

  String decisionTask(String reference) {
    JsonNode found = http.withBasicAuth("wko.employee", "demo")
        .getForObject("/engine-rest/task?processInstanceBusinessKey=" + reference, JsonNode.class);
    assertThat(found).hasSize(1);
    return found.get(0).get("id").asText();
  }

  ResponseEntity<String> decide(String user, String taskId, String decision) {
    return http.withBasicAuth(user, "demo").postForEntity("/engine-rest/task/" + taskId + "/complete",
        Map.of("variables", Map.of("decision", Map.of("value", decision))), String.class);
  }

  void runJobs(ProcessInstance instance) {
    Jobs.runDue(management, instance.getId());
  }

  JsonNode status(String reference) {
    ResponseEntity<JsonNode> status = http.withBasicAuth("portal", "demo")
        .getForEntity("/api/v1/applications/" + reference, JsonNode.class);
    assertThat(status.getStatusCode()).isEqualTo(HttpStatus.OK);
    return status.getBody();
  }
}
