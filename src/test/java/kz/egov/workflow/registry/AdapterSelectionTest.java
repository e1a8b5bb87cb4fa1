package kz.egov.workflow.registry;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/** {@code egov.registry.adapter} chooses the adapter behind the three registry ports. */
class AdapterSelectionTest {

  @Configuration
  @EnableConfigurationProperties(RegistryProperties.class)
  static class Infrastructure {
    @Bean
    ObjectMapper json() {
      return TestJson.MAPPER;
    }

    @Bean
    RegistryStore store() {
      return new RegistryStore(new JdbcTemplate());
    }
  }

  final ApplicationContextRunner context = new ApplicationContextRunner()
      .withUserConfiguration(Infrastructure.class, RegistryConfiguration.class);

  @Test
  void embeddedIsTheDefault() {
    context.run(c -> {
      assertThat(c).hasSingleBean(IndividualsRegistry.class);
      assertThat(c.getBean(NotaryRegistry.class)).isInstanceOf(EmbeddedRegistries.class);
    });
  }

  @Test
  void httpIsChosenByConfiguration() {
    context.withPropertyValues("egov.registry.adapter=http", "egov.registry.http.base-url=https://shep.example.kz/",
        "egov.registry.http.read-timeout=5s").run(c -> {
          assertThat(c.getBean(LegalEntitiesRegistry.class)).isInstanceOf(HttpRegistries.class);
          assertThat(c.getBean(RegistryProperties.class).http().readTimeout()).hasSeconds(5);
        });
  }

  @Test
  void httpWithoutABaseUrlFailsAtStartUpWithAClearMessage() {
    context.withPropertyValues("egov.registry.adapter=http").run(c -> assertThat(c).getFailure()
        .rootCause().hasMessageContaining("egov.registry.http.base-url is not set"));
  }
}
