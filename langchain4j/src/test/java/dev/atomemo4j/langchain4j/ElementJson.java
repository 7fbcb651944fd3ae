package dev.atomemo4j.langchain4j;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
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

/**
 * Renders a LangChain4j element tree back to JSON Schema with every member the elements hold (LangChain4j's own
 * {@code JsonSchemaElementUtils.toMap} leaves out {@code additionalProperties} unless in strict mode), so a test
 * can compare what the element model carries with the schema it was converted from.
 */
final class ElementJson {
  private static final ObjectMapper JSON = new ObjectMapper();

  private ElementJson() {}

  static JsonNode of(JsonSchemaElement element) throws Exception {
    ObjectNode out = JSON.createObjectNode();
    if (element instanceof JsonRawSchema raw) {
      return JSON.readTree(raw.schema());
    }
    if (element instanceof JsonAnyOfSchema any) {
      description(out, any.description());
      ArrayNode options = out.putArray("anyOf");
      for (JsonSchemaElement e : any.anyOf()) {
        options.add(of(e));
      }
      return out;
    }
    if (element instanceof JsonObjectSchema o) {
      out.put("type", "object");
      description(out, o.description());
      ObjectNode properties = out.putObject("properties");
      for (var p : o.properties().entrySet()) {
        properties.set(p.getKey(), of(p.getValue()));
      }
      if (o.required() != null) {
        o.required().forEach(out.putArray("required")::add);
      }
      if (o.additionalProperties() != null) {
        out.put("additionalProperties", o.additionalProperties());
      }
      return out;
    }
    if (element instanceof JsonEnumSchema e) {
      out.put("type", "string");
      description(out, e.description());
      e.enumValues().forEach(out.putArray("enum")::add);
      return out;
    }
    if (element instanceof JsonArraySchema a) {
      out.put("type", "array");
      description(out, a.description());
      out.set("items", of(a.items()));
      return out;
    }
    if (element instanceof JsonNullSchema) {
      return out.put("type", "null");
    }
    String type = element instanceof JsonStringSchema ? "string" : element instanceof JsonIntegerSchema ? "integer"
        : element instanceof JsonNumberSchema ? "number" : element instanceof JsonBooleanSchema ? "boolean" : null;
    if (type == null) {
      throw new IllegalArgumentException("no rendering for " + element.getClass());
    }
    out.put("type", type);
    description(out, element.description());
    return out;
  }

  private static void description(ObjectNode out, String description) {
    if (description != null) {
      out.put("description", description);
    }
  }
}
