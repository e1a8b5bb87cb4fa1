package kz.egov.workflow.access;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;

/**
 * Who may call what.
 * <ul>
 *   <li>{@code /api/v1/**}: HTTP Basic against the engine's users (Spring Security); 401 without
 *       credentials, 403 without the right group.</li>
 *   <li>{@code /engine-rest/*}: HTTP Basic through Camunda's own filter ({@link EngineRestAuthenticationFilter});
 *       the engine's authorizations decide the rest (403 from the engine).</li>
 *   <li>The webapps (Tasklist, Cockpit, Admin) keep their own session login and CSRF protection.</li>
 * </ul>
 * Endpoints narrow who may call them with {@code @PreAuthorize("hasAnyAuthority('group', ...)")}.
 */
@Configuration
@EnableMethodSecurity
public class WebSecurityConfiguration {

  /** Groups that may read the access model itself. */
  static final String[] ACCESS_READERS = {"camunda-admin", SystemGroup.AUDITOR.id()};

  @Bean
  EngineUserAuthenticationProvider engineUserAuthenticationProvider(IdentityService identityService) {
    return new EngineUserAuthenticationProvider(identityService);
  }

  @Bean
  @Order(1)
  SecurityFilterChain apiSecurity(HttpSecurity http, IdentityService identityService, ObjectMapper json)
      throws Exception {
    http.securityMatcher("/api/**")
        .authorizeHttpRequests(requests -> requests
            .requestMatchers("/api/v1/access/**").hasAnyAuthority(ACCESS_READERS)
            // the QR code on every result document links here: anyone may check a document (documents/)
            .requestMatchers("/api/v1/documents/*/verify").permitAll()
            .anyRequest().authenticated())
        .httpBasic(basic -> basic.authenticationEntryPoint((request, response, e) -> {
          response.setHeader("WWW-Authenticate", "Basic realm=\"egov-workflow\"");
          problem(json, response, HttpServletResponse.SC_UNAUTHORIZED, "Unauthorized",
              "Sign in with HTTP Basic as a user of this application (see README, 'Demo users')");
        }))
        .exceptionHandling(handling -> handling.accessDeniedHandler((request, response, e) ->
            problem(json, response, HttpServletResponse.SC_FORBIDDEN, "Forbidden",
                "Your groups do not allow " + request.getMethod() + " " + request.getRequestURI())))
        .csrf(AbstractHttpConfigurer::disable)
        .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .addFilterAfter(new EngineIdentityFilter(identityService), AuthorizationFilter.class);
    return http.build();
  }

  @Bean
  @Order(2)
  SecurityFilterChain webSecurity(HttpSecurity http) throws Exception {
    // Camunda's webapps authenticate with their own session and protect against CSRF themselves;
    // /engine-rest is guarded by the engine's filter registered below.
    http.authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
        .csrf(AbstractHttpConfigurer::disable)
        .headers(headers -> headers
            .frameOptions(frame -> frame.sameOrigin())
            .referrerPolicy(referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)))
        .httpBasic(AbstractHttpConfigurer::disable)
        .formLogin(AbstractHttpConfigurer::disable)
        .requestCache(Customizer.withDefaults());
    return http.build();
  }

  @Bean
  FilterRegistrationBean<EngineRestAuthenticationFilter> engineRestAuthentication() {
    FilterRegistrationBean<EngineRestAuthenticationFilter> registration =
        new FilterRegistrationBean<>(new EngineRestAuthenticationFilter());
    registration.setName("engine-rest-authentication");
    registration.addInitParameter("authentication-provider", HttpBasicAuthenticationProvider.class.getName());
    registration.addUrlPatterns("/engine-rest/*");
    registration.setOrder(Ordered.LOWEST_PRECEDENCE - 10);
    return registration;
  }

  /** After Camunda's authentication of /engine-rest, before its REST servlet; also on the webapps' REST API. */
  @Bean
  FilterRegistrationBean<TaskClaimCheck> taskClaimCheck(IdentityService identityService, ObjectMapper json,
      @Value("${camunda.bpm.webapp.application-path:/camunda}") String webappPath) {
    String webappApi = webappPath.replaceAll("/+$", "") + "/api/engine";
    FilterRegistrationBean<TaskClaimCheck> registration = new FilterRegistrationBean<>(
        new TaskClaimCheck(List.of(RestCallers.ENGINE_REST, webappApi), identityService, json));
    registration.setName("task-claim-check");
    registration.addUrlPatterns(RestCallers.ENGINE_REST + "/*", webappApi + "/*");
    registration.setOrder(Ordered.LOWEST_PRECEDENCE - 6);
    return registration;
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
