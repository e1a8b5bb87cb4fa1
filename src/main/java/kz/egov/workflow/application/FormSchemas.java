package kz.egov.workflow.application;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.NodePath;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;
import org.springframework.stereotype.Component;

/**
 * The application forms' JSON Schemas (draft 2020-12), one file per service kept beside its diagrams
 * ({@code processes/<service>/request.schema.json}) so that analysts edit them with the diagrams. The root
 * schema applies to every kind of request; {@code $defs/<requestKind>}, when present, adds what that kind
 * needs (R2: the licence number and the reason for a re-issuance or a duplicate). Read once at start: a
 * schema that does not load stops the start rather than letting every application through.
 */
@Component
public class FormSchemas {

  /**
   * The schema's own keyword for what JSON Schema cannot say, that one date field is not before another:
   * {@code "x-not-before": {"exportUntil": "exportFrom"}} (R1, R3: the export period ends after it starts).
   */
  static final String NOT_BEFORE = "x-not-before";

  private final Map<String, JsonNode> roots = new HashMap<>();
  private final Map<String, Schema> compiled = new HashMap<>();
  private final SchemaRegistry registry;

  public FormSchemas(ApplicationProperties properties, ResourceLoader resources, ObjectMapper json) {
    this.registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12, builder -> builder
        .schemaRegistryConfig(SchemaRegistryConfig.builder().formatAssertionsEnabled(true).locale(Locale.ENGLISH)
            .build()));
    properties.services().forEach((service, definition) -> {
      if (definition.formSchema() == null || definition.formSchema().isBlank()) {
        return;
      }
      Resource resource = resources.getResource(definition.formSchema());
      try (InputStream in = resource.getInputStream()) {
        JsonNode root = json.readTree(in);
        roots.put(service, root);
        for (String kind : kindsOf(definition)) {
          compiled.put(service + "/" + kind, compile(service, root, kind));
        }
      } catch (IOException e) {
        throw new UncheckedIOException("egov.applications.services." + service + ".form-schema "
            + definition.formSchema() + ": " + e.getMessage(), e);
      } catch (RuntimeException e) {
        throw new IllegalStateException("egov.applications.services." + service + ".form-schema "
            + definition.formSchema() + " is not a usable JSON Schema: " + e.getMessage(), e);
      }
    });
  }

  private static List<String> kindsOf(ApplicationProperties.Service definition) {
    return definition.requestKinds().isEmpty() ? List.of("") : definition.requestKinds();
  }

  /** The root schema with {@code $defs/<kind>} joined in through {@code allOf}, so that paths stay the form's. */
  private Schema compile(String service, JsonNode root, String kind) {
    ObjectNode schema = root.deepCopy();
    if (!kind.isEmpty() && root.path("$defs").has(kind)) {
      JsonNode allOf = schema.get("allOf");
      ArrayNode joined = allOf instanceof ArrayNode array ? array : schema.putArray("allOf");
      joined.addObject().put("$ref", "#/$defs/" + kind);
    }
    schema.remove("$id");
    schema.remove(NOT_BEFORE);
    return registry.getSchema(SchemaLocation.of("urn:egov:form:" + service + (kind.isEmpty() ? "" : ":" + kind)),
        schema);
  }

  public boolean has(String service) {
    return roots.containsKey(service);
  }

  /**
   * What is wrong with {@code formData} for this service and kind of request, each problem naming its field
   * ({@code formData.metals[0]: ...}); empty when it is valid or the service has no schema.
   */
  public List<String> problems(String service, String requestKind, JsonNode formData) {
    Schema schema = compiled.get(service + "/" + (requestKind == null ? "" : requestKind));
    if (schema == null) {
      schema = compiled.get(service + "/");
    }
    if (schema == null) {
      return List.of();
    }
    List<String> problems = new ArrayList<>();
    for (Error error : schema.validate(formData)) {
      problems.add(describe(error));
    }
    JsonNode order = roots.get(service) == null ? null : roots.get(service).get(NOT_BEFORE);
    if (order != null && order.isObject() && formData != null) {
      order.fields().forEachRemaining(e -> datesInOrder(formData, e.getKey(), e.getValue().asText(), problems));
    }
    return problems.stream().distinct().sorted().toList();
  }

  /** {@code later} is not before {@code earlier} when both are dates (a malformed date the schema names already). */
  private static void datesInOrder(JsonNode formData, String later, String earlier, List<String> problems) {
    try {
      java.time.LocalDate to = java.time.LocalDate.parse(formData.path(later).asText());
      java.time.LocalDate from = java.time.LocalDate.parse(formData.path(earlier).asText());
      if (to.isBefore(from)) {
        problems.add("formData." + later + ": not before " + earlier + " (" + from + ")");
      }
    } catch (java.time.format.DateTimeParseException absentOrMalformed) {
      // required and format are the schema's to report
    }
  }

  /** {@code formData.<field>: <what is wrong>}; a missing required field is named as the field itself. */
  private static String describe(Error error) {
    String path = "formData" + fieldPath(error.getInstanceLocation());
    String message = error.getMessage();
    String keyword = error.getKeyword();
    if ("required".equals(keyword) && error.getProperty() != null) {
      return path + "." + error.getProperty() + ": required";
    }
    if ("false".equals(keyword) || message.contains("schema for") && message.contains("is false")) {
      return path + ": not a field of this kind of request";
    }
    if ("additionalProperties".equals(keyword) && error.getProperty() != null) {
      return path + "." + error.getProperty() + ": not a field of this form";
    }
    // the library's message may start with the instance location ("/metals/0: ..."); the path is ours
    int colon = message.indexOf(": ");
    if ((message.startsWith("/") || message.startsWith("$")) && colon > 0) {
      message = message.substring(colon + 2);
    }
    return path + ": " + message;
  }

  /** {@code .metals[0]} from the library's path of the instance. */
  private static String fieldPath(NodePath location) {
    StringBuilder path = new StringBuilder();
    for (int i = 0; i < location.getNameCount(); i++) {
      Object element = location.getElement(i);
      path.append(element instanceof Integer index ? "[" + index + "]" : "." + element);
    }
    return path.toString();
  }
}
