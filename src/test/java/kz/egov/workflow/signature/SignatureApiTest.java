package kz.egov.workflow.signature;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;

/** The demo PKI, the REST endpoint and the delegate in the running application. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"demo", "test"})
class SignatureApiTest {

  @Autowired TestRestTemplate http;
  @Autowired DemoPki demoPki;
  @Autowired ResultSigner resultSigner;
  @Autowired SignatureVerifier verifier;
  @Autowired ProcessEngine engine;

  static final byte[] REQUEST = "{\"service\":\"archival-certificate\"}".getBytes(StandardCharsets.UTF_8);

  /** Signs as the demo applicant would, with the generated applicant.p12. */
  private byte[] applicantSignature(byte[] data) throws Exception {
    DemoPki.Material material = demoPki.ensure();
    KeyStore store = KeyStore.getInstance("PKCS12");
    try (var in = Files.newInputStream(material.applicantKeyStore())) {
      store.load(in, material.password().toCharArray());
    }
    List<X509Certificate> chain = new ArrayList<>();
    for (Certificate c : store.getCertificateChain("applicant")) {
      chain.add((X509Certificate) c);
    }
    return new ResultSigner((PrivateKey) store.getKey("applicant", material.password().toCharArray()), chain)
        .signDetached(data);
  }

  private String applicantIin() throws Exception {
    return CertificateProfiles.read(TrustAnchors.read(Files.readAllBytes(demoPki.ensure().applicantCertificate()))
        .get(0)).iin();
  }

  @Test
  void demoPkiIsGeneratedOnceAndItsResultsVerify() throws Exception {
    DemoPki.Material material = demoPki.ensure();
    assertThat(material.caCertificate()).exists();
    assertThat(material.providerKeyStore()).exists();
    assertThat(verifier.trust().roots()).contains(material.ca());

    byte[] result = "result".getBytes(StandardCharsets.UTF_8);
    SignatureVerdict verdict = verifier.verify(resultSigner.signDetached(result), result, SignatureVerifier.Expected.none());
    assertThat(verdict.valid()).as(verdict.summary()).isTrue();
    assertThat(verdict.signer().certificate().roles()).contains(Role.FIRST_HEAD);
    assertThat(kz.egov.workflow.identity.Bin.isValid(verdict.signer().certificate().bin())).isTrue();
    assertThat(verdict.signer().revocation().get(0).source()).isEqualTo(SignatureVerdict.RevocationSource.CRL);
  }

  @Test
  void restVerifiesAndAnswersWithTheVerdict() throws Exception {
    String cms = Base64.getEncoder().encodeToString(applicantSignature(REQUEST));
    String data = Base64.getEncoder().encodeToString(REQUEST);
    String iin = applicantIin();

    ResponseEntity<JsonNode> ok = http.withBasicAuth("portal", "demo").postForEntity("/api/v1/signatures/verify",
        Map.of("cms", cms, "data", data, "iin", iin), JsonNode.class);
    assertThat(ok.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(ok.getBody().get("valid").asBoolean()).as(ok.getBody().toString()).isTrue();
    assertThat(ok.getBody().get("message").asText()).isEqualTo("Signature valid");
    assertThat(ok.getBody().at("/signers/0/certificate/iin").asText()).isEqualTo(iin);
    assertThat(ok.getBody().at("/signers/0/signingTimeSource").asText()).isEqualTo("VERIFICATION_TIME");

    // another person's IIN: still 200, the verdict says why
    ResponseEntity<JsonNode> mismatch = http.withBasicAuth("auditor", "demo").postForEntity("/api/v1/signatures/verify",
        Map.of("cms", cms, "data", data, "iin", "850315400015"), JsonNode.class);
    assertThat(mismatch.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(mismatch.getBody().get("valid").asBoolean()).isFalse();
    assertThat(mismatch.getBody().get("reasons").toString()).contains("IIN_MISMATCH");
    assertThat(mismatch.getBody().at("/messages/0/ru").asText()).contains("ИИН");
  }

  @Test
  void badInputIs400WithAMessage() throws Exception {
    ResponseEntity<JsonNode> base64 = post(Map.of("cms", "@@not base64@@"));
    assertThat(base64.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(base64.getBody().get("problems").toString()).contains("cms: not valid base64");

    ResponseEntity<JsonNode> notCms = post(Map.of("cms", Base64.getEncoder().encodeToString("hello".getBytes())));
    assertThat(notCms.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(notCms.getBody().get("detail").asText()).contains("cms:", "not a readable CMS");

    ResponseEntity<JsonNode> iin = post(Map.of("cms", Base64.getEncoder().encodeToString(applicantSignature(REQUEST)),
        "iin", "900101300123"));
    assertThat(iin.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(iin.getBody().get("problems").toString()).contains("IIN 900101300123: check digit is 3, expected 6");

    ResponseEntity<JsonNode> everything = post(Map.of("cms", Base64.getEncoder().encodeToString("hello".getBytes()),
        "iin", "900101300123"));
    assertThat(everything.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(everything.getBody().get("problems")).extracting(JsonNode::asText).containsExactly(
        "cms: not a readable CMS SignedData", "iin: IIN 900101300123: check digit is 3, expected 6");

    ResponseEntity<JsonNode> detachedWithoutData = post(Map.of("cms",
        Base64.getEncoder().encodeToString(applicantSignature(REQUEST))));
    assertThat(detachedWithoutData.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(detachedWithoutData.getBody().get("detail").asText()).contains("detached");

    assertThat(post(Map.of()).getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(http.postForEntity("/api/v1/signatures/verify", Map.of("cms", "x"), String.class).getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
  }

  @Test
  void delegateSetsTheGatewayVariablesAndNeverThrowsOnABadSignature() throws Exception {
    BpmnModelInstance model = Bpmn.createExecutableProcess("test-verify-signature").camundaHistoryTimeToLive(1)
        .startEvent().serviceTask("verify").camundaDelegateExpression("${verifySignature}")
        .camundaInputParameter("cms", "${signedRequest}").camundaInputParameter("data", "${requestData}")
        .camundaInputParameter("iin", "${applicantIin}")
        .userTask("after").endEvent().done();
    Deployment deployment = engine.getRepositoryService().createDeployment().addModelInstance("test-verify.bpmn", model)
        .deploy();
    try {
      String cms = Base64.getEncoder().encodeToString(applicantSignature(REQUEST));
      ProcessInstance valid = engine.getRuntimeService().startProcessInstanceByKey("test-verify-signature",
          Map.of("signedRequest", cms, "requestData", Base64.getEncoder().encodeToString(REQUEST),
              "applicantIin", applicantIin()));
      Map<String, Object> variables = engine.getRuntimeService().getVariables(valid.getId());
      assertThat(variables).containsEntry("signatureValid", true).containsEntry("signatureReasons", "")
          .containsEntry("signerIin", applicantIin()).containsEntry("signingTimeSource", "VERIFICATION_TIME");

      ProcessInstance tampered = engine.getRuntimeService().startProcessInstanceByKey("test-verify-signature",
          Map.of("signedRequest", cms, "requestData", Base64.getEncoder().encodeToString("changed".getBytes()),
              "applicantIin", "900101300123"));
      Map<String, Object> refused = engine.getRuntimeService().getVariables(tampered.getId());
      assertThat(refused).containsEntry("signatureValid", false);
      assertThat((String) refused.get("signatureReasons")).contains("BAD_SIGNATURE", "IIN_MISMATCH");
      assertThat((String) refused.get("signatureMessage")).contains("check digit is 3, expected 6");
      assertThat((String) refused.get("signatureMessageRu")).contains("Подпись не соответствует");
    } finally {
      engine.getRepositoryService().deleteDeployment(deployment.getId(), true);
    }
  }

  private ResponseEntity<JsonNode> post(Map<String, String> body) {
    return http.withBasicAuth("portal", "demo").postForEntity("/api/v1/signatures/verify", body, JsonNode.class);
  }
}
