package kz.egov.workflow.application;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigInteger;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import kz.egov.workflow.licensing.Licence;
import kz.egov.workflow.licensing.LicenceStatus;
import kz.egov.workflow.licensing.LicensingRegister;
import kz.egov.workflow.process.Jobs;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.spin.json.SpinJsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/**
 * {@code /api/v1/applications} and engine-rest starts, end to end, on the test service {@code test-licence}
 * (application-test.yaml: provider wko, a BIN applicant, the R2 form) and its test diagrams.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"demo", "test"})
class ApplicationApiTest {

  static final String SERVICE = "test-licence";
  static final String BIN = "040540000123";
  static final String OTHER_BIN = "110840001237";
  static final ObjectMapper JSON = new ObjectMapper();
  static KeyPair signerKeys;
  static X509Certificate signerCertificate;

  @Autowired TestRestTemplate http;
  @Autowired RepositoryService repository;
  @Autowired RuntimeService runtime;
  @Autowired HistoryService history;
  @Autowired TaskService tasks;
  @Autowired ManagementService management;
  @Autowired ApplicationStore store;
  @Autowired JdbcTemplate jdbc;
  @Autowired LicensingRegister licensing;
  @LocalServerPort int port;

  @BeforeAll
  static void signer() throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    signerKeys = generator.generateKeyPair();
    X500Name name = new X500Name("CN=ТОО Батыс Металл, OU=BIN" + BIN + ", C=KZ");
    Instant now = Instant.now();
    ContentSigner signer = new JcaContentSignerBuilder("SHA256withRSA").build(signerKeys.getPrivate());
    signerCertificate = new JcaX509CertificateConverter().getCertificate(new JcaX509v3CertificateBuilder(name,
        BigInteger.ONE, Date.from(now.minus(1, ChronoUnit.DAYS)), Date.from(now.plus(1, ChronoUnit.DAYS)), name,
        signerKeys.getPublic()).build(signer));
  }

  @BeforeEach
  void deploy() {
    if (repository.createProcessDefinitionQuery().processDefinitionKey(SERVICE + "-portal").count() == 0) {
      repository.createDeployment().name("application API tests")
          .addClasspathResource("applications/test-licence-portal.bpmn")
          .addClasspathResource("applications/test-licence-provider.bpmn").deploy();
    }
  }

  // ---- building requests ----------------------------------------------------------------------------

  static ObjectNode form() {
    ObjectNode form = JSON.createObjectNode();
    form.put("companyName", "ТОО \"Батыс Металл\"").put("siteAddress", "Уральск, ул. Промышленная, 5");
    form.putArray("metals").add("ferrous").add("non-ferrous");
    form.putArray("subtypes").add("collection").add("storage");
    form.put("contactPhone", "+77011234567");
    return form;
  }

  /** A provider-channel request: no signature needed. */
  static ObjectNode providerRequest(String applicantId) {
    ObjectNode request = JSON.createObjectNode();
    request.put("service", SERVICE).put("channel", "provider").put("requestKind", "issuance");
    request.putObject("applicant").put("id", applicantId).put("name", "ТОО \"Батыс Металл\"");
    request.set("formData", form());
    request.putArray("attachments").addObject().put("name", "charter.pdf").put("contentType", "application/pdf")
        .put("content", Base64.getEncoder().encodeToString("%PDF-1.4 charter".getBytes(StandardCharsets.UTF_8)));
    return request;
  }

  /** A portal request signed over its own content. */
  static ObjectNode portalRequest() throws Exception {
    ObjectNode request = providerRequest(BIN);
    request.put("channel", "portal").put("portalLogin", BIN);
    request.put("signature", sign(document(request)));
    return request;
  }

  /** The application document the portal signs: what the request says. */
  static ObjectNode document(ObjectNode request) throws Exception {
    ObjectNode document = JSON.createObjectNode();
    document.set("service", request.get("service"));
    document.set("requestKind", request.get("requestKind"));
    document.set("applicantId", request.get("applicant").get("id"));
    document.set("formData", request.get("formData").deepCopy());
    ArrayNode attachments = document.putArray("attachments");
    for (JsonNode attachment : request.withArray("attachments")) {
      attachments.addObject().put("name", attachment.get("name").asText()).put("sha256",
          ApplicationChecks.sha256(Base64.getDecoder().decode(attachment.get("content").asText())));
    }
    return document;
  }

  /** CMS SignedData with the document encapsulated, as {@code openssl cms -sign -nodetach} makes it. */
  static String sign(JsonNode document) throws Exception {
    CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
    generator.addSignerInfoGenerator(new JcaSignerInfoGeneratorBuilder(new JcaDigestCalculatorProviderBuilder().build())
        .build(new JcaContentSignerBuilder("SHA256withRSA").build(signerKeys.getPrivate()), signerCertificate));
    generator.addCertificates(new JcaCertStore(List.of(signerCertificate)));
    byte[] content = JSON.writeValueAsBytes(document);
    return Base64.getEncoder().encodeToString(generator.generate(new CMSProcessableByteArray(content), true)
        .getEncoded());
  }

  ResponseEntity<JsonNode> post(String user, String key, JsonNode body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    if (key != null) {
      headers.set("Idempotency-Key", key);
    }
    return http.withBasicAuth(user, password(user)).exchange("/api/v1/applications", HttpMethod.POST,
        new HttpEntity<>(body.toString(), headers), JsonNode.class);
  }

  ResponseEntity<JsonNode> get(String user, String path) {
    return http.withBasicAuth(user, password(user)).getForEntity(path, JsonNode.class);
  }

  static String password(String user) {
    return "admin".equals(user) ? "admin" : "demo";
  }

  static String key() {
    return "key-" + UUID.randomUUID();
  }

  long instances() {
    return history.createHistoricProcessInstanceQuery()
        .processDefinitionKeyIn(SERVICE + "-portal", SERVICE + "-provider").count();
  }

  static List<String> problems(ResponseEntity<JsonNode> answer) {
    List<String> problems = new ArrayList<>();
    answer.getBody().get("problems").forEach(p -> problems.add(p.asText()));
    return problems;
  }

  // ---- submitting ------------------------------------------------------------------------------------

  @Test
  void aSignedPortalApplicationStartsItsProcessAndARepeatAnswersTheSame() throws Exception {
    ObjectNode request = portalRequest();
    String key = key();
    ResponseEntity<JsonNode> created = post("portal", key, request);
    assertThat(created.getStatusCode()).as(String.valueOf(created.getBody())).isEqualTo(HttpStatus.CREATED);
    String id = created.getBody().get("id").asText();
    assertThat(created.getBody().has("applicationNumber")).isTrue();
    assertThat(created.getBody().get("applicationNumber").isNull()).isTrue();
    assertThat(created.getBody().get("status").asText()).isEqualTo("submitted");
    assertThat(created.getBody().at("/links/self").asText()).isEqualTo("/api/v1/applications/" + id);
    assertThat(created.getHeaders().getLocation().getPath()).isEqualTo("/api/v1/applications/" + id);
    assertThat(created.getHeaders().containsKey("Idempotent-Replayed")).isFalse();

    // started as the system with the start variables of docs/process-variables.md
    ProcessInstance instance = runtime.createProcessInstanceQuery().processInstanceBusinessKey(id).singleResult();
    assertThat(instance.getProcessDefinitionId()).startsWith(SERVICE + "-portal:");
    Map<String, Object> variables = runtime.getVariables(instance.getId());
    assertThat(variables).containsEntry("applicationId", id).containsEntry("service", SERVICE)
        .containsEntry("provider", "wko").containsEntry("channel", "portal").containsEntry("requestKind", "issuance")
        .containsEntry("applicantId", BIN).containsEntry("applicantName", "ТОО \"Батыс Металл\"")
        .containsEntry("portalLogin", BIN).containsEntry("submittedBy", "portal")
        .containsEntry("attachmentCount", 1);
    // the signed request as DER bytes: with its document inside it outgrows the engine's 4000-character strings
    assertThat((byte[]) variables.get("cms")).isEqualTo(Base64.getDecoder().decode(request.get("signature").asText()));
    assertThat(((SpinJsonNode) variables.get("formData")).prop("companyName").stringValue())
        .isEqualTo("ТОО \"Батыс Металл\"");
    assertThat(store.attachments(id)).singleElement().satisfies(a -> {
      assertThat(a.name()).isEqualTo("charter.pdf");
      assertThat(a.size()).isEqualTo(16);
    });

    long rows = store.count();
    long started = instances();
    ResponseEntity<JsonNode> replay = post("portal", key, request);
    assertThat(replay.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    assertThat(replay.getHeaders().getFirst("Idempotent-Replayed")).isEqualTo("true");
    assertThat(replay.getBody()).isEqualTo(created.getBody());
    assertThat(store.count()).isEqualTo(rows);
    assertThat(instances()).isEqualTo(started);

    // the same key for another application is an error, not a silent replay
    ObjectNode other = request.deepCopy();
    ((ObjectNode) other.get("formData")).put("siteAddress", "Аксай, ул. Заводская, 1");
    ResponseEntity<JsonNode> reused = post("portal", key, other);
    assertThat(reused.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
    assertThat(reused.getHeaders().getContentType().toString()).startsWith("application/problem+json");
    assertThat(reused.getBody().get("detail").asText()).contains(key, id);
    assertThat(store.count()).isEqualTo(rows);

    // the key is the caller's: another caller's same key is another application
    ResponseEntity<JsonNode> byStaff = post("wko.employee", key, providerRequest(BIN));
    assertThat(byStaff.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    assertThat(byStaff.getBody().get("id").asText()).isNotEqualTo(id);
  }

  @Test
  void twentyConcurrentSubmissionsWithOneKeyMakeOneApplication() throws Exception {
    ObjectNode request = providerRequest(BIN);
    String key = key();
    long rows = store.count();
    long started = instances();
    ExecutorService pool = Executors.newFixedThreadPool(20);
    try {
      List<Callable<ResponseEntity<JsonNode>>> calls = new ArrayList<>();
      for (int i = 0; i < 20; i++) {
        calls.add(() -> post("wko.employee", key, request));
      }
      Set<String> ids = new HashSet<>();
      int replayed = 0;
      for (Future<ResponseEntity<JsonNode>> answer : pool.invokeAll(calls)) {
        ResponseEntity<JsonNode> response = answer.get();
        assertThat(response.getStatusCode()).as(String.valueOf(response.getBody())).isEqualTo(HttpStatus.CREATED);
        ids.add(response.getBody().get("id").asText());
        replayed += "true".equals(response.getHeaders().getFirst("Idempotent-Replayed")) ? 1 : 0;
      }
      assertThat(ids).hasSize(1);
      assertThat(replayed).isEqualTo(19);
      assertThat(store.count()).isEqualTo(rows + 1);
      assertThat(instances()).isEqualTo(started + 1);
      assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(ids.iterator().next()).count())
          .isEqualTo(1);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void everyProblemIsListedInOneAnswerAndNothingIsWritten() throws Exception {
    ObjectNode request = portalRequest();
    request.remove("portalLogin");
    request.put("requestKind", "renewal");
    ((ObjectNode) request.get("applicant")).put("id", "040540000124");
    ((ObjectNode) request.get("formData")).remove("companyName");
    ((ObjectNode) request.withArray("attachments").get(0)).put("content", "@@not base64@@");
    request.withArray("attachments").addObject().put("name", "../etc/passwd").put("contentType", "text/plain")
        .put("content", "aGVsbG8=");
    request.put("colour", "red");
    long rows = store.count();
    long started = instances();
    long attachments = jdbc.queryForObject("SELECT COUNT(*) FROM application_attachment", Long.class);

    ResponseEntity<JsonNode> answer = post("portal", null, request);
    assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(answer.getHeaders().getContentType().toString()).startsWith("application/problem+json");
    List<String> problems = problems(answer);
    assertThat(problems).as(problems.toString()).contains(
        "Idempotency-Key: header required (1 to 100 characters, the same for every retry)",
        "colour: not a field here (known: service, channel, requestKind, reference, applicant, portalLogin,"
            + " formData, attachments, signature, oneTimePassword)",
        "requestKind: 'renewal' is not a kind of request of test-licence (known: issuance, re-issuance, duplicate)",
        "applicant.id: BIN 040540000124: check digit is 4, expected 3 (test-licence is applied for by a legal entity"
            + " with a BIN)",
        "portalLogin: required",
        "attachments[0].content: not valid base64",
        "attachments[1].name: 1 to 255 characters, without '/', '\\' or control characters");
    assertThat(store.count()).isEqualTo(rows);
    assertThat(instances()).isEqualTo(started);
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM application_attachment", Long.class)).isEqualTo(attachments);

    // the form's problems come with the others once the kind of request is known
    ObjectNode form = providerRequest(BIN);
    ((ObjectNode) form.get("formData")).remove("companyName");
    ((ObjectNode) form.get("formData")).putArray("metals");
    form.put("channel", "post-office");
    assertThat(problems(post("wko.employee", key(), form))).contains(
        "channel: 'post-office' is not a channel of test-licence (known: portal, provider, service-center)",
        "formData.companyName: required", "formData.metals: must have at least 1 items but found 0");
  }

  @Test
  void anApplicantIdWithABadCheckDigitOrOfTheWrongKindIsRefused() {
    assertThat(problems(post("wko.employee", key(), providerRequest("040540000124"))))
        .containsExactly("applicant.id: BIN 040540000124: check digit is 4, expected 3 (test-licence is applied for"
            + " by a legal entity with a BIN)");
    // an IIN (a person) cannot apply for a licence of legal entities
    assertThat(problems(post("wko.employee", key(), providerRequest("900101300126")))).singleElement().asString()
        .startsWith("applicant.id: '900101300126' is not a BIN");
  }

  @Test
  void badBase64BadCmsAndAForeignSignedDocumentAreRefused() throws Exception {
    ObjectNode request = portalRequest();
    request.put("signature", "not*base64");
    assertThat(problems(post("portal", key(), request))).containsExactly("signature: not valid base64");

    request.put("signature", Base64.getEncoder().encodeToString("hello".getBytes(StandardCharsets.UTF_8)));
    assertThat(problems(post("portal", key(), request))).containsExactly("signature: not a readable CMS SignedData");

    // signed over another company name and without the attachment
    ObjectNode signedOther = document(request);
    ((ObjectNode) signedOther.get("formData")).put("companyName", "ТОО \"Другая\"");
    signedOther.putArray("attachments");
    request.put("signature", sign(signedOther));
    assertThat(problems(post("portal", key(), request))).containsExactly(
        "signature: the signed formData differs from the request's (at formData.companyName)",
        "signature: the signed attachments differs from the request's (at attachments[0])");

    // key order and whitespace do not matter: the documents are compared as JSON
    ObjectNode reordered = JSON.createObjectNode();
    ObjectNode document = document(request);
    List.of("attachments", "formData", "applicantId", "requestKind", "service")
        .forEach(f -> reordered.set(f, document.get(f)));
    request.put("signature", sign(reordered));
    assertThat(post("portal", key(), request).getStatusCode()).isEqualTo(HttpStatus.CREATED);

    request.remove("signature");
    assertThat(problems(post("portal", key(), request))).containsExactly("signature: required");
  }

  @Test
  void anAttachmentOverTenMebibytesIsRefused() {
    ObjectNode request = providerRequest(BIN);
    byte[] big = new byte[10 * 1024 * 1024 + 1];
    ((ObjectNode) request.withArray("attachments").get(0)).put("content", Base64.getEncoder().encodeToString(big));
    assertThat(problems(post("wko.employee", key(), request))).singleElement().asString()
        .startsWith("attachments[0].content: ").contains("at most 10485760");
  }

  @Test
  void aBodyOverTheLimitIs413BeforeItIsRead() throws Exception {
    String auth = "Basic " + Base64.getEncoder().encodeToString("portal:demo".getBytes(StandardCharsets.UTF_8));
    // declared: refused at once, the body is never sent
    String declared = raw("POST /api/v1/applications HTTP/1.1\r\nHost: localhost\r\nAuthorization: " + auth
        + "\r\nContent-Type: application/json\r\nIdempotency-Key: k\r\nContent-Length: 52428800\r\n\r\n{", null);
    assertThat(declared).startsWith("HTTP/1.1 413").contains("application/problem+json", "Request too large");

    // chunked: refused once more than 40 MiB arrived
    String chunked = raw("POST /api/v1/applications HTTP/1.1\r\nHost: localhost\r\nAuthorization: " + auth
        + "\r\nContent-Type: application/json\r\nIdempotency-Key: k\r\nTransfer-Encoding: chunked\r\n\r\n",
        40L * 1024 * 1024 + 1);
    assertThat(chunked).startsWith("HTTP/1.1 413").contains("Request too large");
  }

  /** Sends a raw request (and {@code chunkedBytes} of body in chunks) and answers the response's head and body. */
  private String raw(String head, Long chunkedBytes) throws Exception {
    try (Socket socket = new Socket("localhost", port)) {
      socket.setSoTimeout(30_000);
      OutputStream out = socket.getOutputStream();
      out.write(head.getBytes(StandardCharsets.UTF_8));
      if (chunkedBytes != null) {
        byte[] chunk = new byte[1024 * 1024];
        java.util.Arrays.fill(chunk, (byte) ' ');
        long left = chunkedBytes;
        try {
          while (left > 0) {
            int n = (int) Math.min(chunk.length, left);
            out.write((Integer.toHexString(n) + "\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(chunk, 0, n);
            out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
            left -= n;
          }
          out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        } catch (java.io.IOException closedByServer) {
          // the server may answer and close before the last chunk
        }
      }
      out.flush();
      InputStream in = socket.getInputStream();
      ByteArrayOutputStream response = new ByteArrayOutputStream();
      byte[] buffer = new byte[8192];
      int n;
      try {
        while ((n = in.read(buffer)) > 0) {
          response.write(buffer, 0, n);
          if (response.toString(StandardCharsets.UTF_8).contains("\"problems\"")) {
            break;
          }
        }
      } catch (java.net.SocketException reset) {
        // what arrived before the reset is the answer
      }
      return response.toString(StandardCharsets.UTF_8);
    }
  }

  @Test
  void aCallerMayUseOnlyTheirChannels() throws Exception {
    // another provider's staff cannot submit on wko's provider channel, the portal system not on it either
    ResponseEntity<JsonNode> akmola = post("akmola.employee", key(), providerRequest(BIN));
    assertThat(akmola.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(akmola.getBody().get("detail").asText()).contains("akmola.employee", "provider channel");
    assertThat(post("portal", key(), providerRequest(BIN)).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(post("auditor", key(), portalRequest()).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(post("wko.employee", key(), portalRequest()).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    // an administrator may use every channel
    assertThat(post("admin", key(), providerRequest(BIN)).getStatusCode()).isEqualTo(HttpStatus.CREATED);
    // and no one without credentials
    assertThat(http.postForEntity("/api/v1/applications", providerRequest(BIN), String.class).getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
  }

  @Test
  void aChannelWithoutADeployedDiagramIsNamed() {
    ObjectNode request = providerRequest(BIN);
    request.put("channel", "service-center");
    assertThat(problems(post("service-center", key(), request))).containsExactly(
        "channel: the process test-licence-service-center (processes/test-licence/service-center.bpmn) is not"
            + " deployed");
  }

  @Test
  void theReferenceBecomesTheIdAndCannotBeTakenTwice() {
    String reference = "DRAFT-" + UUID.randomUUID().toString().substring(0, 8);
    ObjectNode request = providerRequest(BIN);
    request.put("reference", reference);
    ResponseEntity<JsonNode> created = post("wko.employee", key(), request);
    assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    assertThat(created.getBody().get("id").asText()).isEqualTo(reference);
    assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(reference).count()).isEqualTo(1);

    long rows = store.count();
    ResponseEntity<JsonNode> taken = post("wko.employee", key(), request);
    assertThat(taken.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    assertThat(taken.getBody().get("detail").asText()).contains(reference);
    assertThat(store.count()).isEqualTo(rows);

    request.put("reference", "has spaces");
    assertThat(problems(post("wko.employee", key(), request)))
        .containsExactly("reference: 1 to 64 letters, digits, '.', '_' or '-'");
  }

  @Test
  void aReIssuanceNeedsTheApplicantsLicenceInForce() {
    Licence active = licensing.licencesOf(BIN).stream().filter(l -> l.status() == LicenceStatus.ACTIVE).findFirst()
        .orElseThrow();
    Licence replaced = licensing.licencesOf(BIN).stream().filter(l -> l.status() == LicenceStatus.REISSUED)
        .findFirst().orElseThrow();
    Licence someoneElses = licensing.licencesOf(OTHER_BIN).get(0);
    ObjectNode request = providerRequest(BIN);
    request.put("requestKind", "re-issuance");
    ObjectNode form = (ObjectNode) request.get("formData");
    form.put("reissueReason", "name-change");

    form.put("licenceNumber", someoneElses.number());
    assertThat(problems(post("wko.employee", key(), request)))
        .containsExactly("formData.licenceNumber: licence " + someoneElses.number() + " is not the applicant's");
    form.put("licenceNumber", "KZ-WKO-LIC-1999-999999");
    assertThat(problems(post("wko.employee", key(), request)))
        .containsExactly("formData.licenceNumber: no licence KZ-WKO-LIC-1999-999999 in the e-licensing register");
    form.put("licenceNumber", replaced.number());
    assertThat(problems(post("wko.employee", key(), request)))
        .containsExactly("formData.licenceNumber: licence " + replaced.number() + " is reissued, not in force");

    form.put("licenceNumber", active.number());
    ResponseEntity<JsonNode> created = post("wko.employee", key(), request);
    assertThat(created.getStatusCode()).as(String.valueOf(created.getBody())).isEqualTo(HttpStatus.CREATED);
    String id = created.getBody().get("id").asText();
    assertThat(runtime.getVariable(runtime.createProcessInstanceQuery().processInstanceBusinessKey(id).singleResult()
        .getId(), "licenceNumber")).isEqualTo(active.number());
  }

  // ---- reading ---------------------------------------------------------------------------------------

  @Test
  void theSubmitterTheChannelTheProviderAndAuditorsReadAnApplicationOthersDoNot() throws Exception {
    String id = post("portal", key(), portalRequest()).getBody().get("id").asText();
    for (String reader : List.of("portal", "wko.employee", "wko.head", "auditor", "admin")) {
      ResponseEntity<JsonNode> view = get(reader, "/api/v1/applications/" + id);
      assertThat(view.getStatusCode()).as(reader).isEqualTo(HttpStatus.OK);
      assertThat(view.getBody().get("id").asText()).isEqualTo(id);
    }
    // another provider's staff and the service centers: as if it did not exist
    for (String stranger : List.of("akmola.employee", "service-center", "payment-gateway")) {
      ResponseEntity<JsonNode> view = get(stranger, "/api/v1/applications/" + id);
      assertThat(view.getStatusCode()).as(stranger).isEqualTo(HttpStatus.NOT_FOUND);
      assertThat(view.getBody().get("detail").asText()).isEqualTo("No application " + id);
    }
    assertThat(get("portal", "/api/v1/applications/no-such-application").getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);

    // attachments: the list for readers, the bytes for the provider's staff, auditors and administrators
    ResponseEntity<JsonNode> list = get("portal", "/api/v1/applications/" + id + "/attachments");
    assertThat(list.getBody().get(0).get("name").asText()).isEqualTo("charter.pdf");
    ResponseEntity<byte[]> bytes = http.withBasicAuth("wko.employee", "demo")
        .getForEntity("/api/v1/applications/" + id + "/attachments/1", byte[].class);
    assertThat(bytes.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(bytes.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PDF);
    assertThat(new String(bytes.getBody(), StandardCharsets.UTF_8)).isEqualTo("%PDF-1.4 charter");
    assertThat(http.withBasicAuth("auditor", "demo").getForEntity("/api/v1/applications/" + id + "/attachments/1",
        byte[].class).getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(get("portal", "/api/v1/applications/" + id + "/attachments/1").getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(get("akmola.employee", "/api/v1/applications/" + id + "/attachments/1").getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(get("wko.employee", "/api/v1/applications/" + id + "/attachments/2").getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);
  }

  @Test
  void theStatusFollowsTheInstanceToItsEnd() throws Exception {
    String applicant = "150740004562";
    String id = post("wko.employee", key(), providerRequest(applicant)).getBody().get("id").asText();
    // submitted by the provider's staff: not the portal's to read
    assertThat(get("portal", "/api/v1/applications/" + id).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    JsonNode submitted = get("wko.employee", "/api/v1/applications/" + id).getBody();
    assertThat(submitted.get("status").asText()).isEqualTo("submitted");
    assertThat(submitted.at("/statusText/ru").asText()).isEqualTo("Отправлено");
    assertThat(submitted.at("/serviceName/en").asText()).isEqualTo("Test licence");
    assertThat(submitted.at("/applicant/id").asText()).isEqualTo(applicant);
    // received; the start's asynchronous continuation has not run yet
    assertThat(submitted.get("currentSteps")).isEmpty();
    assertThat(submitted.get("steps")).extracting(s -> s.get("name").asText()).containsExactly("Application received");

    String instance = runtime.createProcessInstanceQuery().processInstanceBusinessKey(id).singleResult().getId();
    Jobs.runDue(management, instance);
    Date registered = Date.from(Instant.parse("2026-03-02T05:00:00Z"));
    runtime.setVariables(instance, Map.of("applicationNumber", "KZ-WKO-2026-000777",
        "applicationRegisteredAt", registered, "deadlineAt", Date.from(Instant.parse("2026-03-23T13:30:00Z"))));
    JsonNode inProgress = get("auditor", "/api/v1/applications/" + id).getBody();
    assertThat(inProgress.get("status").asText()).isEqualTo("in-progress");
    assertThat(inProgress.get("applicationNumber").asText()).isEqualTo("KZ-WKO-2026-000777");
    assertThat(inProgress.get("registeredAt").asText()).isEqualTo("2026-03-02T10:00:00+05:00");
    assertThat(inProgress.get("deadline").asText()).isEqualTo("2026-03-23T18:30:00+05:00");
    assertThat(inProgress.get("overdue").asBoolean()).isEqualTo(Instant.now().isAfter(
        Instant.parse("2026-03-23T13:30:00Z")));
    assertThat(inProgress.get("currentSteps")).extracting(JsonNode::asText).containsExactly("C4 Examine application");

    Task task = tasks.createTaskQuery().processInstanceId(instance).singleResult();
    tasks.complete(task.getId(), Map.of("approved", true, "resultDocumentNumber", "DOC-2026-1",
        "resultDocumentKind", "licence", "licenceNumber", "KZ-WKO-LIC-2026-000001"));
    assertThat(runtime.createProcessInstanceQuery().processInstanceId(instance).count()).isZero();

    ResponseEntity<JsonNode> finished = get("wko.employee", "/api/v1/applications/" + id);
    assertThat(finished.getStatusCode()).isEqualTo(HttpStatus.OK);
    JsonNode view = finished.getBody();
    assertThat(view.get("status").asText()).isEqualTo("issued");
    assertThat(view.at("/statusText/en").asText()).isEqualTo("Result issued");
    assertThat(view.get("overdue").asBoolean()).isFalse();
    assertThat(view.get("currentSteps")).isEmpty();
    assertThat(view.get("steps")).extracting(s -> s.get("name").asText())
        .containsExactly("Application received", "C4 Examine application", "Grounds met?", "P11 Licence issued");
    assertThat(view.get("steps").get(1).get("type").asText()).isEqualTo("userTask");
    assertThat(view.get("steps").get(1).get("endedAt").asText()).isNotBlank();
    assertThat(view.get("result").get("documentNumber").asText()).isEqualTo("DOC-2026-1");
    assertThat(view.get("result").get("licenceNumber").asText()).isEqualTo("KZ-WKO-LIC-2026-000001");
    assertThat(view.at("/links/result").asText()).isEqualTo("/api/v1/applications/" + id + "/result");
    assertThat(view.at("/links/resultSignature").asText()).endsWith("/result.p7s");
    assertThat(view.has("refusal")).isFalse();

    // a refusal names its step and reason
    String refusedId = post("wko.employee", key(), providerRequest(applicant)).getBody().get("id").asText();
    String refusedInstance = runtime.createProcessInstanceQuery().processInstanceBusinessKey(refusedId)
        .singleResult().getId();
    Jobs.runDue(management, refusedInstance);
    tasks.complete(tasks.createTaskQuery().processInstanceId(refusedInstance).singleResult().getId(),
        Map.of("approved", false, "refusalReason", "No storage site", "refusalReasonRu", "Нет площадки",
            "refusalReasonKk", "Алаң жоқ"));
    JsonNode refused = get("wko.employee", "/api/v1/applications/" + refusedId).getBody();
    assertThat(refused.get("status").asText()).isEqualTo("refused");
    assertThat(refused.get("refusal").get("step").asText()).isEqualTo("P10");
    assertThat(refused.get("refusal").get("reasonRu").asText()).isEqualTo("Нет площадки");
    assertThat(refused.has("result")).isFalse();

    // the applicant's list, newest first
    JsonNode list = get("wko.employee", "/api/v1/applications?applicantId=" + applicant).getBody();
    assertThat(list.get("total").asLong()).isEqualTo(2);
    assertThat(list.get("items")).extracting(i -> i.get("id").asText()).containsExactly(refusedId, id);
    assertThat(list.get("items").get(1).get("status").asText()).isEqualTo("issued");
    assertThat(get("akmola.employee", "/api/v1/applications?applicantId=" + applicant).getBody().get("total")
        .asLong()).isZero();
    assertThat(get("wko.employee", "/api/v1/applications?applicantId=150740004563").getStatusCode())
        .isEqualTo(HttpStatus.BAD_REQUEST);
  }

  // ---- engine-rest starts ----------------------------------------------------------------------------

  ResponseEntity<JsonNode> engineStart(String key, String body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return http.withBasicAuth("admin", "admin").exchange("/engine-rest/process-definition/key/" + key + "/start",
        HttpMethod.POST, new HttpEntity<>(body, headers), JsonNode.class);
  }

  static String variables(String service, String channel, String requestKind, String applicantId, String formData) {
    return """
        {"businessKey": "%s", "variables": {
          "service": {"value": "%s", "type": "String"},
          "channel": {"value": "%s", "type": "String"},
          "requestKind": {"value": "%s", "type": "String"},
          "applicantId": {"value": "%s", "type": "String"},
          "formData": {"value": %s, "type": "Json"}}}""".formatted("ER-" + UUID.randomUUID(), service, channel,
        requestKind, applicantId, JSON.valueToTree(formData).toString());
  }

  @Test
  void engineRestStartsOfCatalogProcessesAreCheckedLikeTheApi() {
    long started = instances();
    ResponseEntity<JsonNode> bad = engineStart(SERVICE + "-portal", variables(SERVICE, "provider", "renewal",
        "040540000124", "{\"companyName\":\"ТОО\",\"metals\":[\"gold\"]}"));
    assertThat(bad.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(bad.getHeaders().getContentType().toString()).startsWith("application/problem+json");
    assertThat(problems(bad)).contains(
        "channel: 'provider' does not match the process, expected 'portal'",
        "requestKind: 'renewal' is not a kind of request of test-licence (known: issuance, re-issuance, duplicate)",
        "applicantId: BIN 040540000124: check digit is 4, expected 3");
    assertThat(instances()).isEqualTo(started);

    // the form is checked against the schema, by the kind of request
    ResponseEntity<JsonNode> badForm = engineStart(SERVICE + "-portal", variables(SERVICE, "portal", "issuance",
        BIN, "{\"companyName\":\"ТОО\",\"metals\":[\"gold\"]}"));
    assertThat(problems(badForm)).contains("formData.siteAddress: required", "formData.subtypes: required")
        .anySatisfy(p -> assertThat(p).startsWith("formData.metals[0]:"));
    // nothing at all is not a start of the portal's diagram
    assertThat(engineStart(SERVICE + "-portal", "{}").getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(instances()).isEqualTo(started);

    ResponseEntity<JsonNode> good = engineStart(SERVICE + "-portal", variables(SERVICE, "portal", "issuance", BIN,
        form().toString()));
    assertThat(good.getStatusCode()).as(String.valueOf(good.getBody())).isEqualTo(HttpStatus.OK);
    String businessKey = good.getBody().get("businessKey").asText();
    assertThat(instances()).isEqualTo(started + 1);

    // started without the API, found by its business key; read by the provider's staff (the portal reads only
    // what it submitted itself: an administrator started this one, docs/security.md)
    ResponseEntity<JsonNode> view = get("wko.employee", "/api/v1/applications/" + businessKey);
    assertThat(view.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(view.getBody().get("service").asText()).isEqualTo(SERVICE);
    assertThat(view.getBody().get("channel").asText()).isEqualTo("portal");
    assertThat(view.getBody().at("/applicant/id").asText()).isEqualTo(BIN);
    assertThat(get("akmola.employee", "/api/v1/applications/" + businessKey).getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(get("portal", "/api/v1/applications/" + businessKey).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);

    // a provider's employee may start the provider's diagram empty in Tasklist: its first task collects the data
    assertThat(engineStart(SERVICE + "-provider", "{}").getStatusCode()).isEqualTo(HttpStatus.OK);
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    String definitionId = repository.createProcessDefinitionQuery().processDefinitionKey(SERVICE + "-provider")
        .latestVersion().singleResult().getId();
    assertThat(http.withBasicAuth("admin", "admin").exchange("/engine-rest/process-definition/" + definitionId
        + "/submit-form", HttpMethod.POST, new HttpEntity<>("{\"variables\":{}}", headers), JsonNode.class)
        .getStatusCode()).isEqualTo(HttpStatus.OK);
    ResponseEntity<JsonNode> byId = http.withBasicAuth("admin", "admin").exchange("/engine-rest/process-definition/"
        + definitionId + "/start", HttpMethod.POST, new HttpEntity<>(variables(SERVICE, "provider", "issuance",
        "900101300126", "{}"), headers), JsonNode.class);
    assertThat(byId.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(problems(byId)).anySatisfy(p -> assertThat(p).startsWith("applicantId: '900101300126' is not a BIN"));
    assertThat(instances()).isEqualTo(started + 3);

    // processes outside the catalog are Camunda's business alone
    ResponseEntity<JsonNode> other = engineStart("no-such-process", "{}");
    assertThat(other.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
  }

  @Test
  void tasklistStartsThroughTheWebappsApiAreCheckedToo() throws Exception {
    java.net.CookieManager cookies = new java.net.CookieManager();
    java.net.http.HttpClient client = java.net.http.HttpClient.newBuilder().cookieHandler(cookies).build();
    String base = "http://localhost:" + port + "/camunda";
    client.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(base + "/app/tasklist/")).build(),
        java.net.http.HttpResponse.BodyHandlers.discarding());
    // the webapps' CSRF token, renewed with the session at sign-in: the newest cookie
    java.util.function.Supplier<String> csrf = () -> cookies.getCookieStore().getCookies().stream()
        .filter(c -> c.getName().equals("XSRF-TOKEN")).map(java.net.HttpCookie::getValue)
        .reduce((first, second) -> second).orElse("");
    String start = base + "/api/engine/engine/default/process-definition/key/" + SERVICE + "-portal/start";
    String bad = variables(SERVICE, "portal", "issuance", "040540000124", form().toString());
    long started = instances();

    // not signed in: the webapps answer, not the check
    var anonymous = client.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(start))
        .header("Content-Type", "application/json").header("X-XSRF-TOKEN", csrf.get())
        .POST(java.net.http.HttpRequest.BodyPublishers.ofString(bad)).build(),
        java.net.http.HttpResponse.BodyHandlers.ofString());
    assertThat(anonymous.statusCode()).isEqualTo(401);

    var login = client.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(base
            + "/api/admin/auth/user/default/login/tasklist"))
        .header("Content-Type", "application/x-www-form-urlencoded").header("X-XSRF-TOKEN", csrf.get())
        .POST(java.net.http.HttpRequest.BodyPublishers.ofString("username=admin&password=admin")).build(),
        java.net.http.HttpResponse.BodyHandlers.ofString());
    assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
    // the new session's CSRF token comes with the next answer of the webapps
    client.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(base + "/api/engine/engine/")).build(),
        java.net.http.HttpResponse.BodyHandlers.discarding());

    var refused = client.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(start))
        .header("Content-Type", "application/json").header("X-XSRF-TOKEN", csrf.get())
        .POST(java.net.http.HttpRequest.BodyPublishers.ofString(bad)).build(),
        java.net.http.HttpResponse.BodyHandlers.ofString());
    assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
    assertThat(refused.body()).contains("applicantId: BIN 040540000124: check digit is 4, expected 3");
    assertThat(instances()).isEqualTo(started);

    String providerStart = base + "/api/engine/engine/default/process-definition/key/" + SERVICE + "-provider/submit-form";
    var empty = client.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(providerStart))
        .header("Content-Type", "application/json").header("X-XSRF-TOKEN", csrf.get())
        .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"variables\":{}}")).build(),
        java.net.http.HttpResponse.BodyHandlers.ofString());
    assertThat(empty.statusCode()).as(empty.body()).isEqualTo(200);
    assertThat(instances()).isEqualTo(started + 1);
  }
}
