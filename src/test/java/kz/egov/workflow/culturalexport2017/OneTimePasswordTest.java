package kz.egov.workflow.culturalexport2017;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import kz.egov.workflow.notification.EmbeddedSmsGateway;
import kz.egov.workflow.notification.OneTimePasswords;
import kz.egov.workflow.notification.OneTimePasswords.Problem;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/**
 * One-time passwords (R3 item 9, P3): {@code POST /api/v1/otp} for the portal only, its rate limits and bad
 * input; the codes' rules (valid once, for one applicant and one application, unexpired, blocked after wrong
 * codes); the application API's {@code oneTimePassword} instead of a signature.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"demo", "test"})
class OneTimePasswordTest {

  static final String APPLICANT = "900101300126";
  static final ObjectMapper JSON = new ObjectMapper();

  @Autowired TestRestTemplate http;
  @Autowired OneTimePasswords passwords;
  @Autowired EmbeddedSmsGateway sms;
  @Autowired JdbcTemplate jdbc;

  @Test
  void thePortalAsksForACodeTheTextGoesToThePhoneAndAResendWaits() {
    String phone = CulturalExportPortalProcessTest.phone();
    String reference = CulturalExportPortalProcessTest.reference();
    ResponseEntity<JsonNode> issued = ask("portal", Map.of("applicantId", APPLICANT, "phone", phone,
        "applicationReference", reference));
    assertThat(issued.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    assertThat(issued.getBody().get("id").asText()).matches("[0-9a-f-]{36}");
    assertThat(issued.getBody().get("phone").asText()).isEqualTo(phone.substring(0, 5) + "***" + phone.substring(8));
    OffsetDateTime expires = OffsetDateTime.parse(issued.getBody().get("expiresAt").asText());
    assertThat(Duration.between(Instant.now(), expires.toInstant())).isBetween(Duration.ofMinutes(4),
        Duration.ofMinutes(5));
    EmbeddedSmsGateway.SentMessage text = sms.sentTo(phone, 1).get(0);
    assertThat(text.body()).contains(reference).contains("Никому не сообщайте");
    // only the code's HMAC is kept with the password
    String code = code(text.body());
    assertThat(jdbc.queryForObject("SELECT code_hash FROM one_time_password WHERE id = ?", String.class,
        issued.getBody().get("id").asText())).doesNotContain(code).hasSize(64);

    ResponseEntity<JsonNode> again = ask("portal", Map.of("applicantId", APPLICANT, "phone", phone,
        "applicationReference", reference));
    assertThat(again.getStatusCode()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
    assertThat(Integer.parseInt(again.getHeaders().getFirst(HttpHeaders.RETRY_AFTER))).isBetween(1, 60);
    assertThat(again.getBody().get("detail").asText()).contains("less than 60 s ago");
  }

  @Test
  void oneApplicationGetsAtMostFiveCodesAnHour() {
    String reference = CulturalExportPortalProcessTest.reference();
    for (int i = 0; i < 5; i++) {
      assertThat(ask("portal", Map.of("applicantId", APPLICANT, "phone", CulturalExportPortalProcessTest.phone(),
          "applicationReference", reference)).getStatusCode()).isEqualTo(HttpStatus.CREATED);
    }
    ResponseEntity<JsonNode> sixth = ask("portal", Map.of("applicantId", APPLICANT,
        "phone", CulturalExportPortalProcessTest.phone(), "applicationReference", reference));
    assertThat(sixth.getStatusCode()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
    assertThat(sixth.getBody().get("detail").asText()).contains("5 codes an hour for one application");
    assertThat(Long.parseLong(sixth.getHeaders().getFirst(HttpHeaders.RETRY_AFTER))).isBetween(3000L, 3600L);
  }

  @Test
  void badInputIsA400ThatNamesEveryProblemAndKeepsNothing() {
    String reference = CulturalExportPortalProcessTest.reference();
    ResponseEntity<JsonNode> bad = ask("portal", Map.of("applicantId", "900101300127", "phone", "87011234567",
        "applicationReference", reference + " x", "code", "1"));
    assertThat(bad.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(bad.getBody().get("problems").toString()).contains("code: not a field here");
    ResponseEntity<JsonNode> wrong = ask("portal", Map.of("applicantId", "900101300127", "phone", "87011234567",
        "applicationReference", reference + " x"));
    assertThat(wrong.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(wrong.getBody().get("problems")).hasSize(3);
    assertThat(wrong.getBody().get("problems").toString()).contains("applicantId:").contains("phone:")
        .contains("applicationReference:");
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM one_time_password WHERE application_reference LIKE ?",
        Long.class, reference + "%")).isZero();
  }

  @Test
  void onlyThePortalAsksForCodesAndOnlyAdministratorsReadTheEmbeddedGateway() {
    Map<String, String> body = Map.of("applicantId", APPLICANT, "phone", CulturalExportPortalProcessTest.phone(),
        "applicationReference", CulturalExportPortalProcessTest.reference());
    assertThat(ask("akmola.clerk", body).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(http.postForEntity("/api/v1/otp", body, String.class).getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(http.withBasicAuth("portal", "demo").getForEntity("/api/v1/notifications/sms?phone=%2B77011234567",
        String.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(http.withBasicAuth("admin", "admin").getForEntity("/api/v1/notifications/sms?phone=%2B77011234567",
        String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
  }

  @Test
  void aCodeIsGoodOnceForItsApplicantAndApplicationUntilItExpiresAndThreeWrongOnesBlockIt() {
    String phone = CulturalExportPortalProcessTest.phone();
    String reference = CulturalExportPortalProcessTest.reference();
    OneTimePasswords.Issued issued = passwords.issue(new OneTimePasswords.Request(APPLICANT, phone, reference),
        "portal");
    String code = code(sms.sentTo(phone, 1).get(0).body());
    Instant now = Instant.now();
    assertThat(passwords.confirm(issued.id(), code, "850315300128", reference, now).problem())
        .isEqualTo(Problem.OTHER_APPLICANT);
    assertThat(passwords.confirm(issued.id(), code, APPLICANT, "another", now).problem())
        .isEqualTo(Problem.OTHER_APPLICATION);
    assertThat(passwords.confirm(issued.id(), code, APPLICANT, reference, issued.expiresAt().toInstant()
        .plusSeconds(1)).problem()).isEqualTo(Problem.EXPIRED);
    assertThat(passwords.confirm(UUID.randomUUID().toString(), code, APPLICANT, reference, now).problem())
        .isEqualTo(Problem.NOT_FOUND);
    OneTimePasswords.Verdict good = passwords.confirm(issued.id(), code, APPLICANT, reference, now);
    assertThat(good.valid()).isTrue();
    assertThat(good.messageRu()).contains("***");
    assertThat(passwords.confirm(issued.id(), code, APPLICANT, reference, now).problem()).isEqualTo(Problem.USED);

    String other = CulturalExportPortalProcessTest.phone();
    OneTimePasswords.Issued second = passwords.issue(new OneTimePasswords.Request(APPLICANT, other, reference),
        "portal");
    String right = code(sms.sentTo(other, 1).get(0).body());
    String wrong = right.equals("000000") ? "111111" : "000000";
    for (int i = 0; i < 3; i++) {
      assertThat(passwords.confirm(second.id(), wrong, APPLICANT, reference, now).problem())
          .isEqualTo(Problem.WRONG_CODE);
    }
    assertThat(passwords.confirm(second.id(), right, APPLICANT, reference, now).problem()).isEqualTo(Problem.BLOCKED);
  }

  @Test
  void theApplicationApiTakesAOneTimePasswordInsteadOfASignatureWhereTheServiceAllowsIt() throws Exception {
    String id = UUID.randomUUID().toString();
    ObjectNode both = request("cultural-export-2017", CulturalExportPortalProcessTest.reference());
    both.putObject("oneTimePassword").put("id", id).put("code", "123456");
    both.put("signature", Base64.getEncoder().encodeToString(new byte[] {1, 2}));
    assertThat(problems(submit(both))).contains("give a signature or a one-time password, not both");

    ObjectNode noReference = request("cultural-export-2017", null);
    noReference.putObject("oneTimePassword").put("id", id).put("code", "12");
    assertThat(problems(submit(noReference))).contains("reference: required with a one-time password")
        .contains("oneTimePassword.code: the digits of the text message");

    ObjectNode neither = request("cultural-export-2017", CulturalExportPortalProcessTest.reference());
    assertThat(problems(submit(neither))).contains("signature: required");

    ObjectNode scrap = request("scrap-metal-license", CulturalExportPortalProcessTest.reference());
    scrap.putObject("oneTimePassword").put("id", id).put("code", "123456");
    assertThat(problems(submit(scrap))).contains("scrap-metal-license requests are signed with an EDS");
  }

  private ResponseEntity<JsonNode> ask(String user, Map<String, String> body) {
    TestRestTemplate client = user.equals("admin") ? http.withBasicAuth("admin", "admin")
        : http.withBasicAuth(user, "demo");
    return client.postForEntity("/api/v1/otp", body, JsonNode.class);
  }

  private static String code(String text) {
    Matcher matcher = CulturalExportPortalProcessTest.CODE.matcher(text);
    assertThat(matcher.find()).as(text).isTrue();
    return matcher.group(1);
  }

  private static ObjectNode request(String service, String reference) {
    ObjectNode formData = JSON.createObjectNode().put("destinationCountry", "Италия").put("exportPurpose", "Көрме")
        .put("exportFrom", "2027-04-01").put("exportUntil", "2027-05-31");
    formData.putArray("culturalValues").addObject().put("description", "Кебенек").put("quantity", 1);
    ObjectNode request = JSON.createObjectNode().put("service", service).put("channel", "portal")
        .put("portalLogin", APPLICANT);
    if (reference != null) {
      request.put("reference", reference);
    }
    request.putObject("applicant").put("id", APPLICANT).put("name", "Демо Заявитель Демович");
    request.set("formData", formData);
    return request;
  }

  private ResponseEntity<JsonNode> submit(ObjectNode request) throws Exception {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    headers.set("Idempotency-Key", UUID.randomUUID().toString());
    return http.withBasicAuth("portal", "demo").exchange("/api/v1/applications", HttpMethod.POST,
        new HttpEntity<>(JSON.writeValueAsString(request), headers), JsonNode.class);
  }

  private static String problems(ResponseEntity<JsonNode> answer) {
    assertThat(answer.getStatusCode()).as(String.valueOf(answer.getBody())).isEqualTo(HttpStatus.BAD_REQUEST);
    return answer.getBody().get("problems").toString();
  }
}
