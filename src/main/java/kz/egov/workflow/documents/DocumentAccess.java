package kz.egov.workflow.documents;

import java.util.HashSet;
import java.util.Set;
import java.util.stream.Collectors;
import kz.egov.workflow.access.AccessProperties;
import kz.egov.workflow.access.SystemGroup;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.stereotype.Component;

/**
 * Who may read an application's result over {@code /api/v1}: administrators, auditors and the staff of the
 * provider that issued it; the portal's and the service centers' systems (they hand results to applicants) only
 * for the applications they submitted themselves ({@link DocumentController} asks the application's views).
 */
@Component
public class DocumentAccess {

  static final String ADMIN = "camunda-admin";

  private final Set<String> everyDocument = Set.of(ADMIN, SystemGroup.AUDITOR.id());
  private final Set<String> someDocuments;

  public DocumentAccess(AccessProperties access) {
    Set<String> groups = new HashSet<>(everyDocument);
    groups.add(SystemGroup.PORTAL.id());
    groups.add(SystemGroup.SERVICE_CENTER_SYSTEM.id());
    access.providers().forEach(p -> groups.add(p.id()));
    this.someDocuments = Set.copyOf(groups);
  }

  /** Whether the caller may read some documents at all (others are refused before we say what exists). */
  public boolean mayReadSome(Authentication authentication) {
    return !intersect(authentication, someDocuments).isEmpty();
  }

  /** Without asking who submitted the application: administrators, auditors, the issuing provider's staff. */
  public boolean mayRead(Authentication authentication, ResultDocument document) {
    Set<String> held = groups(authentication);
    return everyDocument.stream().anyMatch(held::contains) || held.contains(document.provider().id());
  }

  private static Set<String> intersect(Authentication authentication, Set<String> groups) {
    Set<String> held = groups(authentication);
    held.retainAll(groups);
    return held;
  }

  private static Set<String> groups(Authentication authentication) {
    if (authentication == null) {
      return new HashSet<>();
    }
    return authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority)
        .collect(Collectors.toCollection(HashSet::new));
  }
}
