package kz.egov.workflow.application;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.camunda.bpm.engine.RepositoryService;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/** The servlet filters of the application API and of engine-rest starts. */
@Configuration
class ApplicationWebConfiguration {

  /** After Spring Security (only signed-in callers get their body read), before Jackson reads it. */
  @Bean
  FilterRegistrationBean<RequestSizeLimit> applicationRequestSizeLimit(ServiceCatalog catalog, ObjectMapper json) {
    FilterRegistrationBean<RequestSizeLimit> registration = new FilterRegistrationBean<>(
        new RequestSizeLimit(catalog.limits().maxRequestBytes().toBytes(), json));
    registration.setName("application-request-size-limit");
    registration.addUrlPatterns(ApplicationLinks.BASE);
    registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER + 10);
    return registration;
  }

  /**
   * After Camunda's authentication filter of /engine-rest (LOWEST_PRECEDENCE - 10), before its REST servlet;
   * also on the webapps' REST API, through which Tasklist starts processes.
   */
  @Bean
  FilterRegistrationBean<EngineRestStartCheck> engineRestStartCheck(ServiceCatalog catalog,
      StartVariables startVariables, RepositoryService repository, AsSystem asSystem, ObjectMapper json,
      @Value("${camunda.bpm.webapp.application-path:/camunda}") String webappPath) {
    String webappApi = webappPath.replaceAll("/+$", "") + "/api/engine";
    FilterRegistrationBean<EngineRestStartCheck> registration = new FilterRegistrationBean<>(new EngineRestStartCheck(
        List.of(EngineRestStartCheck.ENGINE_REST, webappApi), catalog, startVariables, repository, asSystem, json));
    registration.setName("engine-rest-start-check");
    registration.addUrlPatterns(EngineRestStartCheck.ENGINE_REST + "/*", webappApi + "/*");
    registration.setOrder(Ordered.LOWEST_PRECEDENCE - 5);
    return registration;
  }
}
