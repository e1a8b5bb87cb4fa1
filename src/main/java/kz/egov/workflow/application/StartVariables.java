package kz.egov.workflow.application;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The start variables of docs/process-variables.md, checked for a process of the catalog however it is
 * started: {@code service} and {@code channel} match the process key, {@code requestKind} is one of the
 * service's, {@code applicantId} is a valid IIN/BIN of the kind the service accepts, and {@code formData},
 * when given, passes the service's schema. A provider-channel process may also start with no variables at
 * all (a provider's employee starts it in Tasklist; its first task collects the data, R2 №2 P3).
 */
@Component
public class StartVariables {

  private final ServiceCatalog catalog;
  private final FormSchemas schemas;
  private final ObjectMapper json;

  public StartVariables(ServiceCatalog catalog, FormSchemas schemas, ObjectMapper json) {
    this.catalog = catalog;
    this.schemas = schemas;
    this.json = json;
  }

  /**
   * Camunda's REST form of variables ({@code {"applicantId": {"value": "…", "type": "String"}}}) as plain
   * values: text as text, a Json (or JSON-serialised Object) variable as its JSON tree, anything else as given.
   */
  public Map<String, Object> fromEngineRest(JsonNode variables) {
    Map<String, Object> values = new LinkedHashMap<>();
    if (variables == null || !variables.isObject()) {
      return values;
    }
    variables.fields().forEachRemaining(e -> {
      JsonNode typed = e.getValue();
      JsonNode value = typed.isObject() && typed.has("value") ? typed.get("value") : typed.isObject() ? null : typed;
      String type = typed.path("type").asText("");
      String format = typed.path("valueInfo").path("serializationDataFormat").asText("");
      if (value == null || value.isNull()) {
        values.put(e.getKey(), null);
      } else if (value.isTextual() && ("json".equalsIgnoreCase(type) || "object".equalsIgnoreCase(type)
          && format.startsWith("application/json"))) {
        try {
          values.put(e.getKey(), json.readTree(value.asText()));
        } catch (IOException invalid) {
          values.put(e.getKey(), new Unreadable(type));
        }
      } else if (value.isTextual()) {
        values.put(e.getKey(), value.asText());
      } else {
        values.put(e.getKey(), value);
      }
    });
    return values;
  }

  /** A Json variable whose text is not JSON. */
  record Unreadable(String type) {}

  /** What is wrong with these start variables for {@code key}; empty when they may start it. */
  public List<String> problems(ServiceCatalog.ProcessKey key, Map<String, Object> variables) {
    List<String> problems = new ArrayList<>();
    Optional<ApplicationProperties.Service> found = catalog.service(key.service());
    if (found.isEmpty()) {
      return problems;
    }
    ApplicationProperties.Service service = found.get();
    if (!service.channels().contains(key.channel())) {
      problems.add("process " + key.value() + ": '" + key.channel() + "' is not a channel of " + key.service()
          + " (known: " + String.join(", ", service.channels()) + ")");
      return problems;
    }
    // an employee or a service-center operator starts in Tasklist with nothing; the first task collects the data
    if (variables.isEmpty() && List.of(ServiceCatalog.PROVIDER, ServiceCatalog.LOCAL_EXECUTIVE_BODY,
        ServiceCatalog.SERVICE_CENTER).contains(key.channel())) {
      return problems;
    }
    expect(variables, "service", key.service(), problems);
    expect(variables, "channel", key.channel(), problems);
    Object provider = variables.get("provider");
    if (provider != null && !service.provider().equals(provider)) {
      problems.add("provider: '" + provider + "', but " + key.service() + " is provided by " + service.provider());
    }
    String requestKind = null;
    if (!service.requestKinds().isEmpty()) {
      Object kind = variables.get("requestKind");
      if (!(kind instanceof String text) || text.isBlank()) {
        problems.add("requestKind: required, one of " + String.join(", ", service.requestKinds()));
      } else if (!service.requestKinds().contains(text)) {
        problems.add("requestKind: '" + text + "' is not a kind of request of " + key.service() + " (known: "
            + String.join(", ", service.requestKinds()) + ")");
      } else {
        requestKind = text;
      }
    }
    Object applicantId = variables.get("applicantId");
    if (!(applicantId instanceof String text) || text.isBlank()) {
      problems.add("applicantId: required, the applicant's " + switch (service.applicantKind()) {
        case BIN -> "BIN";
        case IIN -> "IIN";
        case ANY -> "IIN or BIN";
      });
    } else {
      service.applicantKind().problem(text).ifPresent(p -> problems.add("applicantId: " + p));
    }
    Object formData = variables.get("formData");
    if (formData instanceof Unreadable) {
      problems.add("formData: the Json variable's value is not JSON");
    } else if (formData instanceof JsonNode node && node.isObject()) {
      if (requestKind != null || service.requestKinds().isEmpty()) {
        problems.addAll(schemas.problems(key.service(), requestKind, node));
      }
    } else if (formData != null) {
      problems.add("formData: a Json variable holding the form's object is required");
    }
    return problems;
  }

  private static void expect(Map<String, Object> variables, String name, String expected, List<String> problems) {
    Object value = variables.get(name);
    if (value == null || value instanceof String text && text.isBlank()) {
      problems.add(name + ": required ('" + expected + "')");
    } else if (!expected.equals(value)) {
      problems.add(name + ": '" + value + "' does not match the process, expected '" + expected + "'");
    }
  }
}
