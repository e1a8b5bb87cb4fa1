package kz.egov.workflow.application;

import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The signed-in user of {@code /api/v1} and the groups that decide what they may do. {@code onBehalfOf} is the
 * IIN/BIN the portal says it reads for (header {@value #ON_BEHALF_OF}): the portal is one technical user for every
 * applicant, and a confidential service's application is shown only to its own applicant (R5 item 17).
 */
public record Caller(String userId, Set<String> groups, String onBehalfOf) {

  public static final String ON_BEHALF_OF = "X-Applicant-Id";

  public Caller(String userId, Set<String> groups) {
    this(userId, groups, null);
  }

  public static Caller of(Authentication authentication) {
    return new Caller(authentication.getName(), authentication.getAuthorities().stream()
        .map(GrantedAuthority::getAuthority).collect(Collectors.toUnmodifiableSet()), onBehalfOfHeader());
  }

  private static String onBehalfOfHeader() {
    RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
    if (attributes instanceof ServletRequestAttributes servlet) {
      String value = servlet.getRequest().getHeader(ON_BEHALF_OF);
      return value == null || value.isBlank() ? null : value.strip();
    }
    return null;
  }
}
