package kz.egov.workflow.audit;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.webapp.impl.security.auth.Authentication;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Who reaches {@code /api/v1/audit/**}: HTTP Basic as on the rest of {@code /api/v1} (access/WebSecurityConfiguration),
 * and also the Camunda webapps' own sign-in, so that an auditor signed in to Cockpit opens the report page
 * (/audit/) without a second login. The session is only read, for GET requests (the report writes nothing),
 * and the user's groups are taken from the identity service at each request, not from the session.
 * Which groups may read what is the controller's decision (auditors, administrators, a provider's head).
 */
@Configuration
class AuditSecurityConfiguration {

  @Bean
  @Order(0)
  SecurityFilterChain auditSecurity(HttpSecurity http, ProcessEngine engine, ObjectMapper json) throws Exception {
    http.securityMatcher("/api/v1/audit/**")
        .authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
        .httpBasic(basic -> basic.authenticationEntryPoint((request, response, e) -> {
          response.setHeader("WWW-Authenticate", "Basic realm=\"egov-workflow\"");
          problem(json, response, HttpServletResponse.SC_UNAUTHORIZED, "Unauthorized",
              "Sign in to Cockpit, or with HTTP Basic, as an auditor (see docs/audit.md)");
        }))
        .addFilterAfter(new CockpitSignIn(engine), BasicAuthenticationFilter.class)
        .csrf(AbstractHttpConfigurer::disable)
        .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS));
    return http.build();
  }

  /** The user signed in to the Camunda webapps (Cockpit, Tasklist) of this engine, for reading requests. */
  static final class CockpitSignIn extends OncePerRequestFilter {

    private final ProcessEngine engine;

    CockpitSignIn(ProcessEngine engine) {
      this.engine = engine;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
        throws ServletException, IOException {
      var current = SecurityContextHolder.getContext().getAuthentication();
      HttpSession session = request.getSession(false);
      boolean reading = "GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod());
      if ((current == null || !current.isAuthenticated()) && session != null && reading) {
        Authentications signedIn = AuthenticationUtil.getAuthsFromSession(session);
        Authentication user = signedIn == null ? null : signedIn.getAuthenticationForProcessEngine(engine.getName());
        IdentityService identity = engine.getIdentityService();
        if (user != null && user.getIdentityId() != null
            && identity.createUserQuery().userId(user.getIdentityId()).count() == 1) {
          List<SimpleGrantedAuthority> groups = identity.createGroupQuery().groupMember(user.getIdentityId()).list()
              .stream().map(Group::getId).map(SimpleGrantedAuthority::new).toList();
          var context = SecurityContextHolder.createEmptyContext();
          context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user.getIdentityId(), null,
              groups));
          SecurityContextHolder.setContext(context);
        }
      }
      chain.doFilter(request, response);
    }
  }

  private static void problem(ObjectMapper json, HttpServletResponse response, int status, String title,
      String detail) throws IOException {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("status", status);
    body.put("title", title);
    body.put("detail", detail);
    response.setStatus(status);
    response.setContentType("application/problem+json;charset=UTF-8");
    json.writeValue(response.getOutputStream(), body);
  }
}
