package kz.egov.workflow.application;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.DefaultResourceLoader;

/** The R2 form's schema (processes/scrap-metal-license/request.schema.json) as analysts wrote it. */
class FormSchemasTest {

  static final ObjectMapper JSON = new ObjectMapper();
  static final String SERVICE = "scrap-metal-license";

  final FormSchemas schemas = new FormSchemas(new ApplicationProperties(null, Map.of(SERVICE,
      new ApplicationProperties.Service(null, "wko", ApplicantKind.BIN, List.of("issuance", "re-issuance", "duplicate"),
          List.of("portal", "provider"), "classpath:processes/scrap-metal-license/request.schema.json"))),
      new DefaultResourceLoader(), JSON);

  private List<String> problems(String kind, String formData) throws Exception {
    return schemas.problems(SERVICE, kind, JSON.readTree(formData));
  }

  static final String VALID = """
      {"companyName":"ТОО \\"Батыс Металл\\"","siteAddress":"Уральск, ул. Промышленная, 5",
       "metals":["ferrous","non-ferrous"],"subtypes":["collection","storage"],"contactPhone":"+77011234567",
       "email":"info@batys-metal.kz"}""";

  @Test
  void aCompleteIssuanceFormPasses() throws Exception {
    assertThat(problems("issuance", VALID)).isEmpty();
  }

  @Test
  void everyProblemNamesItsField() throws Exception {
    List<String> problems = problems("issuance", """
        {"siteAddress":"","metals":[],"subtypes":["melting"],"contactPhone":"87011234567","email":"not an e-mail",
         "colour":"red","licenceNumber":"KZ-1"}""");
    assertThat(problems).as(problems.toString()).anySatisfy(p -> assertThat(p).startsWith("formData.companyName: required"));
    assertThat(problems).anySatisfy(p -> assertThat(p).startsWith("formData.siteAddress:"));
    assertThat(problems).anySatisfy(p -> assertThat(p).startsWith("formData.metals:"));
    assertThat(problems).anySatisfy(p -> assertThat(p).startsWith("formData.subtypes[0]:"));
    assertThat(problems).anySatisfy(p -> assertThat(p).startsWith("formData.contactPhone:"));
    assertThat(problems).anySatisfy(p -> assertThat(p).startsWith("formData.email:"));
    assertThat(problems).anySatisfy(p -> assertThat(p).startsWith("formData.colour: not a field"));
    assertThat(problems).anySatisfy(p -> assertThat(p).startsWith("formData.licenceNumber: not a field of this kind"));
  }

  @Test
  void reIssuanceAndDuplicateNeedTheLicenceAndTheirReason() throws Exception {
    assertThat(problems("re-issuance", VALID)).containsExactly("formData.licenceNumber: required",
        "formData.reissueReason: required");
    assertThat(problems("duplicate", VALID)).containsExactly("formData.duplicateReason: required",
        "formData.licenceNumber: required");
    JsonNode reissue = JSON.readTree(VALID);
    ((com.fasterxml.jackson.databind.node.ObjectNode) reissue).put("licenceNumber", "KZ-WKO-LIC-2025-000001")
        .put("reissueReason", "name-change");
    assertThat(schemas.problems(SERVICE, "re-issuance", reissue)).isEmpty();
    assertThat(schemas.problems(SERVICE, "duplicate", reissue)).contains("formData.duplicateReason: required",
        "formData.reissueReason: not a field of this kind of request");
    ((com.fasterxml.jackson.databind.node.ObjectNode) reissue).put("reissueReason", "bored");
    assertThat(schemas.problems(SERVICE, "re-issuance", reissue)).singleElement().asString()
        .startsWith("formData.reissueReason:");
  }
}
