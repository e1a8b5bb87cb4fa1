package kz.egov.workflow.access;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** The service providers the regulations name, and which regulations (diagram folders) each runs. */
@ConfigurationProperties("egov.access")
public record AccessProperties(List<Provider> providers) {

  public AccessProperties {
    providers = providers == null ? List.of() : List.copyOf(providers);
  }

  public record Provider(String id, String name, String nameKk, String nameRu, List<String> regulations) {

    public Provider {
      regulations = regulations == null ? List.of() : List.copyOf(regulations);
    }

    /** A diagram's process key starts with its regulation's folder name, e.g. {@code scrap-metal-license-portal}. */
    public boolean runs(String processDefinitionKey) {
      return regulations.stream().anyMatch(r -> processDefinitionKey.startsWith(r + "-"));
    }
  }
}
