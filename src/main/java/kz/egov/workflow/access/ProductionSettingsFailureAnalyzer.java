package kz.egov.workflow.access;

import kz.egov.workflow.access.ProductionSettings.MissingProductionSettingsException;
import kz.egov.workflow.access.ProductionSettings.Variable;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Tells the operator of a production start which environment variables to set and what each is for. */
public class ProductionSettingsFailureAnalyzer extends AbstractFailureAnalyzer<MissingProductionSettingsException> {

  @Override
  protected FailureAnalysis analyze(Throwable root, MissingProductionSettingsException cause) {
    StringBuilder description = new StringBuilder("The application was started with the 'prod' profile, which takes "
        + "its users, secrets, keys and database from the environment, and some are not there.\n");
    if (!cause.missing().isEmpty()) {
      description.append("\nMissing environment variables:\n");
      for (Variable variable : cause.missing()) {
        description.append("  ").append(variable.name()).append("  — ").append(variable.purpose()).append('\n');
      }
    }
    if (!cause.problems().isEmpty()) {
      description.append("\nSet, but not usable:\n");
      cause.problems().forEach(p -> description.append("  ").append(p).append('\n'));
    }
    String action = "Set the variables above (see docs/security.md, 'Production profile') and start again, e.g.\n"
        + "  SPRING_PROFILES_ACTIVE=postgres,prod EGOV_ADMIN_USER=... EGOV_ADMIN_PASSWORD=... java -jar egov-workflow.jar\n"
        + "To try the application without them, start without the prod profile (demo mode).";
    return new FailureAnalysis(description.toString().stripTrailing(), action, cause);
  }
}
