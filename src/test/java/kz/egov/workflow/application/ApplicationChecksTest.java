package kz.egov.workflow.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.RETURNS_DEEP_STUBS;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.Set;
import kz.egov.workflow.access.AccessProperties;
import kz.egov.workflow.licensing.LicensingRegister;
import kz.egov.workflow.registry.StateSystemUnavailableException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.DefaultResourceLoader;

/** The checks without the engine: what an outage of the e-licensing register becomes. */
class ApplicationChecksTest {

  static final ObjectMapper JSON = new ObjectMapper();
  static final Caller STAFF = new Caller("wko.employee", Set.of("wko", "wko-employee"));

  final LicensingRegister licensing = mock(LicensingRegister.class);
  final ApplicationChecks checks;

  ApplicationChecksTest() {
    ApplicationProperties properties = new ApplicationProperties(null, Map.of("test-licence",
        new ApplicationProperties.Service(null, "wko", ApplicantKind.BIN, List.of("issuance", "re-issuance"),
            List.of("portal", "provider"), "classpath:processes/scrap-metal-license/request.schema.json")));
    ServiceCatalog catalog = new ServiceCatalog(properties, new AccessProperties(List.of(
        new AccessProperties.Provider("wko", "WKO", null, null, List.of()))));
    RepositoryService repository = mock(RepositoryService.class, RETURNS_DEEP_STUBS);
    when(repository.createProcessDefinitionQuery().processDefinitionKey(anyString()).count()).thenReturn(1L);
    checks = new ApplicationChecks(catalog, new FormSchemas(properties, new DefaultResourceLoader(), JSON), licensing,
        repository, new AsSystem(mock(IdentityService.class)), JSON);
    when(licensing.licence(any())).thenThrow(new StateSystemUnavailableException("e-licensing", "timed out"));
  }

  private ObjectNode reIssuance() {
    ObjectNode request = ApplicationApiTest.providerRequest(ApplicationApiTest.BIN);
    request.put("requestKind", "re-issuance");
    ((ObjectNode) request.get("formData")).put("licenceNumber", "KZ-WKO-LIC-2025-000001")
        .put("reissueReason", "address-change");
    return request;
  }

  @Test
  void anUnreachableRegisterIsAnOutageNotARefusal() {
    assertThatThrownBy(() -> checks.check(reIssuance(), "k1", STAFF))
        .isInstanceOf(StateSystemUnavailableException.class);
  }

  @Test
  void withOtherProblemsTheOutageIsOneOfThem() {
    ObjectNode request = reIssuance();
    ((ObjectNode) request.get("applicant")).put("name", "x".repeat(301));
    assertThatThrownBy(() -> checks.check(request, "k1", STAFF)).isInstanceOfSatisfying(InvalidRequestException.class,
        e -> assertThat(e.problems()).containsExactly("applicant.name: at most 300 characters",
            "formData.licenceNumber: could not be checked now, the e-licensing register is unavailable"));
  }

  @Test
  void aValidRequestNeedsNoRegisterForAnIssuance() {
    SubmittedApplication application = checks.check(ApplicationApiTest.providerRequest(ApplicationApiTest.BIN), "k1",
        STAFF);
    assertThat(application.provider()).isEqualTo("wko");
    assertThat(application.attachments()).singleElement().satisfies(a -> assertThat(a.sha256()).hasSize(64));
    assertThat(application.licenceNumber()).isNull();
  }
}
