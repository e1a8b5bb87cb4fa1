package kz.egov.workflow.access;

import java.util.ArrayList;
import java.util.List;
import kz.egov.workflow.signature.DemoPki;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * Demo mode: one user per role so that a newcomer can sign in to Tasklist and Cockpit at once.
 * User {@code <provider>.<role>} belongs to the provider's staff group and to its role group.
 */
@Component
@Profile("demo")
public class DemoUsers {

  private static final Logger log = LoggerFactory.getLogger(DemoUsers.class);

  private final IdentityService identityService;
  private final AccessProperties properties;
  private final String password;

  public DemoUsers(IdentityService identityService, AccessProperties properties,
      @Value("${egov.demo.password}") String password) {
    this.identityService = identityService;
    this.properties = properties;
    this.password = password;
  }

  public record DemoUser(String id, String firstName, String lastName, List<String> groups) {}

  public List<DemoUser> users() {
    List<DemoUser> users = new ArrayList<>();
    for (AccessProperties.Provider provider : properties.providers()) {
      for (StaffRole role : StaffRole.values()) {
        users.add(new DemoUser(provider.id() + "." + role.code(), role.english(), provider.name(),
            List.of(provider.id(), role.groupId(provider.id()))));
      }
    }
    users.add(new DemoUser("operator", "Service-center", "Operator", List.of(SystemGroup.SERVICE_CENTER_OPERATOR.id())));
    users.add(new DemoUser("auditor", "Demo", "Auditor", List.of(SystemGroup.AUDITOR.id())));
    users.add(new DemoUser("portal", "E-gov portal", "(technical user)", List.of(SystemGroup.PORTAL.id())));
    users.add(new DemoUser("service-center", "Service-center system", "(technical user)",
        List.of(SystemGroup.SERVICE_CENTER_SYSTEM.id())));
    users.add(new DemoUser("payment-gateway", "Payment gateway", "(technical user)",
        List.of(SystemGroup.PAYMENT_GATEWAY.id())));
    return users;
  }

  public void create() {
    int created = 0;
    for (DemoUser demo : users()) {
      if (identityService.createUserQuery().userId(demo.id()).count() == 0) {
        User user = identityService.newUser(demo.id());
        user.setFirstName(demo.firstName());
        user.setLastName(demo.lastName());
        user.setEmail(demo.id().replace('.', '-') + "@demo.egov.kz");
        user.setPassword(password);
        identityService.saveUser(user);
        created++;
      }
      // the IIN of the user's demo signing key (DemoPki.staffKeyStore), for steps that check an official's own EDS
      if (identityService.getUserInfo(demo.id(), StaffMembers.IIN) == null) {
        identityService.setUserInfo(demo.id(), StaffMembers.IIN, DemoPki.staffIin(demo.id()));
      }
      for (String group : demo.groups()) {
        if (identityService.createUserQuery().userId(demo.id()).memberOfGroup(group).count() == 0) {
          identityService.createMembership(demo.id(), group);
        }
      }
    }
    if (created > 0) {
      log.warn("Demo mode: created {} demo users with the demo password (see README); "
          + "run with the prod profile to start without them", created);
    }
  }
}
