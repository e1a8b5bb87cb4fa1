package kz.egov.workflow.archaeology;

import java.io.IOException;
import java.security.SecureRandom;
import java.util.Map;
import kz.egov.workflow.identity.Bin;
import kz.egov.workflow.identity.Iin;
import static org.assertj.core.api.Assertions.assertThat;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** What the R5 tests share: fresh IINs/BINs (the shared demo rows stay untouched), the form, PDF text. */
final class R5Fixtures {

  static final String SERVICE = "archaeology-license";
  private static final SecureRandom RANDOM = new SecureRandom();

  private R5Fixtures() {}

  /** A valid IIN nobody else uses: born 1970-1999, a random serial, its check digit. */
  static String newIin() {
    while (true) {
      String eleven = String.format("%02d%02d%02d3%04d", 70 + RANDOM.nextInt(30), 1 + RANDOM.nextInt(12),
          1 + RANDOM.nextInt(28), RANDOM.nextInt(10000));
      for (int check = 0; check <= 9; check++) {
        if (Iin.isValid(eleven + check)) {
          return eleven + check;
        }
      }
    }
  }

  /** A valid BIN nobody else uses: registered 2010-2025, a legal entity (4), head office (0). */
  static String newBin() {
    while (true) {
      String eleven = String.format("%02d%02d40%05d", 10 + RANDOM.nextInt(16), 1 + RANDOM.nextInt(12),
          RANDOM.nextInt(100000));
      for (int check = 0; check <= 9; check++) {
        if (Bin.isValid(eleven + check)) {
          return eleven + check;
        }
      }
    }
  }

  /** An individual's request form (JSON) for a kind of request. */
  static String individualForm(String kind, String licenceNumber) {
    return "{\"surname\":\"Нұрланова\",\"givenName\":\"Гүлнар\",\"patronymic\":\"Ерланқызы\","
        + "\"address\":\"Астана қ., Мәңгілік Ел даңғылы, 20, 118-пәтер\","
        + "\"subtypes\":[\"archaeological\",\"scientific-restoration\"],"
        + "\"specialists\":\"Сейітов Ә.Қ., археолог, жоғары тарихи білім, 12 жыл\","
        + "\"materialBase\":\"Реставрациялық зертхана, Астана қ.\""
        + ("re-issuance".equals(kind) ? ",\"licenceNumber\":\"" + licenceNumber
            + "\",\"reissueReason\":\"address-change\"" : "")
        + "}";
  }

  /** The document an applicant signs (docs/applications.md): service, kind, applicant, form, attachments. */
  static String signedDocument(String kind, String applicantId, String form) {
    return "{\"service\":\"" + SERVICE + "\",\"requestKind\":\"" + kind + "\",\"applicantId\":\"" + applicantId
        + "\",\"formData\":" + form + ",\"attachments\":[]}";
  }

  static String pdfText(byte[] pdf) throws IOException {
    try (PDDocument document = Loader.loadPDF(pdf)) {
      return new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
    }
  }

  static Map<String, Object> variables(HistoryService history, String processInstanceId) {
    Map<String, Object> values = new java.util.HashMap<>();
    // the instance's own variables, not the steps' local input mappings
    for (HistoricVariableInstance v : history.createHistoricVariableInstanceQuery()
        .processInstanceId(processInstanceId).list()) {
      if (v.getValue() != null && processInstanceId.equals(v.getActivityInstanceId())) {
        values.put(v.getName(), v.getValue());
      }
    }
    return values;
  }

  /** A person of the test's own in the embedded individuals registry (the demo rows stay as they are). */
  static void createPerson(TestRestTemplate http, String iin, String surname, String givenName, String patronymic) {
    ResponseEntity<String> created = http.withBasicAuth("admin", "admin").postForEntity("/api/v1/registry/persons",
        Map.of("iin", iin, "surname", surname, "givenName", givenName, "patronymic", patronymic,
            "birthDate", "19" + iin.substring(0, 2) + "-" + iin.substring(2, 4) + "-" + iin.substring(4, 6), "address", "Астана қ., Қабанбай батыр даңғылы, 7"), String.class);
    assertThat(created.getStatusCode()).as(created.getBody()).isEqualTo(HttpStatus.CREATED);
  }

  /** A legal entity of the test's own in the embedded legal-entities registry. */
  static void createCompany(TestRestTemplate http, String bin, String name) {
    ResponseEntity<String> created = http.withBasicAuth("admin", "admin").postForEntity("/api/v1/registry/companies",
        Map.of("bin", bin, "name", name, "legalForm", "ТОО", "registeredOn", "20" + bin.substring(0, 2) + "-" + bin.substring(2, 4) + "-01", "headIin", "880602450176",
            "address", "Астана қ., Бейбітшілік к-сі, 11"), String.class);
    assertThat(created.getStatusCode()).as(created.getBody()).isEqualTo(HttpStatus.CREATED);
  }
}
