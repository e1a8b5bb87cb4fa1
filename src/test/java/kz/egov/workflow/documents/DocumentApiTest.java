package kz.egov.workflow.documents;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;

/** An application's result for its readers, and the public verification the QR code links to. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"demo", "test"})
class DocumentApiTest {

  static final String APPLICATION = "api-result-1";
  static final String NUMBER = "KZ-WKO-LIC-2026-200001";

  @Autowired TestRestTemplate http;
  @Autowired ResultDocuments documents;
  @Autowired ProcessEngine engine;

  StoredDocument issued;

  @BeforeEach
  void issue() throws Exception {
    issued = documents.issue(ResultDocumentsTest.licence(APPLICATION, NUMBER, "issuance"));
  }

  @Test
  void readersGetThePdfTheSignatureAndTheRecord() {
    for (String user : new String[] {"wko.employee", "wko.head", "auditor"}) {
      ResponseEntity<byte[]> pdf = http.withBasicAuth(user, "demo")
          .getForEntity("/api/v1/applications/" + APPLICATION + "/result", byte[].class);
      assertThat(pdf.getStatusCode()).as(user).isEqualTo(HttpStatus.OK);
      assertThat(pdf.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PDF);
      assertThat(pdf.getBody()).isEqualTo(issued.pdf());
    }
    ResponseEntity<byte[]> p7s = http.withBasicAuth("admin", "admin")
        .getForEntity("/api/v1/applications/" + APPLICATION + "/result.p7s", byte[].class);
    assertThat(p7s.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(p7s.getHeaders().getContentType()).hasToString("application/pkcs7-signature");
    assertThat(p7s.getHeaders().getContentDisposition().getFilename()).isEqualTo(NUMBER + ".pdf.p7s");
    assertThat(p7s.getBody()).isEqualTo(issued.signature());

    JsonNode record = http.withBasicAuth("wko.employee", "demo")
        .getForEntity("/api/v1/applications/" + APPLICATION + "/result.json", JsonNode.class).getBody();
    assertThat(record.get("number").asText()).isEqualTo(NUMBER);
    assertThat(record.get("kind").asText()).isEqualTo("licence");
    assertThat(record.get("applicant").get("id").asText()).isEqualTo("040540000123");
    assertThat(record.get("provider").get("nameRu").asText())
        .isEqualTo("Управление предпринимательства и индустрии Западно-Казахстанской области");
    assertThat(record.get("licence").get("subtypes")).hasSize(2);
    assertThat(record.get("signer").get("bin").asText()).hasSize(12);
  }

  @Test
  void othersAreRefusedAndUnknownApplicationsAreNotFound() {
    // the portal and the service centers read only the results of what they submitted (docs/security.md);
    // nobody submitted this one
    for (String user : new String[] {"akmola.clerk", "committee.head", "operator", "payment-gateway", "portal",
        "service-center"}) {
      ResponseEntity<JsonNode> refused = http.withBasicAuth(user, "demo")
          .getForEntity("/api/v1/applications/" + APPLICATION + "/result.json", JsonNode.class);
      assertThat(refused.getStatusCode()).as(user).isEqualTo(HttpStatus.FORBIDDEN);
      assertThat(refused.getHeaders().getContentType().toString()).startsWith("application/problem+json");
    }
    assertThat(http.withBasicAuth("akmola.clerk", "demo")
        .getForEntity("/api/v1/applications/" + APPLICATION + "/result", byte[].class).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);

    ResponseEntity<JsonNode> unknown = http.withBasicAuth("portal", "demo")
        .getForEntity("/api/v1/applications/no-such-application/result", JsonNode.class);
    assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(unknown.getBody().get("problems").get(0).asText())
        .isEqualTo("Application no-such-application has no result document");
    assertThat(http.withBasicAuth("operator", "demo")
        .getForEntity("/api/v1/applications/no-such-application/result", JsonNode.class).getStatusCode())
        .as("a caller who reads no results learns nothing").isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(http.getForEntity("/api/v1/applications/" + APPLICATION + "/result", String.class).getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
  }

  @Test
  void thePortalReadsTheResultOfWhatItSubmitted() throws Exception {
    if (engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey("test-licence-portal")
        .count() == 0) {
      engine.getRepositoryService().createDeployment().name("application API tests")
          .addClasspathResource("applications/test-licence-portal.bpmn")
          .addClasspathResource("applications/test-licence-provider.bpmn").deploy();
    }
    String id = "api-result-portal-" + UUID.randomUUID();
    engine.getRuntimeService().startProcessInstanceByKey("test-licence-portal", id, Map.of("service", "test-licence",
        "channel", "portal", "requestKind", "issuance", "applicantId", "040540000123", "submittedBy", "portal"));
    documents.issue(ResultDocumentsTest.licence(id, "KZ-WKO-LIC-2026-200002", "issuance"));

    assertThat(http.withBasicAuth("portal", "demo").getForEntity("/api/v1/applications/" + id + "/result.json",
        JsonNode.class).getBody().get("number").asText()).isEqualTo("KZ-WKO-LIC-2026-200002");
    assertThat(http.withBasicAuth("service-center", "demo").getForEntity("/api/v1/applications/" + id + "/result",
        byte[].class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
  }

  @Test
  void anyoneVerifiesADocumentByItsNumberAndLearnsOnlyWhatIsPrintedOnIt() {
    ResponseEntity<JsonNode> answer = http.getForEntity("/api/v1/documents/" + NUMBER + "/verify", JsonNode.class);

    assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
    JsonNode body = answer.getBody();
    assertThat(body.get("ours").asBoolean()).isTrue();
    assertThat(body.get("number").asText()).isEqualTo(NUMBER);
    assertThat(body.get("kind").asText()).isEqualTo("licence");
    assertThat(body.get("kindKk").asText()).isEqualTo("МЕМЛЕКЕТТІК ЛИЦЕНЗИЯ");
    assertThat(body.get("holderName").asText()).isEqualTo("ТОО \"Батыс Металл Трейд\"");
    assertThat(body.get("provider").get("id").asText()).isEqualTo("wko");
    assertThat(body.get("signer").get("bin").asText()).isEqualTo(issued.record().signer().bin());
    assertThat(body.get("pdfSha256").asText()).isEqualTo(issued.pdfSha256());
    assertThat(body.get("signatureValid").asBoolean()).isTrue();
    assertThat(body.get("issuedAt").asText()).endsWith("+05:00");
    assertThat(body.toString()).doesNotContain("040540000123", "applicationId", "formData", "Өнеркәсіп",
        issued.record().signer().iin() == null ? "no-iin" : issued.record().signer().iin());
  }

  @Test
  void aPdfSentBackIsUnchangedOrAltered() {
    ResponseEntity<JsonNode> same = post(NUMBER, issued.pdf());
    assertThat(same.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(same.getBody().get("unchanged").asBoolean()).isTrue();
    assertThat(same.getBody().get("verdict").asText()).isEqualTo("unchanged");

    byte[] altered = issued.pdf().clone();
    altered[altered.length / 3] ^= 0x20;
    ResponseEntity<JsonNode> changed = post(NUMBER, altered);
    assertThat(changed.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(changed.getBody().get("unchanged").asBoolean()).isFalse();
    assertThat(changed.getBody().get("verdict").asText()).isEqualTo("altered");
    assertThat(changed.getBody().get("submittedSha256").asText()).isNotEqualTo(issued.pdfSha256());

    assertThat(post(NUMBER, new byte[0]).getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
  }

  @Test
  void anUnknownNumberIsNotOurs() {
    ResponseEntity<JsonNode> unknown = http.getForEntity("/api/v1/documents/KZ-WKO-LIC-1999-000001/verify",
        JsonNode.class);
    assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(unknown.getHeaders().getContentType().toString()).startsWith("application/problem+json");
    assertThat(unknown.getBody().get("ours").asBoolean()).isFalse();
    assertThat(unknown.getBody().get("problems").get(0).asText())
        .isEqualTo("No document number KZ-WKO-LIC-1999-000001 was issued here");

    ResponseEntity<JsonNode> posted = post("KZ-WKO-LIC-1999-000001", issued.pdf());
    assertThat(posted.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(posted.getBody().get("ours").asBoolean()).isFalse();
  }

  private ResponseEntity<JsonNode> post(String number, byte[] pdf) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_PDF);
    return http.postForEntity("/api/v1/documents/" + number + "/verify", new HttpEntity<>(pdf, headers),
        JsonNode.class);
  }
}
