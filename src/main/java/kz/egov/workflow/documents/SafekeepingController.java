package kz.egov.workflow.documents;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import kz.egov.workflow.access.AccessProperties;
import kz.egov.workflow.access.SystemGroup;
import kz.egov.workflow.application.InvalidRequestException;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/documents/safekeeping?provider=<id>}: the results a provider keeps because the applicants did not
 * collect them by the deadline (R4 item 17.4), for its office clerks ({@code <provider>-clerk}), who hand them over,
 * and for auditors and administrators.
 */
@RestController
class SafekeepingController {

  private final Safekeeping safekeeping;
  private final Set<String> providers;

  SafekeepingController(Safekeeping safekeeping, AccessProperties access) {
    this.safekeeping = safekeeping;
    this.providers = access.providers().stream().map(AccessProperties.Provider::id).collect(Collectors.toSet());
  }

  record KeptResults(String provider, int count, List<Safekeeping.Kept> items) {}

  @GetMapping(path = "/api/v1/documents/safekeeping", produces = MediaType.APPLICATION_JSON_VALUE)
  KeptResults kept(@RequestParam String provider, Authentication caller) {
    Set<String> groups = caller.getAuthorities().stream().map(GrantedAuthority::getAuthority)
        .collect(Collectors.toSet());
    boolean reader = groups.contains(DocumentAccess.ADMIN) || groups.contains(SystemGroup.AUDITOR.id())
        || groups.contains(provider + "-clerk");
    if (!reader) {
      throw new AccessDeniedException("the safekeeping list of " + provider + " is for its office clerks");
    }
    if (!providers.contains(provider)) {
      throw new InvalidRequestException("provider '" + provider + "': one of " + providers.stream().sorted().toList());
    }
    List<Safekeeping.Kept> items = safekeeping.keptBy(provider);
    return new KeptResults(provider, items.size(), items);
  }
}
