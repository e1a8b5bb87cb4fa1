package kz.egov.workflow.culturalexport2013;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import kz.egov.workflow.process.JobExecutorRunning;
import kz.egov.workflow.scrapmetal.DemoSigner;
import kz.egov.workflow.signature.DemoPki;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;

/**
 * R1 through REST only, as the portal and the Culture Department's executor would run it, with the job executor
 * running: the demo individual signs the request with the demo EDS, the portal submits it, the executor decides
 * through the REST task API, the portal reads the status and fetches the signed certificate (its CMS verified
 * over the PDF) — and, decided the other way, the signed motivated refusal. A request whose export period ends
 * before it starts never gets in.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"demo", "test"})
@ExtendWith(JobExecutorRunning.class)
class CulturalExport2013JourneyTest {

  static final ObjectMapper JSON = new ObjectMapper();
  static final String DECISION_STEP = "Check the grounds for the certificate";

  @Autowired TestRestTemplate http;
  @Autowired DemoPki demoPki;
  @Autowired ProcessEngine engine;

  @Test
  void anIndividualsRequestIsDecidedAndTheSignedCertificateFetchedAndVerified() throws Exception {
    String reference = "R1-" + UUID.randomUUID();
    ResponseEntity<JsonNode> submitted = submit(reference, form("2026-04-01", "2026-06-30"));
    assertThat(submitted.getStatusCode()).as(String.valueOf(submitted.getBody())).isEqualTo(HttpStatus.CREATED);
    assertThat(submitted.getBody().get("id").asText()).isEqualTo(reference);

    JsonNode waiting = awaitStatus(reference, s -> s.path("currentSteps").toString().contains(DECISION_STEP));
    assertThat(waiting.get("status").asText()).isEqualTo("in-progress");
    assertThat(waiting.get("applicationNumber").asText()).matches("KZ-AKMOLA-\\d{4}-\\d{6}");
    assertThat(waiting.get("deadline").asText()).isNotBlank();

    String taskId = decisionTask(reference);
    // the decision is the responsible executor's: not the office clerk's, not another provider's
    assertThat(complete("akmola.clerk", taskId, Map.of("decision", "issue")).getStatusCode().is4xxClientError())
        .isTrue();
    assertThat(complete("wko.employee", taskId, Map.of("decision", "issue")).getStatusCode().is4xxClientError())
        .isTrue();
    ResponseEntity<String> noReason = complete("akmola.executor", taskId, Map.of("decision", "refuse"));
    assertThat(noReason.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(noReason.getBody()).contains("a refusal needs its reason");
    assertThat(complete("akmola.executor", taskId, Map.of("decision", "issue")).getStatusCode())
        .isEqualTo(HttpStatus.NO_CONTENT);

    JsonNode issued = awaitStatus(reference, s -> "issued".equals(s.path("status").asText()));
    assertThat(issued.at("/result/kind").asText()).isEqualTo("certificate");
    String number = issued.at("/result/documentNumber").asText();
    assertThat(number).isEqualTo(issued.get("applicationNumber").asText() + "-CERT");
    assertThat(issued.get("steps").toString()).contains("P1 Applicant signs in to the portal",
        "C2 EDS valid, IIN/BIN matches?", "P7 Register the application", "P9 Certificate received");

    byte[] pdf = fetchAndVerify(issued);
    String text = text(pdf);
    assertThat(text).contains("Домбыра, ағаш, XIX ғ.", "Түркия / Турция", "Демо Заявитель Демович", number);

    JsonNode verified = http.getForObject("/api/v1/documents/" + number + "/verify", JsonNode.class);
    assertThat(verified.get("ours").asBoolean()).isTrue();
    assertThat(verified.get("signatureValid").asBoolean()).isTrue();
    assertThat(verified.get("kind").asText()).isEqualTo("certificate");
  }

  @Test
  void theExecutorsRefusalReachesThePortalAsASignedMotivatedRefusal() throws Exception {
    String reference = "R1-" + UUID.randomUUID();
    assertThat(submit(reference, form("2026-05-01", "2026-05-31")).getStatusCode()).isEqualTo(HttpStatus.CREATED);
    awaitStatus(reference, s -> s.path("currentSteps").toString().contains(DECISION_STEP));

    String reason = "Ценности включены в перечень, временный вывоз которых не допускается";
    assertThat(complete("akmola.executor", decisionTask(reference),
        Map.of("decision", "refuse", "decisionReason", reason)).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);

    JsonNode refused = awaitStatus(reference, s -> "refused".equals(s.path("status").asText()));
    assertThat(refused.at("/refusal/step").asText()).isEqualTo("P8");
    assertThat(refused.at("/refusal/reason").asText()).isEqualTo("Service refused (motivated refusal): " + reason);
    assertThat(refused.at("/refusal/reasonKk").asText()).startsWith("Қызмет көрсетуден бас тартылды");
    assertThat(refused.at("/result/kind").asText()).isEqualTo("refusal");
    assertThat(refused.at("/result/documentNumber").asText()).isEqualTo(refused.get("applicationNumber").asText()
        + "-REF");

    byte[] pdf = fetchAndVerify(refused);
    assertThat(text(pdf)).contains(reason, refused.get("applicationNumber").asText());
  }

  @Test
  void anExportPeriodThatEndsBeforeItStartsIsA400AndNothingStarts() throws Exception {
    String reference = "R1-" + UUID.randomUUID();
    ResponseEntity<JsonNode> refused = submit(reference, form("2026-06-30", "2026-04-01"));
    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(refused.getBody().get("problems").toString())
        .contains("formData.exportUntil: not before exportFrom (2026-06-30)");
    assertThat(http.withBasicAuth("portal", "demo").getForEntity("/api/v1/applications/" + reference, String.class)
        .getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
  }

  // --- the portal's and the executor's calls

  private static ObjectNode form(String from, String until) throws Exception {
    ObjectNode form = (ObjectNode) JSON.readTree(R1Fixtures.FORM);
    return form.put("exportFrom", from).put("exportUntil", until);
  }

  /** As the demo individual signed in to the portal with their own account (IIN = login). */
  private ResponseEntity<JsonNode> submit(String reference, ObjectNode formData) throws Exception {
    String iin = DemoPki.applicantIin();
    byte[] photo = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 1, 2, 3};
    ObjectNode document = JSON.createObjectNode().put("service", "cultural-export-2013").put("applicantId", iin);
    document.set("formData", formData);
    document.putArray("attachments").addObject().put("name", "dombra.png").put("sha256", sha256(photo));

    ObjectNode request = JSON.createObjectNode().put("service", "cultural-export-2013").put("channel", "portal")
        .put("reference", reference).put("portalLogin", iin);
    request.putObject("applicant").put("id", iin).put("name", "Демо Заявитель Демович");
    request.set("formData", formData);
    request.putArray("attachments").addObject().put("name", "dombra.png").put("contentType", "image/png")
        .put("content", Base64.getEncoder().encodeToString(photo));
    DemoPki.Material material = demoPki.ensure();
    request.put("signature", Base64.getEncoder().encodeToString(
        DemoSigner.fromPkcs12(material.applicantKeyStore(), material.password())
            .signAttached(JSON.writeValueAsBytes(document))));

    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    headers.set("Idempotency-Key", UUID.randomUUID().toString());
    return http.withBasicAuth("portal", "demo").exchange("/api/v1/applications", HttpMethod.POST,
        new HttpEntity<>(JSON.writeValueAsString(request), headers), JsonNode.class);
  }

  /** The executor finds the decision task through the REST task API (the executor's candidate group). */
  private String decisionTask(String reference) {
    JsonNode found = http.withBasicAuth("akmola.executor", "demo")
        .getForObject("/engine-rest/task?processInstanceBusinessKey=" + reference, JsonNode.class);
    assertThat(found).hasSize(1);
    assertThat(found.get(0).get("name").asText()).isEqualTo(DECISION_STEP);
    return found.get(0).get("id").asText();
  }

  private ResponseEntity<String> complete(String user, String taskId, Map<String, Object> values) {
    Map<String, Object> typed = new LinkedHashMap<>();
    values.forEach((name, value) -> typed.put(name, Map.of("value", value)));
    return http.withBasicAuth(user, "demo").postForEntity("/engine-rest/task/" + taskId + "/complete",
        Map.of("variables", typed), String.class);
  }

  /**
   * The portal fetches the result and its detached signature; the CMS verifies over the PDF with Bouncy Castle
   * (signed by the demo provider's key, the Culture Department's BIN in the certificate) and through the API.
   */
  private byte[] fetchAndVerify(JsonNode status) throws Exception {
    TestRestTemplate portal = http.withBasicAuth("portal", "demo");
    ResponseEntity<byte[]> pdf = portal.getForEntity(status.at("/links/result").asText(), byte[].class);
    assertThat(pdf.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(pdf.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PDF);
    ResponseEntity<byte[]> p7s = portal.getForEntity(status.at("/links/resultSignature").asText(), byte[].class);
    assertThat(p7s.getStatusCode()).isEqualTo(HttpStatus.OK);

    CMSSignedData cms = new CMSSignedData(new CMSProcessableByteArray(pdf.getBody()), p7s.getBody());
    assertThat(cms.getSignerInfos().getSigners()).hasSize(1);
    SignerInformation signer = cms.getSignerInfos().getSigners().iterator().next();
    @SuppressWarnings("unchecked")
    X509CertificateHolder certificate = (X509CertificateHolder) cms.getCertificates().getMatches(signer.getSID())
        .iterator().next();
    assertThat(signer.verify(new JcaSimpleSignerInfoVerifierBuilder().build(certificate))).isTrue();
    assertThat(certificate.getSubject().toString()).contains("BIN" + DemoPki.PROVIDER_BIN_PREFIX);

    ResponseEntity<JsonNode> check = portal.postForEntity("/api/v1/signatures/verify",
        Map.of("cms", Base64.getEncoder().encodeToString(p7s.getBody()),
            "data", Base64.getEncoder().encodeToString(pdf.getBody())), JsonNode.class);
    assertThat(check.getBody().get("valid").asBoolean()).as(check.getBody().toString()).isTrue();

    // a PDF changed by one byte no longer matches the signature
    byte[] altered = pdf.getBody().clone();
    altered[altered.length / 2] ^= 0x01;
    CMSSignedData forAltered = new CMSSignedData(new CMSProcessableByteArray(altered), p7s.getBody());
    SignerInformation alteredSigner = forAltered.getSignerInfos().getSigners().iterator().next();
    boolean stillValid;
    try {
      stillValid = alteredSigner.verify(new JcaSimpleSignerInfoVerifierBuilder().build(certificate));
    } catch (org.bouncycastle.cms.CMSException e) {
      stillValid = false;
    }
    assertThat(stillValid).isFalse();
    return pdf.getBody();
  }

  private static String text(byte[] pdf) throws Exception {
    try (PDDocument document = Loader.loadPDF(pdf)) {
      // the PDF wraps long lines: one space for every run of white space
      return new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
    }
  }

  private JsonNode awaitStatus(String id, Predicate<JsonNode> condition) throws InterruptedException {
    JsonNode last = null;
    for (int attempt = 0; attempt < 150; attempt++) {
      ResponseEntity<JsonNode> status = http.withBasicAuth("portal", "demo")
          .getForEntity("/api/v1/applications/" + id, JsonNode.class);
      assertThat(status.getStatusCode()).isEqualTo(HttpStatus.OK);
      last = status.getBody();
      if (condition.test(last)) {
        return last;
      }
      Thread.sleep(200);
    }
    throw new AssertionError("application " + id + " did not reach the expected state; last seen: " + last);
  }

  private static String sha256(byte[] bytes) throws Exception {
    return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
  }
}
