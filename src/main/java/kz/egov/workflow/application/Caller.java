package kz.egov.workflow.application;

import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

/** The signed-in user of {@code /api/v1} and the groups that decide what they may do. */
public record Caller(String userId, Set<String> groups) {

  public static Caller of(Authentication authentication) {
    return new Caller(authentication.getName(), authentication.getAuthorities().stream()
        .map(GrantedAuthority::getAuthority).collect(Collectors.toUnmodifiableSet()));
  }
}
