package kz.egov.workflow.registry;

import kz.egov.workflow.identity.IdentificationNumbers;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
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

/** The embedded registries as testers and systems use them over /api/v1/registry, and the ports on top of them. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"demo", "test"})
class RegistryApiTest {

  @Autowired TestRestTemplate http;
  @Autowired RegistryStore store;
  @Autowired IndividualsRegistry individuals;
  @Autowired LegalEntitiesRegistry legalEntities;
  @Autowired NotaryRegistry notary;

  @Test
  void theEmbeddedAdapterIsTheDefaultAndAnswersFromTheDemoData() {
    assertThat(individuals).isInstanceOf(EmbeddedRegistries.class);
    assertThat(individuals.findPerson("850315300128")).get().extracting(Person::fullName)
        .isEqualTo("Серікбаев Ерлан Маратұлы");
    assertThat(individuals.findPerson("850315301801")).isPresent();
    assertThat(individuals.findPerson("010203500356")).isEmpty();
    assertThat(legalEntities.findCompany("040540000123")).get().extracting(Company::name)
        .isEqualTo("ТОО \"Батыс Металл Трейд\"");
    assertThat(legalEntities.findCompany("081240007893")).get().extracting(Company::active).isEqualTo(false);
    assertThat(notary.findPowerOfAttorney("N-2026-000145")).get().extracting(PowerOfAttorney::attorneyIin)
        .isEqualTo("900710400568");
    assertThat(notary.findPowerOfAttorney("N-0000")).isEmpty();
  }

  @Test
  void everyDemoIdentifierHasAValidCheckDigit() {
    assertThat(store.list(RegistryKind.PERSON, 0, 200).items()).allSatisfy(p -> assertThat(p.problems()).isEmpty());
    assertThat(store.list(RegistryKind.COMPANY, 0, 200).items()).allSatisfy(c -> assertThat(c.problems()).isEmpty());
    assertThat(store.list(RegistryKind.POWER_OF_ATTORNEY, 0, 200).items())
        .allSatisfy(a -> assertThat(a.problems()).isEmpty());
  }

  @Test
  void staffAndSystemsReadPagesAndRecords() {
    ResponseEntity<JsonNode> page = http.withBasicAuth("wko.employee", "demo")
        .getForEntity("/api/v1/registry/persons?page=0&size=5", JsonNode.class);
    assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(page.getBody().get("items")).hasSize(5);
    assertThat(page.getBody().get("total").asLong()).isGreaterThanOrEqualTo(13);
    JsonNode second = http.withBasicAuth("auditor", "demo")
        .getForEntity("/api/v1/registry/persons?page=1&size=5", JsonNode.class).getBody();
    assertThat(second.get("items").get(0).get("iin").asText())
        .isNotEqualTo(page.getBody().get("items").get(0).get("iin").asText());

    ResponseEntity<JsonNode> company = http.withBasicAuth("portal", "demo")
        .getForEntity("/api/v1/registry/companies/040540000123", JsonNode.class);
    assertThat(company.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(company.getBody().get("registeredOn").asText()).isEqualTo("2004-05-14");
    assertThat(http.withBasicAuth("operator", "demo").getForEntity("/api/v1/registry/powers-of-attorney/N-2025-003321",
        JsonNode.class).getBody().get("principalId").asText()).isEqualTo("850315300128");

    ResponseEntity<JsonNode> missing = http.withBasicAuth("wko.employee", "demo")
        .getForEntity("/api/v1/registry/persons/010203500356", JsonNode.class);
    assertThat(missing.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(missing.getBody().get("detail").asText()).contains("No person 010203500356");

    assertThat(http.withBasicAuth("wko.employee", "demo").getForEntity("/api/v1/registry/persons?size=1000",
        JsonNode.class).getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(http.getForEntity("/api/v1/registry/persons", String.class).getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(http.withBasicAuth("payment-gateway", "demo").getForEntity("/api/v1/registry/persons", String.class)
        .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
  }

  @Test
  void administratorsCreateRecordsOthersMayNot() {
    String body = """
        {"iin":"921030401270","surname":"Байжанова","givenName":"Мадина","birthDate":"1992-10-30"}""";
    // already seeded: a conflict, not a second row
    long before = store.count(RegistryKind.PERSON);
    ResponseEntity<JsonNode> conflict = http.withBasicAuth("admin", "admin").postForEntity("/api/v1/registry/persons",
        json("""
            {"iin":"640901400186","surname":"Иванова","givenName":"Ольга","birthDate":"1964-09-01"}"""), JsonNode.class);
    assertThat(conflict.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    assertThat(store.count(RegistryKind.PERSON)).isEqualTo(before);

    ResponseEntity<JsonNode> created = http.withBasicAuth("admin", "admin").postForEntity("/api/v1/registry/persons",
        json("""
            {"iin":"%s","surname":"Тестова","givenName":"Асель","birthDate":"1999-12-31"}"""
            .formatted(iin(LocalDate.of(1999, 12, 31), 4, 777))), JsonNode.class);
    assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    assertThat(created.getBody().get("deceased").asBoolean()).isFalse();
    assertThat(store.count(RegistryKind.PERSON)).isEqualTo(before + 1);

    assertThat(http.withBasicAuth("wko.employee", "demo").postForEntity("/api/v1/registry/persons", json(body),
        String.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(http.withBasicAuth("auditor", "demo").postForEntity("/api/v1/registry/companies", json("{}"),
        String.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
  }

  @Test
  void badPayloadsAreRefusedWithEveryProblemAndStoreNothing() {
    long persons = store.count(RegistryKind.PERSON);
    long companies = store.count(RegistryKind.COMPANY);
    long powers = store.count(RegistryKind.POWER_OF_ATTORNEY);
    TestRestTemplate admin = http.withBasicAuth("admin", "admin");

    ResponseEntity<JsonNode> person = admin.postForEntity("/api/v1/registry/persons", json("""
        {"iin":"850315300127","givenName":"Ерлан","birthDate":"1985-03-15"}"""), JsonNode.class);
    assertThat(person.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(person.getBody().get("problems").toString()).contains("iin: IIN 850315300127: check digit is 7, expected 8",
        "surname: required");

    ResponseEntity<JsonNode> birth = admin.postForEntity("/api/v1/registry/persons", json("""
        {"iin":"850315300128","surname":"Серікбаев","givenName":"Ерлан","birthDate":"1985-03-16"}"""), JsonNode.class);
    assertThat(birth.getBody().get("problems").toString()).contains("does not match the IIN");

    ResponseEntity<JsonNode> unreadable = admin.postForEntity("/api/v1/registry/persons", json("""
        {"iin":"850315300128","birthDate":"15.03.1985"}"""), JsonNode.class);
    assertThat(unreadable.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);

    ResponseEntity<JsonNode> company = admin.postForEntity("/api/v1/registry/companies", json("""
        {"bin":"850315300128","name":"ТОО","legalForm":"ТОО","registeredOn":"2004-05-14"}"""), JsonNode.class);
    assertThat(company.getBody().get("problems").toString()).contains("not a BIN");

    ResponseEntity<JsonNode> poa = admin.postForEntity("/api/v1/registry/powers-of-attorney", json("""
        {"number":"N-X","principalId":"040540000123","attorneyIin":"040540000123","notary":"Н",
         "issuedOn":"2026-02-01","validUntil":"2026-01-01"}"""), JsonNode.class);
    assertThat(poa.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(poa.getBody().get("problems").toString()).contains("attorneyIin: '040540000123' is a BIN",
        "validUntil: 2026-01-01 is before issuedOn 2026-02-01");

    assertThat(store.count(RegistryKind.PERSON)).isEqualTo(persons);
    assertThat(store.count(RegistryKind.COMPANY)).isEqualTo(companies);
    assertThat(store.count(RegistryKind.POWER_OF_ATTORNEY)).isEqualTo(powers);
  }

  @Test
  void csvImportStoresAllRowsOrNone() {
    TestRestTemplate admin = http.withBasicAuth("admin", "admin");
    long before = store.count(RegistryKind.COMPANY);
    String good1 = bin(2024, 3, 101);
    String good2 = bin(2024, 3, 102);
    String bad = """
        bin,name,legalForm,registeredOn,headIin,address,active
        %s,"ТОО \"\"Первый\"\"",ТОО,2024-03-01,,"Уральск, ул. 1",true
        040540000124,ТОО Второй,ТОО,2004-05-14,,,
        %s,ТОО Третий,,2024-03-07,850315300127,,maybe
        %s,ТОО Повтор,ТОО,2024-03-02,,,
        040540000123,ТОО Уже есть,ТОО,2004-05-14,,,
        """.formatted(good1, good2, good1);

    ResponseEntity<JsonNode> refused = admin.postForEntity("/api/v1/registry/companies/import", csv(bad),
        JsonNode.class);

    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(refused.getBody().get("problems")).extracting(JsonNode::asText).containsExactly(
        "line 3: bin: BIN 040540000124: check digit is 4, expected 3",
        "line 4: active: 'maybe' is not true or false",
        "line 5: bin " + good1 + " repeats line 2",
        "line 6: bin 040540000123 is already registered");
    assertThat(store.count(RegistryKind.COMPANY)).isEqualTo(before);

    String good = """
        bin,name,legalForm,registeredOn
        %s,"ТОО \"\"Первый\"\"",ТОО,2024-03-01
        %s,ТОО Третий,ТОО,2024-03-07
        """.formatted(good1, good2);
    ResponseEntity<JsonNode> imported = admin.postForEntity("/api/v1/registry/companies/import", csv(good),
        JsonNode.class);
    assertThat(imported.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    assertThat(imported.getBody().get("imported").asInt()).isEqualTo(2);
    assertThat(store.count(RegistryKind.COMPANY)).isEqualTo(before + 2);
    assertThat(legalEntities.findCompany(good1)).get().extracting(Company::name).isEqualTo("ТОО \"Первый\"");

    ResponseEntity<JsonNode> header = admin.postForEntity("/api/v1/registry/persons/import",
        csv("iin,surname,nickname\n"), JsonNode.class);
    assertThat(header.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(header.getBody().get("problems").toString()).contains("unknown column 'nickname'",
        "required column 'givenName' is missing", "no rows after the header");

    assertThat(http.withBasicAuth("wko.employee", "demo").postForEntity("/api/v1/registry/persons/import",
        csv(good), String.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
  }

  @Test
  void powersOfAttorneyImportFromCsv() {
    long before = store.count(RegistryKind.POWER_OF_ATTORNEY);
    String number = "N-TEST-" + System.nanoTime();
    ResponseEntity<JsonNode> imported = http.withBasicAuth("admin", "admin").postForEntity(
        "/api/v1/registry/powers-of-attorney/import", csv("""
            number,principalId,attorneyIin,notary,issuedOn,validUntil,powers,revoked
            %s,190240012344,640901400186,Нотариус г. Кокшетау,2026-01-01,2026-12-31,"Представлять АО, подписывать",false
            """.formatted(number)), JsonNode.class);
    assertThat(imported.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    assertThat(store.count(RegistryKind.POWER_OF_ATTORNEY)).isEqualTo(before + 1);
    assertThat(notary.findPowerOfAttorney(number)).get().extracting(PowerOfAttorney::powers)
        .isEqualTo("Представлять АО, подписывать");
  }

  /** A valid IIN for a birth date, century-and-sex digit and serial. */
  static String iin(LocalDate birth, int centuryDigit, int serial) {
    for (int s = serial; ; s++) {
      String base = String.format("%02d%02d%02d%d%04d", birth.getYear() % 100, birth.getMonthValue(),
          birth.getDayOfMonth(), centuryDigit, s % 10000);
      for (int d = 0; d <= 9; d++) {
        if (IdentificationNumbers.hasValidCheckDigit(base + d)) {
          return base + d;
        }
      }
    }
  }

  /** A valid BIN of a resident head office registered in that year and month. */
  static String bin(int year, int month, int serial) {
    for (int s = serial; ; s++) {
      String base = String.format("%02d%02d40%05d", year % 100, month, s % 100000);
      for (int d = 0; d <= 9; d++) {
        if (IdentificationNumbers.hasValidCheckDigit(base + d)) {
          return base + d;
        }
      }
    }
  }

  static HttpEntity<String> json(String body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return new HttpEntity<>(body, headers);
  }

  static HttpEntity<String> csv(String body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8));
    return new HttpEntity<>(body, headers);
  }
}
