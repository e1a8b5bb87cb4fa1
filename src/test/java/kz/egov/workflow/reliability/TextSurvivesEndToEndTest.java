package kz.egov.workflow.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import kz.egov.workflow.signature.DemoPki;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;

/**
 * What an applicant writes comes back as they wrote it: every Kazakh letter (ә ғ қ ң ө ұ ү һ і) and markup
 * that is only text. The status API returns it as a JSON string (never HTML), and the signed licence PDF
 * carries it as literal text.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"demo", "test"})
class TextSurvivesEndToEndTest {

  static final String KAZAKH = "ЖШС «Әғқңөұүһі Темір» ӘҒҚҢӨҰҮҺІ";
  static final String SCRIPT = "<script>alert('x')</script>";

  @Autowired TestRestTemplate http;
  @Autowired RuntimeService runtime;
  @Autowired ManagementService management;
  @Autowired DemoPki demoPki;

  @Test
  void kazakhLettersAndMarkupSurviveFromTheRequestToTheStatusAndTheSignedLicence() throws Exception {
    R2Driver r2 = new R2Driver(http, runtime, management, demoPki);
    String name = KAZAKH + " " + SCRIPT;
    String reference = "REL-TEXT-" + UUID.randomUUID();
    ProcessInstance instance = r2.toDecision(reference, name);

    ResponseEntity<String> raw = http.withBasicAuth("portal", "demo")
        .getForEntity("/api/v1/applications/" + reference, String.class);
    assertThat(raw.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_JSON)).isTrue();
    assertThat(raw.getHeaders().getContentType().isCompatibleWith(MediaType.TEXT_HTML)).isFalse();
    JsonNode status = R2Requests.JSON.readTree(raw.getBody());
    assertThat(status.at("/applicant/name").asText()).isEqualTo(name);

    assertThat(r2.decide("wko.employee", r2.decisionTask(reference), "issue").getStatusCode())
        .isEqualTo(HttpStatus.NO_CONTENT);
    r2.runJobs(instance);
    JsonNode issued = r2.status(reference);
    assertThat(issued.get("status").asText()).isEqualTo("issued");
    assertThat(issued.at("/applicant/name").asText()).isEqualTo(name);

    ResponseEntity<byte[]> pdf = http.withBasicAuth("portal", "demo")
        .getForEntity(issued.at("/links/result").asText(), byte[].class);
    assertThat(pdf.getStatusCode()).isEqualTo(HttpStatus.OK);
    String text;
    try (PDDocument document = Loader.loadPDF(pdf.getBody())) {
      text = new PDFTextStripper().getText(document);
    }
    String flat = text.replaceAll("\\s+", " ");
    assertThat(flat).as("the licence's text").contains(KAZAKH).contains(SCRIPT);

    JsonNode verified = http.getForObject("/api/v1/documents/" + issued.at("/result/documentNumber").asText()
        + "/verify", JsonNode.class);
    assertThat(verified.get("holderName").asText()).isEqualTo(name);
    assertThat(new String(pdf.getBody(), 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
  }
}
