package kz.egov.workflow.access;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;

/**
 * Who calls the engine's REST API: on {@code /engine-rest} the HTTP Basic user (Camunda's filter has checked the
 * password before ours run), on the webapps' copy ({@code /camunda/api/engine}) the user signed in to the session.
 */
public final class RestCallers {

  public static final String ENGINE_REST = "/engine-rest";

  private RestCallers() {}

  public static Optional<String> userId(HttpServletRequest request) {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    if (path.startsWith(ENGINE_REST + "/")) {
      return basicUser(request.getHeader("Authorization"));
    }
    HttpSession session = request.getSession(false);
    if (session == null) {
      return Optional.empty();
    }
    return AuthenticationUtil.getAuthsFromSession(session).getAuthentications().stream()
        .filter(UserAuthentication.class::isInstance).map(a -> a.getName()).findFirst();
  }

  static Optional<String> basicUser(String header) {
    if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
      return Optional.empty();
    }
    try {
      String decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
      int colon = decoded.indexOf(':');
      return colon <= 0 ? Optional.empty() : Optional.of(decoded.substring(0, colon));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
