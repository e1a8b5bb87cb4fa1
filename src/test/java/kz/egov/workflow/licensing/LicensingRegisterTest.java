package kz.egov.workflow.licensing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.LongStream;
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

/** The embedded e-licensing register: application numbers under concurrency, and licences over REST. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"demo", "test"})
class LicensingRegisterTest {

  @Autowired LicensingRegister register;
  @Autowired EmbeddedLicensingRegister embedded;
  @Autowired TestRestTemplate http;

  @Test
  void applicationNumbersAreUniqueAndGaplessUnderConcurrency() throws Exception {
    String provider = "conc" + (System.nanoTime() % 100000);
    List<RegisteredApplication> registered = ConcurrentRegistrations.run(register, provider, 8, 25);

    Set<String> numbers = new HashSet<>();
    registered.forEach(a -> numbers.add(a.applicationNumber()));
    assertThat(numbers).hasSize(200);
    assertThat(numbers).allMatch(n -> n.matches("KZ-" + provider.toUpperCase() + "-\\d{4}-\\d{6}"));
    assertThat(numbers.stream().map(n -> Long.parseLong(n.substring(n.length() - 6))).sorted().toList())
        .containsExactlyElementsOf(LongStream.rangeClosed(1, 200).boxed().toList());
  }

  @Test
  void registeringTheSameReferenceAgainGivesTheSameNumber() {
    ApplicationRegistration registration = new ApplicationRegistration("akmola", "850315300128",
        "cultural-export", "issuance", "REF-AGAIN-" + System.nanoTime());
    RegisteredApplication first = register.register(registration);
    RegisteredApplication again = register.register(registration);

    assertThat(again.applicationNumber()).isEqualTo(first.applicationNumber()).startsWith("KZ-AKMOLA-");
    assertThat(http.withBasicAuth("akmola.clerk", "demo").getForEntity("/api/v1/licensing/applications/"
        + first.applicationNumber(), JsonNode.class).getBody().get("reference").asText())
        .isEqualTo(registration.reference());
  }

  @Test
  void theDemoLicencesAreSearchableByHolderAndNumber() {
    ResponseEntity<JsonNode> found = http.withBasicAuth("wko.employee", "demo")
        .getForEntity("/api/v1/licensing/licences?holder=040540000123", JsonNode.class);
    assertThat(found.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(found.getBody()).hasSizeGreaterThanOrEqualTo(2);
    // the demo's re-issued licence (applications in other tests may have added newer ones)
    JsonNode newest = null;
    for (JsonNode licence : found.getBody()) {
      if (licence.get("version").asInt() == 2 && licence.get("previousNumber").asText().startsWith("KZ-WKO-LIC-2025-")) {
        newest = licence;
      }
    }
    assertThat(newest).as("the demo's re-issued licence").isNotNull();
    assertThat(newest.get("status").asText()).isEqualTo("ACTIVE");
    assertThat(newest.get("version").asInt()).isEqualTo(2);
    String previous = newest.get("previousNumber").asText();
    assertThat(previous).matches("KZ-WKO-LIC-2025-\\d{6}");

    JsonNode old = http.withBasicAuth("auditor", "demo").getForEntity("/api/v1/licensing/licences/" + previous,
        JsonNode.class).getBody();
    assertThat(old.get("status").asText()).isEqualTo("REISSUED");
    assertThat(old.get("statusChangedOn").asText()).isEqualTo("2025-09-15");

    assertThat(http.withBasicAuth("auditor", "demo").getForEntity("/api/v1/licensing/licences/KZ-NONE",
        JsonNode.class).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(http.withBasicAuth("auditor", "demo").getForEntity("/api/v1/licensing/licences?holder=040540000124",
        JsonNode.class).getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(http.getForEntity("/api/v1/licensing/licences?holder=040540000123", String.class).getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
  }

  @Test
  void administratorsIssueReIssueAndRevokeLicences() {
    TestRestTemplate admin = http.withBasicAuth("admin", "admin");
    ResponseEntity<JsonNode> issued = admin.postForEntity("/api/v1/licensing/licences", json("""
        {"holderId":"210160003218","holderName":"Совместное ИП \\"Жайык Скрап\\"","activity":"Лом черных металлов",
         "provider":"wko","issuedOn":"2026-04-01","applicationNumber":"KZ-WKO-2026-000001"}"""), JsonNode.class);
    assertThat(issued.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    String number = issued.getBody().get("number").asText();
    assertThat(number).matches("KZ-WKO-LIC-2026-\\d{6}");

    ResponseEntity<JsonNode> reissued = admin.postForEntity("/api/v1/licensing/licences", json("""
        {"holderId":"210160003218","holderName":"Совместное ИП \\"Жайык Скрап Плюс\\"","activity":"Лом черных металлов",
         "provider":"wko","issuedOn":"2026-05-04","previousNumber":"%s"}""".formatted(number)), JsonNode.class);
    assertThat(reissued.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    assertThat(reissued.getBody().get("version").asInt()).isEqualTo(2);
    assertThat(register.licence(number).orElseThrow().status()).isEqualTo(LicenceStatus.REISSUED);

    ResponseEntity<JsonNode> twice = admin.postForEntity("/api/v1/licensing/licences", json("""
        {"holderId":"210160003218","holderName":"x","activity":"x","provider":"wko","issuedOn":"2026-05-05",
         "previousNumber":"%s"}""".formatted(number)), JsonNode.class);
    assertThat(twice.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);

    String current = reissued.getBody().get("number").asText();
    ResponseEntity<JsonNode> revoked = admin.postForEntity("/api/v1/licensing/licences/" + current + "/revocation",
        json("{\"on\":\"2026-06-01\"}"), JsonNode.class);
    assertThat(revoked.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(revoked.getBody().get("status").asText()).isEqualTo("REVOKED");
    assertThat(admin.postForEntity("/api/v1/licensing/licences/" + current + "/revocation",
        json("{\"on\":\"2026-06-02\"}"), JsonNode.class).getStatusCode()).isEqualTo(HttpStatus.CONFLICT);

    assertThat(http.withBasicAuth("wko.employee", "demo").postForEntity("/api/v1/licensing/licences", json("{}"),
        String.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
  }

  @Test
  void aBadLicenceIsRefusedWithEveryProblemAndNothingStored() {
    long before = embedded.count();
    ResponseEntity<JsonNode> bad = http.withBasicAuth("admin", "admin").postForEntity("/api/v1/licensing/licences",
        json("""
            {"holderId":"21016000321","activity":"","provider":"WKO"}"""), JsonNode.class);
    assertThat(bad.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(bad.getBody().get("problems")).extracting(JsonNode::asText).containsExactly(
        "holderId: IIN 21016000321: must be exactly 12 digits",
        "holderName: required",
        "activity: required",
        "provider: the provider's id, e.g. 'wko' (lower-case letters, digits, '-')",
        "issuedOn: required (YYYY-MM-DD)");
    ResponseEntity<JsonNode> unknownPrevious = http.withBasicAuth("admin", "admin").postForEntity(
        "/api/v1/licensing/licences", json("""
            {"holderId":"210160003218","holderName":"x","activity":"x","provider":"wko","issuedOn":"2026-05-05",
             "previousNumber":"KZ-NONE"}"""), JsonNode.class);
    assertThat(unknownPrevious.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(embedded.count()).isEqualTo(before);
  }

  static HttpEntity<String> json(String body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return new HttpEntity<>(body, headers);
  }
}
