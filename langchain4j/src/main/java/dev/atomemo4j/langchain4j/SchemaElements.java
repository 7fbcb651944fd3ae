package dev.atomemo4j.langchain4j;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.langchain4j.model.chat.request.json.JsonAnyOfSchema;
import dev.langchain4j.model.chat.request.json.JsonArraySchema;
import dev.langchain4j.model.chat.request.json.JsonBooleanSchema;
import dev.langchain4j.model.chat.request.json.JsonEnumSchema;
import dev.langchain4j.model.chat.request.json.JsonIntegerSchema;
import dev.langchain4j.model.chat.request.json.JsonNullSchema;
import dev.langchain4j.model.chat.request.json.JsonNumberSchema;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import dev.langchain4j.model.chat.request.json.JsonRawSchema;
import dev.langchain4j.model.chat.request.json.JsonSchemaElement;
import dev.langchain4j.model.chat.request.json.JsonStringSchema;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Converts a generated JSON Schema into LangChain4j's {@link JsonSchemaElement} model, losing no keyword a model
 * provider would check. The element types hold only a type, a description and their structure (properties,
 * required, items, enum values, any-of): a part of the schema that says exactly that becomes the matching element;
 * a part that says more (bounds, lengths, defaults, constants, formats, patterns) is kept whole as a {@link
 * JsonRawSchema} of its exact JSON, which LangChain4j sends as it is. The root must be an object (a tool's
 * parameters are); its {@code $schema} and {@code title} annotations have no place in {@link JsonObjectSchema} and
 * are the only keywords dropped.
 */
public final class SchemaElements {
  private static final ObjectMapper JSON = new ObjectMapper();
  /** Root annotations the root element cannot hold; no provider validates with them. */
  public static final Set<String> DROPPED_AT_ROOT = Set.of("$schema", "title");

  private SchemaElements() {}

  /**
   * The tool parameters of {@code schemaJson}, an object schema.
   *
   * @throws IllegalArgumentException when it is not JSON, or its root is not an object schema
   */
  public static JsonObjectSchema parameters(String schemaJson) {
    JsonNode root;
    try {
      root = JSON.readTree(schemaJson);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("a generated schema is not JSON: " + e.getOriginalMessage(), e);
    }
    if (!root.isObject() || !"object".equals(root.path("type").asText())) {
      throw new IllegalArgumentException("tool parameters must be an object schema, got " + root.path("type"));
    }
    return object(root, true);
  }

  /** One schema node as an element: the matching element type when it can hold all of it, else raw. */
  static JsonSchemaElement element(JsonNode node) {
    if (!node.isObject()) {
      return raw(node);
    }
    String type = node.path("type").isTextual() ? node.path("type").textValue() : null;
    if (node.has("anyOf") && onlyKeys(node, "anyOf", "description") && node.get("anyOf").isArray()) {
      List<JsonSchemaElement> options = new ArrayList<>();
      node.get("anyOf").forEach(n -> options.add(element(n)));
      return JsonAnyOfSchema.builder().description(description(node)).anyOf(options).build();
    }
    if (type == null) {
      return raw(node);
    }
    switch (type) {
      case "object":
        return onlyKeys(node, "type", "description", "properties", "required", "additionalProperties")
            && booleanOrAbsent(node.get("additionalProperties")) && stringsOrAbsent(node.get("required"))
            ? object(node, false) : raw(node);
      case "string":
        if (onlyKeys(node, "type", "description")) {
          return JsonStringSchema.builder().description(description(node)).build();
        }
        if (onlyKeys(node, "type", "description", "enum") && stringsOrAbsent(node.get("enum"))
            && node.get("enum").size() > 0) {
          List<String> values = new ArrayList<>();
          node.get("enum").forEach(v -> values.add(v.textValue()));
          return JsonEnumSchema.builder().description(description(node)).enumValues(values).build();
        }
        return raw(node);
      case "integer":
        return onlyKeys(node, "type", "description")
            ? JsonIntegerSchema.builder().description(description(node)).build() : raw(node);
      case "number":
        return onlyKeys(node, "type", "description")
            ? JsonNumberSchema.builder().description(description(node)).build() : raw(node);
      case "boolean":
        return onlyKeys(node, "type", "description")
            ? JsonBooleanSchema.builder().description(description(node)).build() : raw(node);
      case "null":
        return onlyKeys(node, "type") ? new JsonNullSchema() : raw(node);
      case "array":
        return onlyKeys(node, "type", "description", "items") && node.path("items").isObject()
            ? JsonArraySchema.builder().description(description(node)).items(element(node.get("items"))).build()
            : raw(node);
      default:
        return raw(node);
    }
  }

  private static JsonObjectSchema object(JsonNode node, boolean root) {
    JsonObjectSchema.Builder b = JsonObjectSchema.builder().description(description(node));
    Map<String, JsonSchemaElement> properties = new LinkedHashMap<>();
    node.path("properties").properties().forEach(p -> properties.put(p.getKey(), element(p.getValue())));
    b.addProperties(properties);
    JsonNode required = node.get("required");
    if (required != null && required.isArray()) {
      List<String> names = new ArrayList<>();
      required.forEach(r -> names.add(r.asText()));
      b.required(names);
    }
    JsonNode additional = node.get("additionalProperties");
    if (additional != null && additional.isBoolean()) {
      b.additionalProperties(additional.booleanValue());
    }
    if (root && node.has("$defs") && node.get("$defs").isObject()) {
      Map<String, JsonSchemaElement> definitions = new LinkedHashMap<>();
      node.get("$defs").properties().forEach(d -> definitions.put(d.getKey(), element(d.getValue())));
      b.definitions(definitions);
    }
    return b.build();
  }

  private static JsonRawSchema raw(JsonNode node) {
    return JsonRawSchema.from(node.toString());
  }

  private static String description(JsonNode node) {
    JsonNode d = node.get("description");
    return d != null && d.isTextual() ? d.textValue() : null;
  }

  private static boolean onlyKeys(JsonNode node, String... allowed) {
    Set<String> keys = Set.of(allowed);
    for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
      if (!keys.contains(it.next())) {
        return false;
      }
    }
    JsonNode d = node.get("description");
    return d == null || d.isTextual();
  }

  private static boolean booleanOrAbsent(JsonNode node) {
    return node == null || node.isBoolean();
  }

  private static boolean stringsOrAbsent(JsonNode node) {
    if (node == null) {
      return true;
    }
    if (!node.isArray()) {
      return false;
    }
    for (JsonNode n : node) {
      if (!n.isTextual()) {
        return false;
      }
    }
    return true;
  }
}
