package kz.egov.workflow.archival;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The decision table processes/archival-certificate/required-documents.dmn on its own (the DMN engine, no
 * process): which scanned documents each kind of archival certificate needs (R4 P3), with the identity document
 * everywhere but the portal and the power of attorney for a representative.
 */
class RequiredDocumentsDecisionTest {

  static DmnEngine dmn;
  static DmnDecision decision;

  @BeforeAll
  static void parse() throws Exception {
    dmn = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
    try (InputStream in = Files.newInputStream(Path.of("processes/archival-certificate/required-documents.dmn"))) {
      decision = dmn.parseDecision("archival-certificate-required-documents", in);
    }
  }

  @ParameterizedTest(name = "{0} on {1}, representative {2}: {3}")
  @CsvSource(delimiter = ';', value = {
      "work-experience;local-executive-body;false;identityDocument!,workRecordBook!,employmentOrder",
      "salary;service-center;false;identityDocument!,workRecordBook!",
      "education;local-executive-body;false;identityDocument!,educationDocument!",
      "land-allocation;service-center;false;identityDocument!,landDocument!",
      "awards;local-executive-body;false;identityDocument!,awardDocument",
      "property;local-executive-body;false;identityDocument!,propertyDocument!",
      "civil-status;local-executive-body;false;identityDocument!,supportingDocument",
      "other;service-center;false;identityDocument!,supportingDocument",
      // on the portal the EDS identifies the applicant: no identity document
      "work-experience;portal;false;workRecordBook!,employmentOrder",
      "awards;portal;false;awardDocument",
      "other;portal;false;supportingDocument",
      // a representative brings the power of attorney, whatever the kind
      "education;service-center;true;identityDocument!,educationDocument!,powerOfAttorney!",
      "salary;portal;true;workRecordBook!,powerOfAttorney!",
  })
  void theKindDecidesTheDocuments(String kind, String channel, boolean representative, String expected) {
    DmnDecisionResult result = dmn.evaluateDecision(decision, Variables.createVariables()
        .putValue("archivalCertificateKind", kind).putValue("channel", channel).putValue("byRepresentative", representative));
    List<String> documents = result.getResultList().stream()
        .map(row -> row.get("document") + (Boolean.TRUE.equals(row.get("required")) ? "!" : "")).toList();
    assertThat(documents).containsExactlyInAnyOrder(expected.split(","));
    for (Map<String, Object> row : result.getResultList()) {
      assertThat((String) row.get("nameKk")).as("Kazakh name of %s", row.get("document")).isNotBlank();
      assertThat((String) row.get("nameRu")).as("Russian name of %s", row.get("document")).isNotBlank();
    }
  }

  @ParameterizedTest
  @CsvSource({"unknown-kind", "WORK-EXPERIENCE"})
  void anUnknownKindNeedsOnlyTheIdentityDocument(String kind) {
    DmnDecisionResult result = dmn.evaluateDecision(decision, Variables.createVariables()
        .putValue("archivalCertificateKind", kind).putValue("channel", "local-executive-body")
        .putValue("byRepresentative", false));
    assertThat(result.getResultList()).extracting(row -> row.get("document")).containsExactly("identityDocument");
  }
}
