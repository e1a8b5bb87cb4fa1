package kz.egov.workflow.access;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import kz.egov.workflow.application.AsSystem;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.MessageSource;
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

  /** Pages outside the webapps: our own resources only, never framed by another site. */
  static final String WEB_CSP = "default-src 'self'; base-uri 'self'; object-src 'none'; frame-ancestors 'self'; "
      + "form-action 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'";
  /** No page of ours uses the camera, microphone, location or payment APIs. */
  static final String PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=(), payment=()";

  /** Groups that may read the access model itself. */
  static final String[] ACCESS_READERS = {"camunda-admin", SystemGroup.AUDITOR.id()};

  @Bean
  EngineUserAuthenticationProvider engineUserAuthenticationProvider(IdentityService identityService) {
    return new EngineUserAuthenticationProvider(identityService);
  }

  @Bean
  @Order(1)
  SecurityFilterChain apiSecurity(HttpSecurity http, IdentityService identityService, ObjectMapper json,
      MessageSource messages) throws Exception {
    http.securityMatcher("/api/**")
        .authorizeHttpRequests(requests -> requests
            .requestMatchers("/api/v1/access/**").hasAnyAuthority(ACCESS_READERS)
            // the QR code on every result document links here: anyone may check a document (documents/)
            .requestMatchers("/api/v1/documents/*/verify").permitAll()
            .anyRequest().authenticated())
        .httpBasic(basic -> basic.authenticationEntryPoint((request, response, e) -> {
          response.setHeader("WWW-Authenticate", "Basic realm=\"egov-workflow\"");
          problem(json, response, HttpServletResponse.SC_UNAUTHORIZED, "Unauthorized", messages,
              "security.unauthorized");
        }))
        .exceptionHandling(handling -> handling.accessDeniedHandler((request, response, e) ->
            problem(json, response, HttpServletResponse.SC_FORBIDDEN, "Forbidden", messages, "security.forbidden",
                request.getMethod(), request.getRequestURI())))
        .csrf(AbstractHttpConfigurer::disable)
        // JSON only: nothing to run, embed or frame
        .headers(headers -> headers
            .contentSecurityPolicy(csp -> csp.policyDirectives("default-src 'none'; frame-ancestors 'none'"))
            .frameOptions(frame -> frame.deny())
            .referrerPolicy(referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.NO_REFERRER))
            .permissionsPolicyHeader(permissions -> permissions.policy(PERMISSIONS_POLICY)))
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
        // The webapps (/camunda/*) get Camunda's own Content-Security-Policy with a per-page nonce (their forms
        // need its 'unsafe-eval'); Spring writes its headers when the response is committed and keeps a header
        // already set, so the policy below covers only everything else (engine-rest, redirects, errors).
        .headers(headers -> headers
            .contentSecurityPolicy(csp -> csp.policyDirectives(WEB_CSP))
            .frameOptions(frame -> frame.sameOrigin())
            .referrerPolicy(referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN))
            .permissionsPolicyHeader(permissions -> permissions.policy(PERMISSIONS_POLICY)))
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
  FilterRegistrationBean<TaskRequestChecks> taskRequestChecks(IdentityService identityService,
      AuthorizationService authorizations, TaskService tasks, AsSystem asSystem, ObjectMapper json,
      @Value("${camunda.bpm.webapp.application-path:/camunda}") String webappPath) {
    String webappApi = webappPath.replaceAll("/+$", "") + "/api/engine";
    FilterRegistrationBean<TaskRequestChecks> registration = new FilterRegistrationBean<>(new TaskRequestChecks(
        List.of(RestCallers.ENGINE_REST, webappApi), identityService, authorizations, tasks, asSystem, json));
    registration.setName("task-request-checks");
    registration.addUrlPatterns(RestCallers.ENGINE_REST + "/*", webappApi + "/*");
    registration.setOrder(Ordered.LOWEST_PRECEDENCE - 6);
    return registration;
  }

  /** A problem in English with its Kazakh and Russian (messages_{kk,ru}.properties). */
  private static void problem(ObjectMapper json, HttpServletResponse response, int status, String title,
      MessageSource messages, String code, Object... arguments) throws IOException {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("status", status);
    body.put("title", title);
    body.put("detail", messages.getMessage(code, arguments, Locale.ENGLISH));
    body.put("detailKk", messages.getMessage(code, arguments, Locale.forLanguageTag("kk")));
    body.put("detailRu", messages.getMessage(code, arguments, Locale.forLanguageTag("ru")));
    response.setStatus(status);
    response.setContentType("application/problem+json;charset=UTF-8");
    json.writeValue(response.getOutputStream(), body);
  }
}
