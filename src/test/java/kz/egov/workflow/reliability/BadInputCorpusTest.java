package kz.egov.workflow.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/**
 * Bad input on every public endpoint that writes: each request is a 4xx naming the problem, and nothing is
 * written: the process instances (running and ended) and the rows of every project table are the same
 * before and after.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"demo", "test"})
class BadInputCorpusTest {

  /** Every table a public endpoint writes to (Flyway migrations V10–V79). */
  static final String[] TABLES = {"application", "application_attachment", "payment", "registry_person",
      "registry_company", "registry_power_of_attorney", "portal_account", "egov_calendar_transfer",
      "licensing_application", "licensing_licence", "result_document"};

  static final String APPLICATIONS = "/api/v1/applications";
  static final String PAYMENTS = "/api/v1/payments";
  static final String VERIFY = "/api/v1/signatures/verify";
  static final String ENGINE_START = "/engine-rest/process-definition/key/scrap-metal-license-portal/start";

  @Autowired TestRestTemplate http;
  @Autowired JdbcTemplate jdbc;
  @Autowired RuntimeService runtime;
  @Autowired HistoryService history;
  @LocalServerPort int port;

  /** One bad request: who sends it where, what the answer must be, and a words of the problem it must name. */
  record Case(String name, String user, String path, String contentType, Supplier<String> body, int status,
      String problem) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Case> corpus() {
    return Stream.of(
        // --- POST /api/v1/applications (the portal)
        app("malformed JSON", "{\"service\": \"scrap-metal-license\", ", 400, "not valid JSON"),
        app("a JSON array, not an object", "[1, 2]", 400, "a JSON object is required"),
        app("empty object: every field missing", "{}", 400, "service: required"),
        app("unknown top-level field", application("040540000123", "\"colour\": \"red\""), 400,
            "colour: not a field here"),
        app("unknown form field", application("040540000123", null).replace("\"siteAddress\"",
            "\"favouriteMetal\": \"gold\", \"siteAddress\""), 400, "favouriteMetal"),
        app("BIN with a wrong check digit", application("040540000124", null), 400, "applicant.id"),
        app("an IIN where R2 needs a BIN", application("850315300128", null), 400, "applicant.id"),
        app("wrong type: formData a string", application("040540000123", null)
            .replaceFirst("\"formData\": \\{[^}]*}", "\"formData\": \"everything\""), 400, "formData"),
        app("wrong type: metals a number", application("040540000123", null)
            .replace("\"metals\": [\"ferrous\"]", "\"metals\": 7"), 400, "metals"),
        app("signature not base64", application("040540000123", null).replace("\"signature\": \"AAAA\"",
            "\"signature\": \"%%% not base64 %%%\""), 400, "signature"),
        app("signature base64 but no CMS", application("040540000123", null).replace("\"signature\": \"AAAA\"",
            "\"signature\": \"" + b64("I am not a CMS SignedData") + "\""), 400, "signature"),
        app("attachment not base64", application("040540000123", null).replace(b64(R2Requests.SCAN),
            "@@@@"), 400, "attachments[0].content"),
        app("attachment over 10 MiB", () -> application("040540000123", null).replace(b64(R2Requests.SCAN),
            b64(new byte[10 * 1024 * 1024 + 1])), 400, "attachments[0]"),
        app("unknown request kind", application("040540000123", null).replace("\"issuance\"", "\"renewal\""),
            400, "requestKind"),
        // --- POST /api/v1/payments (the payment gateway)
        payment("malformed JSON", "{\"paymentId\": ", 400, "not valid JSON"),
        payment("every field missing", "{}", 400, "paymentId: required"),
        payment("payer BIN with a wrong check digit", paymentJson("payerId", "\"040540000124\""), 400, "payerId"),
        payment("amount not a number", paymentJson("amountKzt", "\"lots\""), 400, "not valid JSON"),
        payment("amount negative", paymentJson("amountKzt", "-5"), 400, "amountKzt"),
        payment("amount with fractions of a tiyn", paymentJson("amountKzt", "43250.001"), 400, "amountKzt"),
        payment("paidAt 30 February", paymentJson("paidAt", "\"2026-02-30T10:00:00+05:00\""), 400,
            "not valid JSON"),
        payment("paidAt in the future", paymentJson("paidAt", "\"2099-01-01T10:00:00+05:00\""), 400,
            "in the future"),
        payment("unknown service", paymentJson("service", "\"<script>alert(1)</script>\""), 400,
            "not a paid service"),
        payment("payment id with markup", paymentJson("paymentId", "\"<img src=x onerror=alert(1)>\""), 400,
            "paymentId"),
        // --- POST /api/v1/signatures/verify (any user)
        new Case("verify: malformed JSON", "portal", VERIFY, "application/json", () -> "{\"cms\": ", 400,
            "not valid JSON"),
        new Case("verify: cms missing", "portal", VERIFY, "application/json", () -> "{}", 400, "cms: required"),
        // the MIME alphabet skips what is not base64: nothing is left to read
        new Case("verify: cms not base64", "portal", VERIFY, "application/json", () -> "{\"cms\": \"***\"}", 400,
            "cms: The signature is not a readable CMS"),
        new Case("verify: cms not a CMS", "portal", VERIFY, "application/json",
            () -> "{\"cms\": \"" + b64("hello") + "\"}", 400, "cms"),
        new Case("verify: IIN with a wrong check digit", "portal", VERIFY, "application/json",
            () -> "{\"cms\": \"" + b64("hello") + "\", \"iin\": \"850315300129\"}", 400, "iin"),
        new Case("verify: wrong type", "portal", VERIFY, "application/json", () -> "{\"cms\": {\"a\": 1}}", 400,
            "not valid JSON"),
        // --- the embedded registries and portal accounts (an administrator)
        admin("person: IIN with a wrong check digit", "/api/v1/registry/persons", "{\"iin\": \"850315300129\","
            + " \"surname\": \"Серікбаев\", \"givenName\": \"Ерлан\", \"birthDate\": \"1985-03-15\"}", 400, "iin"),
        admin("person: birth date 31 April", "/api/v1/registry/persons", "{\"iin\": \"850315300128\","
            + " \"surname\": \"Серікбаев\", \"givenName\": \"Ерлан\", \"birthDate\": \"1985-04-31\"}", 400,
            "not valid JSON"),
        admin("person: every field missing", "/api/v1/registry/persons", "{}", 400, "iin"),
        admin("company: BIN with a wrong check digit", "/api/v1/registry/companies", "{\"bin\": \"040540000124\","
            + " \"name\": \"ТОО Тест\", \"legalForm\": \"ТОО\", \"registeredOn\": \"2004-05-14\", \"active\": true}",
            400, "bin"),
        admin("company: active is not a boolean", "/api/v1/registry/companies", "{\"bin\": \"040540000123\","
            + " \"name\": \"ТОО\", \"active\": \"perhaps\"}", 400, "not valid JSON"),
        admin("company: malformed JSON", "/api/v1/registry/companies", "{\"bin\": ", 400, "not valid JSON"),
        admin("power of attorney: ends before it starts", "/api/v1/registry/powers-of-attorney",
            "{\"number\": \"N-REL-000001\", \"principalId\": \"040540000123\", \"attorneyIin\": \"900710400568\","
                + " \"notary\": \"Нотариус\", \"issuedOn\": \"2026-01-15\", \"validUntil\": \"2025-01-15\","
                + " \"powers\": \"всё\"}", 400, "validUntil"),
        csv("persons CSV: one bad row, nothing stored", "/api/v1/registry/persons/import",
            "iin,surname,givenName,patronymic,birthDate,address,deceased\n"
                + "791231300013,Жаңа,Адам,,1979-12-31,Орал,false\n"
                + "850315300129,Қате,Сан,,1985-03-15,Орал,false\n", 400, "850315300129"),
        csv("companies CSV: bad date", "/api/v1/registry/companies/import",
            "bin,name,legalForm,registeredOn,headIin,address,active\n"
                + "040540000123,ТОО,ТОО,2004-02-31,,Орал,true\n", 400, "registeredOn"),
        csv("companies CSV: header only", "/api/v1/registry/companies/import",
            "bin,name,legalForm,registeredOn,headIin,address,active\n", 400, "no rows"),
        admin("portal account: login with a wrong check digit", "/api/v1/registry/portal-accounts",
            "{\"login\": \"781122301234\", \"displayName\": \"<script>alert(1)</script>\"}", 400, "login"),
        csv("portal accounts CSV: bad status", "/api/v1/registry/portal-accounts/import",
            "login,displayName,actsForBin,registeredAt,status,blockedReason\n"
                + "850315300128,Серікбаев Е.,,2023-09-18T10:42:00+05:00,SLEEPING,\n", 400, "status"),
        // --- calendar transfers (an administrator)
        admin("transfer: 30 February", "/api/v1/calendar/transfers", "{\"workedDay\": \"2031-02-30\","
            + " \"dayOff\": \"2031-03-03\", \"act\": \"Decree No. 1\"}", 400, "workedDay"),
        admin("transfer: no act", "/api/v1/calendar/transfers", "{\"workedDay\": \"2031-09-06\","
            + " \"dayOff\": \"2031-09-05\"}", 400, "act"),
        admin("transfer: malformed JSON", "/api/v1/calendar/transfers", "{\"workedDay\": ", 400, "JSON"),
        // --- a start through /engine-rest (the portal's technical user)
        new Case("engine-rest start: no variables", "portal", ENGINE_START, "application/json", () -> "{}", 400,
            "applicantId: required"),
        new Case("engine-rest start: malformed JSON", "portal", ENGINE_START, "application/json",
            () -> "{\"variables\": ", 400, "a JSON object"),
        new Case("engine-rest start: BIN with a wrong check digit", "portal", ENGINE_START, "application/json",
            () -> "{\"variables\": {\"applicantId\": {\"value\": \"040540000124\"}, \"requestKind\": {\"value\":"
                + " \"issuance\"}}}", 400, "applicantId"),
        new Case("engine-rest start: formData not JSON", "portal", ENGINE_START, "application/json",
            () -> "{\"variables\": {\"applicantId\": {\"value\": \"040540000123\"}, \"requestKind\": {\"value\":"
                + " \"issuance\"}, \"formData\": {\"value\": \"{not json\", \"type\": \"Json\"}}}", 400, "formData"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("corpus")
  void badInputIsA4xxNamingTheProblemAndWritesNothing(Case bad) {
    Map<String, Long> before = snapshot();

    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.parseMediaType(bad.contentType()));
    headers.set("Idempotency-Key", UUID.randomUUID().toString());
    ResponseEntity<String> answer = http.withBasicAuth(bad.user(), password(bad.user())).exchange(bad.path(),
        HttpMethod.POST, new HttpEntity<>(bad.body().get(), headers), String.class);

    assertThat(answer.getStatusCode().value()).as(answer.getBody()).isEqualTo(bad.status());
    assertThat(answer.getBody()).as("the answer names the problem").contains(bad.problem());
    assertThat(snapshot()).as("nothing written").isEqualTo(before);
  }

  /** 413 before the body is read: a client announces 50 MB and the server answers without reading it. */
  @Test
  void aBodyOverFortyMegabytesIs413AndWritesNothing() throws Exception {
    Map<String, Long> before = snapshot();
    for (String path : new String[] {APPLICATIONS, ENGINE_START}) {
      try (Socket socket = new Socket("localhost", port)) {
        OutputStream out = socket.getOutputStream();
        out.write(("POST " + path + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Basic "
            + b64("portal:demo") + "\r\nContent-Type: application/json\r\nIdempotency-Key: " + UUID.randomUUID()
            + "\r\nContent-Length: 52428800\r\n\r\n{\"service\": \"").getBytes(StandardCharsets.US_ASCII));
        out.flush();
        String answer = readHead(socket.getInputStream());
        assertThat(answer).as(path).startsWith("HTTP/1.1 413").contains("more than");
      }
    }
    assertThat(snapshot()).isEqualTo(before);
  }

  // --- the corpus's builders

  private static Case app(String name, String body, int status, String problem) {
    return app(name, () -> body, status, problem);
  }

  private static Case app(String name, Supplier<String> body, int status, String problem) {
    return new Case("applications: " + name, "portal", APPLICATIONS, "application/json", body, status, problem);
  }

  private static Case payment(String name, String body, int status, String problem) {
    return new Case("payments: " + name, "payment-gateway", PAYMENTS, "application/json", () -> body, status,
        problem);
  }

  private static Case admin(String name, String path, String body, int status, String problem) {
    return new Case("registry/calendar: " + name, "admin", path, "application/json", () -> body, status, problem);
  }

  private static Case csv(String name, String path, String body, int status, String problem) {
    return new Case("import: " + name, "admin", path, "text/csv", () -> body, status, problem);
  }

  /** An R2 portal application with a placeholder signature (the signature's own cases replace it). */
  static String application(String applicantId, String extraField) {
    return "{\"service\": \"scrap-metal-license\", \"channel\": \"portal\", \"requestKind\": \"issuance\","
        + " \"portalLogin\": \"781122301233\", \"applicant\": {\"id\": \"" + applicantId + "\", \"name\": \"ТОО\"},"
        + " \"formData\": {\"companyName\": \"ТОО\", \"siteAddress\": \"Уральск\", \"metals\": [\"ferrous\"],"
        + " \"subtypes\": [\"collection\"]},"
        + " \"attachments\": [{\"name\": \"charter.pdf\", \"contentType\": \"application/pdf\", \"content\": \""
        + b64(R2Requests.SCAN) + "\"}], \"signature\": \"AAAA\""
        + (extraField == null ? "" : ", " + extraField) + "}";
  }

  private static String paymentJson(String field, String rawValue) {
    Map<String, Object> valid = R2Requests.payment("PAY-REL-" + UUID.randomUUID(), "REL-" + UUID.randomUUID());
    Map<String, String> raw = new LinkedHashMap<>();
    valid.forEach((name, value) -> raw.put(name, "\"" + value + "\""));
    raw.put(field, rawValue);
    StringBuilder json = new StringBuilder("{");
    raw.forEach((name, value) -> json.append(json.length() > 1 ? ", " : "").append('"').append(name).append("\": ")
        .append(value));
    return json.append('}').toString();
  }

  static String b64(String text) {
    return b64(text.getBytes(StandardCharsets.UTF_8));
  }

  static String b64(byte[] bytes) {
    return Base64.getEncoder().encodeToString(bytes);
  }

  static String password(String user) {
    return "admin".equals(user) ? "admin" : "demo";
  }

  /** Process instances (running and ended) and the rows of every table public endpoints write. */
  Map<String, Long> snapshot() {
    Map<String, Long> counts = new LinkedHashMap<>();
    counts.put("process instances", history.createHistoricProcessInstanceQuery().count());
    counts.put("running instances", runtime.createProcessInstanceQuery().count());
    for (String table : TABLES) {
      counts.put(table, jdbc.queryForObject("SELECT COUNT(*) FROM " + table, Long.class));
    }
    return counts;
  }

  private static String readHead(InputStream in) throws Exception {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    byte[] buffer = new byte[4096];
    long deadline = System.currentTimeMillis() + 20_000;
    int n;
    while (System.currentTimeMillis() < deadline && (n = in.read(buffer)) > 0) {
      head.write(buffer, 0, n);
      if (head.toString(StandardCharsets.UTF_8).contains("}")) {
        break;
      }
    }
    return head.toString(StandardCharsets.UTF_8);
  }
}
