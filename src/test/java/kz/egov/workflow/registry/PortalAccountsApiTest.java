package kz.egov.workflow.registry;

import static kz.egov.workflow.registry.RegistryApiTest.bin;
import static kz.egov.workflow.registry.RegistryApiTest.csv;
import static kz.egov.workflow.registry.RegistryApiTest.iin;
import static kz.egov.workflow.registry.RegistryApiTest.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import kz.egov.workflow.signature.DemoPki;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;

/** The embedded register of portal accounts over /api/v1/registry/portal-accounts, and the port on top of it. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"demo", "test"})
class PortalAccountsApiTest {

  static final String PATH = "/api/v1/registry/portal-accounts";

  @Autowired TestRestTemplate http;
  @Autowired RegistryStore store;
  @Autowired PortalAccounts accounts;

  @Test
  void theEmbeddedAdapterIsTheDefaultAndAnswersFromTheDemoData() {
    assertThat(accounts).isInstanceOf(EmbeddedPortalAccounts.class);

    PortalAccount head = accounts.findAccount("781122301233").orElseThrow();
    assertThat(head.displayName()).isEqualTo("Жумабаев Нурлан Касымович");
    assertThat(head.actsForBin()).isEqualTo("040540000123");
    assertThat(head.active()).isTrue();
    assertThat(head.actsFor("040540000123")).isTrue();
    assertThat(head.registeredAt()).isEqualTo(OffsetDateTime.of(2023, 9, 18, 10, 42, 0, 0, ZoneOffset.ofHours(5)));

    // the individual demo applicant of the demo PKI (applicant.p12) can sign in
    assertThat(accounts.findAccount(DemoPki.applicantIin())).get().extracting(PortalAccount::active).isEqualTo(true);
    // a legal entity's own account acts for itself
    assertThat(accounts.findAccount("110840001237").orElseThrow().actsFor("110840001237")).isTrue();

    PortalAccount blocked = accounts.findAccount("010203500345").orElseThrow();
    assertThat(blocked.status()).isEqualTo(PortalAccountStatus.BLOCKED);
    assertThat(blocked.blockedReason()).contains("заблокирована");
    assertThat(accounts.findAccount("110840001247")).isEmpty();
  }

  @Test
  void everyDemoAccountIsValidAndEveryPersonOfItIsInTheRegistry() {
    var all = store.list(RegistryKind.PORTAL_ACCOUNT, 0, 200).items();
    assertThat(all).hasSizeGreaterThanOrEqualTo(9).allSatisfy(a -> assertThat(a.problems()).isEmpty());
    assertThat(all).filteredOn(a -> a.actsForBin() != null)
        .allSatisfy(a -> assertThat(store.find(RegistryKind.COMPANY, a.actsForBin())).isPresent());
    assertThat(all).filteredOn(a -> !a.login().equals(DemoPki.applicantIin()) && a.login().charAt(4) < '4')
        .allSatisfy(a -> assertThat(store.find(RegistryKind.PERSON, a.login())).as(a.login()).isPresent());
  }

  @Test
  void staffAndSystemsReadAccountsOthersMayNot() {
    ResponseEntity<JsonNode> page = http.withBasicAuth("portal", "demo").getForEntity(PATH + "?page=0&size=3",
        JsonNode.class);
    assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(page.getBody().get("items")).hasSize(3);
    assertThat(page.getBody().get("total").asLong()).isGreaterThanOrEqualTo(9);

    ResponseEntity<JsonNode> one = http.withBasicAuth("wko.employee", "demo").getForEntity(PATH + "/781122301233",
        JsonNode.class);
    assertThat(one.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(one.getBody().get("actsForBin").asText()).isEqualTo("040540000123");
    assertThat(one.getBody().get("status").asText()).isEqualTo("ACTIVE");
    assertThat(one.getBody().get("registeredAt").asText()).isEqualTo("2023-09-18T10:42:00+05:00");
    assertThat(one.getBody().has("blockedReason")).isFalse();

    ResponseEntity<JsonNode> missing = http.withBasicAuth("auditor", "demo").getForEntity(PATH + "/110840001247",
        JsonNode.class);
    assertThat(missing.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(missing.getBody().get("detail").asText()).contains("No portal account 110840001247");

    assertThat(http.getForEntity(PATH, String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(http.withBasicAuth("payment-gateway", "demo").getForEntity(PATH, String.class).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(http.withBasicAuth("portal", "demo").getForEntity(PATH + "?size=500", String.class).getStatusCode())
        .isEqualTo(HttpStatus.BAD_REQUEST);
  }

  @Test
  void onlyWritersCreateImportBlockAndUnblock() {
    String login = iin(LocalDate.of(1983, 4, 9), 3, 4101);
    String body = """
        {"login":"%s","displayName":"Тестов Тест"}""".formatted(login);
    for (String user : new String[] {"wko.employee", "auditor", "portal"}) {
      TestRestTemplate caller = http.withBasicAuth(user, "demo");
      assertThat(caller.postForEntity(PATH, json(body), String.class).getStatusCode()).as(user)
          .isEqualTo(HttpStatus.FORBIDDEN);
      assertThat(caller.postForEntity(PATH + "/import", csv("login,displayName\n" + login + ",Тестов Тест\n"),
          String.class).getStatusCode()).as(user).isEqualTo(HttpStatus.FORBIDDEN);
      assertThat(caller.postForEntity(PATH + "/781122301233/block", json("{\"reason\":\"x\"}"), String.class)
          .getStatusCode()).as(user).isEqualTo(HttpStatus.FORBIDDEN);
      assertThat(caller.postForEntity(PATH + "/010203500345/unblock", null, String.class).getStatusCode()).as(user)
          .isEqualTo(HttpStatus.FORBIDDEN);
    }
    assertThat(accounts.findAccount(login)).isEmpty();
    assertThat(accounts.findAccount("781122301233").orElseThrow().active()).isTrue();
    assertThat(accounts.findAccount("010203500345").orElseThrow().active()).isFalse();
  }

  @Test
  void administratorsCreateAccountsAndAConflictStoresNothing() {
    TestRestTemplate admin = http.withBasicAuth("admin", "admin");
    String login = iin(LocalDate.of(1983, 4, 9), 4, 4201);
    ResponseEntity<JsonNode> created = admin.postForEntity(PATH, json("""
        {"login":"%s","displayName":"Нурланова Асель","actsForBin":"190240012344","status":"active"}"""
        .formatted(login)), JsonNode.class);
    assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    assertThat(created.getBody().get("status").asText()).isEqualTo("ACTIVE");
    assertThat(created.getBody().get("registeredAt").asText()).isNotBlank();
    assertThat(accounts.findAccount(login).orElseThrow().actsFor("190240012344")).isTrue();

    long before = store.count(RegistryKind.PORTAL_ACCOUNT);
    ResponseEntity<JsonNode> again = admin.postForEntity(PATH, json("""
        {"login":"781122301233","displayName":"Другой"}"""), JsonNode.class);
    assertThat(again.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    assertThat(store.count(RegistryKind.PORTAL_ACCOUNT)).isEqualTo(before);
    assertThat(accounts.findAccount("781122301233").orElseThrow().displayName()).isEqualTo("Жумабаев Нурлан Касымович");
  }

  @Test
  void badAccountsAreRefusedWithEveryProblemAndStoreNothing() {
    TestRestTemplate admin = http.withBasicAuth("admin", "admin");
    long before = store.count(RegistryKind.PORTAL_ACCOUNT);

    ResponseEntity<JsonNode> digits = admin.postForEntity(PATH, json("""
        {"login":"781122301234","actsForBin":"040540000124","status":"BLOCKED"}"""), JsonNode.class);
    assertThat(digits.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(digits.getBody().get("problems")).extracting(JsonNode::asText).containsExactly(
        "login: IIN 781122301234: check digit is 4, expected 3",
        "displayName: required",
        "actsForBin: BIN 040540000124: check digit is 4, expected 3",
        "blockedReason: required for a blocked account (the applicant is told why)");

    ResponseEntity<JsonNode> entity = admin.postForEntity(PATH, json("""
        {"login":"110840001237","displayName":"ТОО","actsForBin":"850315300128","blockedReason":"старое"}"""),
        JsonNode.class);
    assertThat(entity.getBody().get("problems").toString()).contains(
        "actsForBin: '850315300128' is not a BIN", "acts for itself", "blockedReason: only a blocked account has one");

    ResponseEntity<JsonNode> status = admin.postForEntity(PATH, json("""
        {"login":"781122301233","displayName":"Ж","status":"frozen"}"""), JsonNode.class);
    assertThat(status.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(status.getBody().get("detail").asText()).contains("not ACTIVE or BLOCKED");

    ResponseEntity<JsonNode> block = admin.postForEntity(PATH + "/781122301233/block", json("{\"reason\":\" \"}"),
        JsonNode.class);
    assertThat(block.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(block.getBody().get("problems").get(0).asText()).startsWith("reason: required");
    assertThat(admin.postForEntity(PATH + "/110840001247/block", json("{\"reason\":\"x\"}"), String.class)
        .getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);

    assertThat(store.count(RegistryKind.PORTAL_ACCOUNT)).isEqualTo(before);
    assertThat(accounts.findAccount("781122301233").orElseThrow().active()).isTrue();
  }

  @Test
  void csvImportStoresAllRowsOrNone() {
    TestRestTemplate admin = http.withBasicAuth("admin", "admin");
    long before = store.count(RegistryKind.PORTAL_ACCOUNT);
    String first = iin(LocalDate.of(1979, 8, 30), 3, 4301);
    String second = iin(LocalDate.of(1991, 1, 17), 4, 4302);
    String entity = bin(2023, 7, 4303);
    String bad = """
        login,displayName,actsForBin,registeredAt,status,blockedReason
        %s,Первый Тест,040540000123,2025-01-10,ACTIVE,
        781122301234,Плохой Тест,,,,
        %s,Второй Тест,,10.01.2025,,
        %s,Третий Тест,,,PAUSED,
        %s,Повтор,,,,
        781122301233,Уже есть,,,,
        """.formatted(first, second, second, first);

    ResponseEntity<JsonNode> refused = admin.postForEntity(PATH + "/import", csv(bad), JsonNode.class);

    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(refused.getBody().get("problems")).extracting(JsonNode::asText).containsExactly(
        "line 3: login: IIN 781122301234: check digit is 4, expected 3",
        "line 4: registeredAt: '10.01.2025' is not a date YYYY-MM-DD or a time YYYY-MM-DDThh:mm:ss+05:00",
        "line 5: status: 'PAUSED' is not ACTIVE or BLOCKED",
        "line 6: login " + first + " repeats line 2",
        "line 7: login 781122301233 is already registered");
    assertThat(store.count(RegistryKind.PORTAL_ACCOUNT)).isEqualTo(before);

    String good = """
        login,displayName,actsForBin,registeredAt,status,blockedReason
        %s,Первый Тест,040540000123,2025-01-10,ACTIVE,
        %s,Второй Тест,,2025-01-11T12:30:00+05:00,blocked,"ЭЦП утеряна, заявление от 11.01.2025"
        %s,"ТОО \"\"Тест\"\"",,,,
        """.formatted(first, second, entity);
    ResponseEntity<JsonNode> imported = admin.postForEntity(PATH + "/import", csv(good), JsonNode.class);
    assertThat(imported.getStatusCode()).as(String.valueOf(imported.getBody())).isEqualTo(HttpStatus.CREATED);
    assertThat(imported.getBody().get("imported").asInt()).isEqualTo(3);
    assertThat(store.count(RegistryKind.PORTAL_ACCOUNT)).isEqualTo(before + 3);
    assertThat(accounts.findAccount(first).orElseThrow().registeredAt())
        .isEqualTo(OffsetDateTime.of(2025, 1, 10, 0, 0, 0, 0, ZoneOffset.ofHours(5)));
    assertThat(accounts.findAccount(second).orElseThrow().blockedReason()).isEqualTo("ЭЦП утеряна, заявление от 11.01.2025");
    assertThat(accounts.findAccount(entity).orElseThrow().displayName()).isEqualTo("ТОО \"Тест\"");
  }

  @Test
  void blockingAndUnblockingChangeWhatThePortAnswers() {
    TestRestTemplate admin = http.withBasicAuth("admin", "admin");
    String login = iin(LocalDate.of(1969, 12, 5), 3, 4401);
    assertThat(admin.postForEntity(PATH, json("""
        {"login":"%s","displayName":"Блоков Тест"}""".formatted(login)), String.class).getStatusCode())
        .isEqualTo(HttpStatus.CREATED);

    ResponseEntity<JsonNode> blocked = admin.postForEntity(PATH + "/" + login + "/block",
        Map.of("reason", "Сертификат отозван"), JsonNode.class);
    assertThat(blocked.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(blocked.getBody().get("status").asText()).isEqualTo("BLOCKED");
    assertThat(accounts.findAccount(login).orElseThrow().blockedReason()).isEqualTo("Сертификат отозван");

    ResponseEntity<JsonNode> unblocked = admin.postForEntity(PATH + "/" + login + "/unblock", null, JsonNode.class);
    assertThat(unblocked.getStatusCode()).isEqualTo(HttpStatus.OK);
    PortalAccount active = accounts.findAccount(login).orElseThrow();
    assertThat(active.active()).isTrue();
    assertThat(active.blockedReason()).isNull();
    assertThat(active.problems()).isEmpty();
  }
}
