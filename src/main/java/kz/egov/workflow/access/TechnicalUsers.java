package kz.egov.workflow.access;

import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.env.Environment;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * Production: the outside systems' technical users, with their passwords from the environment
 * ({@link ProductionSettings}) set at every start, so that changing a variable and restarting rotates the
 * password. People are added through Camunda Admin; demo users never exist here.
 */
@Component
@Profile(ProductionSettings.PROFILE)
public class TechnicalUsers {

  private static final Logger log = LoggerFactory.getLogger(TechnicalUsers.class);

  /** User id → its group and the variable holding its password. */
  record TechnicalUser(String id, SystemGroup group, String passwordVariable, String firstName) {}

  static final Map<String, TechnicalUser> USERS = new LinkedHashMap<>();

  static {
    for (TechnicalUser user : new TechnicalUser[] {
        new TechnicalUser("portal", SystemGroup.PORTAL, "EGOV_PORTAL_SYSTEM_PASSWORD", "E-gov portal"),
        new TechnicalUser("service-center", SystemGroup.SERVICE_CENTER_SYSTEM, "EGOV_SERVICE_CENTER_SYSTEM_PASSWORD",
            "Service-center system"),
        new TechnicalUser("payment-gateway", SystemGroup.PAYMENT_GATEWAY, "EGOV_PAYMENT_GATEWAY_SYSTEM_PASSWORD",
            "Payment gateway")}) {
      USERS.put(user.id(), user);
    }
  }

  private final IdentityService identityService;
  private final Environment environment;

  public TechnicalUsers(IdentityService identityService, Environment environment) {
    this.identityService = identityService;
    this.environment = environment;
  }

  public void apply() {
    for (TechnicalUser technical : USERS.values()) {
      String password = environment.getRequiredProperty(technical.passwordVariable());
      User user = identityService.createUserQuery().userId(technical.id()).singleResult();
      if (user == null) {
        user = identityService.newUser(technical.id());
        user.setFirstName(technical.firstName());
        user.setLastName("(technical user)");
      }
      user.setPassword(password);
      identityService.saveUser(user);
      if (identityService.createUserQuery().userId(technical.id()).memberOfGroup(technical.group().id()).count() == 0) {
        identityService.createMembership(technical.id(), technical.group().id());
      }
    }
    log.info("Technical users {} set from the environment", USERS.keySet());
  }
}
