package kz.egov.workflow.registry;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import kz.egov.workflow.access.AccessProperties;
import kz.egov.workflow.access.SystemGroup;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.stereotype.Component;

/**
 * Who may read and change the state systems' data over {@code /api/v1}, used in
 * {@code @PreAuthorize("@stateSystemAccess.mayRead(authentication)")}. Readers: administrators, auditors,
 * the portal and service-center systems and operators, and every provider's staff (from
 * {@code egov.access.providers}). Writers of the embedded registries: {@code egov.registry.writer-groups}.
 */
@Component("stateSystemAccess")
public class StateSystemAccess {

  static final String ADMIN = "camunda-admin";

  private final Set<String> readers;
  private final Set<String> writers;

  public StateSystemAccess(AccessProperties access, RegistryProperties registry) {
    Set<String> groups = new HashSet<>(List.of(ADMIN, SystemGroup.AUDITOR.id(), SystemGroup.PORTAL.id(),
        SystemGroup.SERVICE_CENTER_SYSTEM.id(), SystemGroup.SERVICE_CENTER_OPERATOR.id()));
    access.providers().forEach(p -> groups.add(p.id()));
    groups.addAll(registry.writerGroups());
    this.readers = Set.copyOf(groups);
    this.writers = Set.copyOf(registry.writerGroups());
  }

  public boolean mayRead(Authentication authentication) {
    return hasAny(authentication, readers);
  }

  public boolean mayWrite(Authentication authentication) {
    return hasAny(authentication, writers);
  }

  /** The payment gateway's own notifications: its group and administrators. */
  public boolean mayNotifyPayment(Authentication authentication) {
    return hasAny(authentication, Set.of(ADMIN, SystemGroup.PAYMENT_GATEWAY.id()));
  }

  private static boolean hasAny(Authentication authentication, Set<String> groups) {
    if (authentication == null) {
      return false;
    }
    Set<String> held = authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority)
        .collect(Collectors.toSet());
    return groups.stream().anyMatch(held::contains);
  }
}
