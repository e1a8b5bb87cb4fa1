package kz.egov.workflow.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
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
import org.springframework.test.context.ActiveProfiles;

/** The calendar's REST API as a portal, a clerk and an administrator call it. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"demo", "test"})
class CalendarApiTest {

  @Autowired TestRestTemplate http;

  TestRestTemplate clerk() {
    return http.withBasicAuth("akmola.clerk", "demo");
  }

  TestRestTemplate admin() {
    return http.withBasicAuth("admin", "admin");
  }

  @Test
  void aDayWithItsReason() {
    ResponseEntity<JsonNode> moved = clerk().getForEntity("/api/v1/calendar/days/2026-03-24", JsonNode.class);
    assertThat(moved.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(moved.getBody().get("date").asText()).isEqualTo("2026-03-24");
    assertThat(moved.getBody().get("working").asBoolean()).isFalse();
    assertThat(moved.getBody().get("kind").asText()).isEqualTo("MOVED_DAY_OFF");
    assertThat(moved.getBody().get("reason").asText()).contains("Nauryz meiramy", "2026-03-21");

    JsonNode worked = clerk().getForObject("/api/v1/calendar/days/2025-01-05", JsonNode.class);
    assertThat(worked.get("working").asBoolean()).isTrue();
    assertThat(worked.get("reason").asText()).contains("Government decree on the transfer of days off in 2025");

    assertThat(clerk().getForObject("/api/v1/calendar/days/2026-03-26", JsonNode.class).get("working").asBoolean())
        .isTrue();
  }

  @Test
  void aBadDayIsA400AndStrangersAreTurnedAway() {
    ResponseEntity<JsonNode> bad = clerk().getForEntity("/api/v1/calendar/days/2026-02-30", JsonNode.class);
    assertThat(bad.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(bad.getHeaders().getContentType().toString()).startsWith("application/problem+json");
    assertThat(bad.getBody().get("problems").get(0).asText()).contains("date", "2026-02-30");
    assertThat(http.getForEntity("/api/v1/calendar/days/2026-03-24", String.class).getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(http.getForEntity("/api/v1/calendar/deadline?from=x&workingDays=1", String.class).getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
  }

  @Test
  void deadlines() {
    JsonNode inHours = clerk().getForObject(
        URI.create(base() + "/api/v1/calendar/deadline?from=2026-03-19T10:00:00%2B05:00&workingDays=15"),
        JsonNode.class);
    assertThat(inHours.get("registeredOn").asText()).isEqualTo("2026-03-19");
    assertThat(inHours.get("deadline").asText()).isEqualTo("2026-04-14T18:30:00+05:00");
    assertThat(inHours.get("workingDays").asInt()).isEqualTo(15);

    // after hours, given in UTC: the next working day; the answer is in Almaty time
    JsonNode afterHours = clerk().getForObject(
        "/api/v1/calendar/deadline?from=2026-03-19T14:00:00Z&workingDays=15", JsonNode.class);
    assertThat(afterHours.get("registeredOn").asText()).isEqualTo("2026-03-20");
    assertThat(afterHours.get("deadline").asText()).isEqualTo("2026-04-15T18:30:00+05:00");

    // on a Saturday of Nauryz, with the offset's '+' left unencoded (it arrives as a space)
    JsonNode weekend = clerk().getForObject(
        URI.create(base() + "/api/v1/calendar/deadline?from=2026-03-21T11:00:00+05:00&workingDays=10"),
        JsonNode.class);
    assertThat(weekend.get("registeredOn").asText()).isEqualTo("2026-03-26");
    assertThat(weekend.get("deadline").asText()).isEqualTo("2026-04-09T18:30:00+05:00");

    // across the new year
    JsonNode newYear = clerk().getForObject(
        "/api/v1/calendar/deadline?from=2026-12-30T12:00:00Z&workingDays=2", JsonNode.class);
    assertThat(newYear.get("registeredOn").asText()).isEqualTo("2026-12-30");
    assertThat(newYear.get("deadline").asText()).isEqualTo("2027-01-05T18:30:00+05:00");
  }

  @Test
  void badDeadlineParametersAre400sWithMessages() {
    assertThat(problems("/api/v1/calendar/deadline?from=2026-03-19T10:00:00&workingDays=15"))
        .contains("from: '2026-03-19T10:00:00' has no offset");
    assertThat(problems("/api/v1/calendar/deadline?from=yesterday&workingDays=15"))
        .contains("'yesterday' is not an ISO-8601 date-time with offset");
    assertThat(problems("/api/v1/calendar/deadline?from=2026-03-19T10:00:00Z&workingDays=-1"))
        .contains("workingDays: must be between 0 and 366, not -1");
    assertThat(problems("/api/v1/calendar/deadline?from=2026-03-19T10:00:00Z&workingDays=100000"))
        .contains("workingDays: must be between 0 and 366, not 100000");
    assertThat(problems("/api/v1/calendar/deadline?from=2026-03-19T10:00:00Z&workingDays=fifteen"))
        .contains("'fifteen' is not a whole number");
    assertThat(problems("/api/v1/calendar/deadline?from=2026-03-19T10:00:00Z"))
        .contains("workingDays: required parameter is missing");
    // both problems at once
    assertThat(problems("/api/v1/calendar/deadline?from=nope&workingDays=-3")).contains("from:", "workingDays:");
  }

  @Test
  void aYearOverview() {
    JsonNode year = clerk().getForObject("/api/v1/calendar/years/2027", JsonNode.class);
    assertThat(year.get("days").findValuesAsText("date")).contains("2027-01-04", "2027-03-24", "2027-05-03",
        "2027-05-10", "2027-05-16").doesNotContain("2027-01-09");
    assertThat(year.get("gaps")).isEmpty();
    assertThat(clerk().getForObject("/api/v1/calendar/years/2029", JsonNode.class).get("gaps").get(0).asText())
        .contains("Kurban Ait");
    assertThat(clerk().getForEntity("/api/v1/calendar/years/20x7", String.class).getStatusCode())
        .isEqualTo(HttpStatus.BAD_REQUEST);
  }

  @Test
  void administratorsRecordTransfersOthersOnlyReadThem() {
    JsonNode listed = clerk().getForObject("/api/v1/calendar/transfers", JsonNode.class);
    assertThat(listed.findValuesAsText("workedDay")).contains("2024-05-04", "2025-01-05");
    assertThat(listed.findValuesAsText("source")).contains("file");

    String body = "{\"workedDay\":\"2031-09-06\",\"dayOff\":\"2031-09-05\",\"act\":\"Test decree No. 7 of 2031-01-15\"}";
    assertThat(clerk().postForEntity("/api/v1/calendar/transfers", json(body), String.class).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(http.postForEntity("/api/v1/calendar/transfers", json(body), String.class).getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(clerk().getForObject("/api/v1/calendar/days/2031-09-05", JsonNode.class).get("working").asBoolean())
        .isTrue();

    ResponseEntity<JsonNode> created = admin().postForEntity("/api/v1/calendar/transfers", json(body), JsonNode.class);
    assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    long id = created.getBody().get("id").asLong();
    try {
      assertThat(created.getHeaders().getLocation().toString()).endsWith("/api/v1/calendar/transfers/" + id);
      assertThat(created.getBody().get("source").asText()).isEqualTo("database");
      assertThat(created.getBody().get("recordedBy").asText()).isEqualTo("admin");

      JsonNode friday = clerk().getForObject("/api/v1/calendar/days/2031-09-05", JsonNode.class);
      assertThat(friday.get("working").asBoolean()).isFalse();
      assertThat(friday.get("reason").asText()).contains("Saturday 2031-09-06", "Test decree No. 7");
      assertThat(clerk().getForObject("/api/v1/calendar/days/2031-09-06", JsonNode.class).get("working")
          .asBoolean()).isTrue();
      assertThat(clerk().getForObject("/api/v1/calendar/transfers", JsonNode.class).findValuesAsText("dayOff"))
          .contains("2031-09-05");

      // the same days again, and days that do not fit
      ResponseEntity<JsonNode> again = admin().postForEntity("/api/v1/calendar/transfers", json(body), JsonNode.class);
      assertThat(again.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
      assertThat(again.getBody().get("detail").asText()).contains("already");
    } finally {
      assertThat(admin().exchange("/api/v1/calendar/transfers/" + id, HttpMethod.DELETE, null, String.class)
          .getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
    }
    assertThat(clerk().getForObject("/api/v1/calendar/days/2031-09-05", JsonNode.class).get("working").asBoolean())
        .isTrue();
    assertThat(admin().exchange("/api/v1/calendar/transfers/" + id, HttpMethod.DELETE, null, String.class)
        .getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(clerk().exchange("/api/v1/calendar/transfers/" + id, HttpMethod.DELETE, null, String.class)
        .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
  }

  @Test
  void transfersThatDoNotFitAreRefusedWithEveryProblem() {
    ResponseEntity<JsonNode> wrong = admin().postForEntity("/api/v1/calendar/transfers",
        json("{\"workedDay\":\"2031-09-08\",\"dayOff\":\"2031-09-07\",\"act\":\"x\"}"), JsonNode.class);
    assertThat(wrong.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(wrong.getBody().get("problems").toString())
        .contains("workedDay: 2031-09-08 is already a working day", "dayOff: 2031-09-07 is already not a working day");

    ResponseEntity<JsonNode> incomplete = admin().postForEntity("/api/v1/calendar/transfers",
        json("{\"workedDay\":\"6 Sept\"}"), JsonNode.class);
    assertThat(incomplete.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(incomplete.getBody().get("problems")).hasSize(3);

    assertThat(admin().postForEntity("/api/v1/calendar/transfers", json("{not json"), String.class).getStatusCode())
        .isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(clerk().getForObject("/api/v1/calendar/transfers", JsonNode.class).findValuesAsText("workedDay"))
        .doesNotContain("2031-09-08");
  }

  private String problems(String url) {
    ResponseEntity<JsonNode> response = clerk().getForEntity(url, JsonNode.class);
    assertThat(response.getStatusCode()).as(url).isEqualTo(HttpStatus.BAD_REQUEST);
    return response.getBody().get("problems").toString();
  }

  private String base() {
    return http.getRootUri();
  }

  private static HttpEntity<String> json(String body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return new HttpEntity<>(body, headers);
  }
}
