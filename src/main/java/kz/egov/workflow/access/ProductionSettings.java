package kz.egov.workflow.access;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Profiles;

/**
 * The {@code prod} profile starts only with everything production needs from the environment: the
 * administrator, the technical users' passwords, the database, the key that signs results, the trusted NCA
 * certificates and the public address. Checked once the environment is read and logging is set up (after
 * Spring Boot's logging listener), before any bean resolves a placeholder, so that a missing variable is named
 * with what it is for ({@link ProductionSettingsFailureAnalyzer}) rather than as "Could not resolve placeholder".
 * Registered in META-INF/spring.factories.
 */
public class ProductionSettings implements ApplicationListener<ApplicationEnvironmentPreparedEvent>, Ordered {

  public static final String PROFILE = "prod";
  /** Values the demo ships with: never a production password. */
  static final Set<String> DEMO_PASSWORDS = Set.of("demo", "admin", "password", "changeit");

  /** One environment variable production needs. */
  public record Variable(String name, String purpose, Kind kind) {}

  enum Kind { TEXT, SECRET, FILE, URL }

  public static final List<Variable> REQUIRED = List.of(
      new Variable("EGOV_ADMIN_USER", "the administrator's user id (Camunda Admin, camunda-admin group)", Kind.TEXT),
      new Variable("EGOV_ADMIN_PASSWORD", "the administrator's password", Kind.SECRET),
      new Variable("EGOV_PORTAL_SYSTEM_PASSWORD", "password of the e-gov portal's technical user 'portal'",
          Kind.SECRET),
      new Variable("EGOV_SERVICE_CENTER_SYSTEM_PASSWORD",
          "password of the service centers' technical user 'service-center'", Kind.SECRET),
      new Variable("EGOV_PAYMENT_GATEWAY_SYSTEM_PASSWORD",
          "password of the payment gateway's technical user 'payment-gateway'", Kind.SECRET),
      new Variable("EGOV_DB_URL", "JDBC URL of the database, e.g. jdbc:postgresql://db:5432/egov", Kind.URL),
      new Variable("EGOV_DB_USER", "database user", Kind.TEXT),
      new Variable("EGOV_DB_PASSWORD", "database password", Kind.SECRET),
      new Variable("EGOV_SIGNING_KEY_STORE", "the provider's PKCS#12 key store that signs results (a file)",
          Kind.FILE),
      new Variable("EGOV_SIGNING_KEY_STORE_PASSWORD", "password of that key store", Kind.SECRET),
      new Variable("EGOV_SIGNATURE_TRUST_STORE", "the NCA's root and intermediate certificates, PEM or DER (a file)",
          Kind.FILE),
      new Variable("EGOV_DOCUMENTS_PUBLIC_BASE_URL",
          "the public https address of this application (QR codes on result documents link to it)", Kind.URL));

  @Override
  public int getOrder() {
    // after LoggingApplicationListener (HIGHEST_PRECEDENCE + 20), so that the failure is logged as configured
    return Ordered.HIGHEST_PRECEDENCE + 30;
  }

  @Override
  public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
    check(event.getEnvironment());
  }

  static void check(ConfigurableEnvironment environment) {
    if (!environment.acceptsProfiles(Profiles.of(PROFILE))) {
      return;
    }
    List<String> problems = new ArrayList<>();
    if (environment.acceptsProfiles(Profiles.of("demo"))) {
      problems.add("SPRING_PROFILES_ACTIVE: 'prod' and 'demo' together; demo users and keys have no place in "
          + "production (use e.g. SPRING_PROFILES_ACTIVE=postgres,prod)");
    }
    List<Variable> missing = new ArrayList<>();
    for (Variable variable : REQUIRED) {
      String value = environment.getProperty(variable.name());
      if (value == null || value.isBlank()) {
        missing.add(variable);
        continue;
      }
      switch (variable.kind()) {
        case SECRET -> {
          if (DEMO_PASSWORDS.contains(value.strip().toLowerCase(java.util.Locale.ROOT)) || value.length() < 8) {
            problems.add(variable.name() + ": too weak for " + variable.purpose() + " (at least 8 characters, not a "
                + "demo password)");
          }
        }
        case FILE -> {
          if (!Files.isReadable(Path.of(value))) {
            problems.add(variable.name() + ": no readable file at " + value + " (" + variable.purpose() + ")");
          }
        }
        case URL -> {
          if (!value.contains(":")) {
            problems.add(variable.name() + ": '" + value + "' is not a URL (" + variable.purpose() + ")");
          }
        }
        case TEXT -> { }
      }
    }
    if (!missing.isEmpty() || !problems.isEmpty()) {
      throw new MissingProductionSettingsException(missing, problems);
    }
  }

  /** What the prod profile lacks: missing variables, and set ones that cannot be right. */
  public static class MissingProductionSettingsException extends RuntimeException {

    private final List<Variable> missing;
    private final List<String> problems;

    MissingProductionSettingsException(List<Variable> missing, List<String> problems) {
      super("The prod profile cannot start: " + (missing.isEmpty() ? "" : "missing "
          + String.join(", ", missing.stream().map(Variable::name).toList()) + (problems.isEmpty() ? "" : "; "))
          + String.join("; ", problems));
      this.missing = List.copyOf(missing);
      this.problems = List.copyOf(problems);
    }

    public List<Variable> missing() {
      return missing;
    }

    public List<String> problems() {
      return problems;
    }
  }
}
