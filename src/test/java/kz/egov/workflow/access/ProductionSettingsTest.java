package kz.egov.workflow.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import kz.egov.workflow.EgovWorkflowApplication;
import kz.egov.workflow.access.ProductionSettings.MissingProductionSettingsException;
import kz.egov.workflow.access.ProductionSettings.Variable;
import org.junit.jupiter.api.Test;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.mock.env.MockEnvironment;

/**
 * The prod profile refuses to start without its environment, and says so in words an operator can act on:
 * checked on the rule itself and on a real start of the application in a child JVM.
 */
class ProductionSettingsTest {

  @Test
  void aProductionStartWithoutItsVariablesNamesEveryOneAndWhatItIsFor() throws Exception {
    ProcessBuilder start = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), EgovWorkflowApplication.class.getName(),
        "--spring.profiles.active=prod", "--server.port=0")
        .redirectErrorStream(true);
    // whatever the developer's shell has set, the child sees none of it
    start.environment().keySet().removeIf(name -> name.startsWith("EGOV_") || name.startsWith("SPRING_"));
    Path log = Files.createTempFile("prod-start", ".log");
    start.redirectOutput(log.toFile());
    Process child = start.start();
    assertThat(child.waitFor(180, TimeUnit.SECONDS)).as("the start fails fast").isTrue();
    String output = Files.readString(log, StandardCharsets.UTF_8);
    Files.delete(log);

    assertThat(child.exitValue()).isNotZero();
    assertThat(output).contains("APPLICATION FAILED TO START", "'prod' profile", "Missing environment variables:");
    for (Variable variable : ProductionSettings.REQUIRED) {
      assertThat(output).contains(variable.name() + "  — " + variable.purpose());
    }
    assertThat(output).doesNotContain("Could not resolve placeholder").doesNotContain("Demo mode");
  }

  @Test
  void setButUnusableValuesAreNamedToo() throws Exception {
    Path keyStore = Files.createTempFile("signing", ".p12");
    MockEnvironment environment = complete(keyStore);
    environment.setActiveProfiles("prod", "demo");
    environment.setProperty("EGOV_ADMIN_PASSWORD", "admin");
    environment.setProperty("EGOV_SIGNATURE_TRUST_STORE", "/nowhere/nca.pem");
    environment.setProperty("EGOV_DB_URL", "localhost");
    environment.setProperty("EGOV_DB_USER", "");

    MissingProductionSettingsException e = (MissingProductionSettingsException) catchThrowable(environment);
    assertThat(e.missing()).extracting(Variable::name).containsExactly("EGOV_DB_USER");
    assertThat(e.problems()).hasSize(4).anyMatch(p -> p.startsWith("SPRING_PROFILES_ACTIVE: 'prod' and 'demo'"))
        .anyMatch(p -> p.startsWith("EGOV_ADMIN_PASSWORD: too weak"))
        .anyMatch(p -> p.startsWith("EGOV_SIGNATURE_TRUST_STORE: no readable file at /nowhere/nca.pem"))
        .anyMatch(p -> p.startsWith("EGOV_DB_URL: 'localhost' is not a URL"));
    FailureAnalysis analysis = new ProductionSettingsFailureAnalyzer().analyze(e);
    assertThat(analysis.getDescription()).contains("EGOV_DB_USER  — database user", "Set, but not usable:",
        "EGOV_ADMIN_PASSWORD: too weak");
    assertThat(analysis.getAction()).contains("docs/security.md");
    Files.delete(keyStore);
  }

  @Test
  void completeSettingsPassAndOtherProfilesAreNotChecked() throws Exception {
    Path keyStore = Files.createTempFile("signing", ".p12");
    ProductionSettings.check(complete(keyStore));
    MockEnvironment demo = new MockEnvironment();
    demo.setActiveProfiles("demo");
    ProductionSettings.check(demo);
    Files.delete(keyStore);
  }

  private static MockEnvironment complete(Path file) {
    MockEnvironment environment = new MockEnvironment();
    environment.setActiveProfiles("prod");
    Map<String, String> values = Map.ofEntries(Map.entry("EGOV_ADMIN_USER", "chief"),
        Map.entry("EGOV_ADMIN_PASSWORD", "Str0ng-admin-secret"),
        Map.entry("EGOV_PORTAL_SYSTEM_PASSWORD", "portal-secret-1"),
        Map.entry("EGOV_SERVICE_CENTER_SYSTEM_PASSWORD", "center-secret-1"),
        Map.entry("EGOV_PAYMENT_GATEWAY_SYSTEM_PASSWORD", "gateway-secret-1"),
        Map.entry("EGOV_DB_URL", "jdbc:postgresql://db:5432/egov"), Map.entry("EGOV_DB_USER", "egov"),
        Map.entry("EGOV_DB_PASSWORD", "db-secret-123"), Map.entry("EGOV_SIGNING_KEY_STORE", file.toString()),
        Map.entry("EGOV_SIGNING_KEY_STORE_PASSWORD", "keystore-secret"),
        Map.entry("EGOV_SIGNATURE_TRUST_STORE", file.toString()),
        Map.entry("EGOV_DOCUMENTS_PUBLIC_BASE_URL", "https://workflow.egov.kz"));
    assertThat(values.keySet()).containsExactlyInAnyOrderElementsOf(
        ProductionSettings.REQUIRED.stream().map(Variable::name).toList());
    values.forEach(environment::setProperty);
    return environment;
  }

  private static Throwable catchThrowable(MockEnvironment environment) {
    return org.assertj.core.api.Assertions.catchThrowable(() -> ProductionSettings.check(environment));
  }

}
