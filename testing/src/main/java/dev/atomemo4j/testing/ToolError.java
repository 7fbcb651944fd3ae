package dev.atomemo4j.testing;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * An error a plugin (or the hub) answered: its stable {@code code} (e.g. {@code sdk:invalid_parameter},
 * {@code sdk:tool_not_found}, a {@code ToolException}'s own code, {@code devhub:timeout}), its message, and the
 * whole error object for anything else it carries.
 */
public record ToolError(String code, String message, JsonNode raw) {

  static ToolError of(JsonNode error) {
    if (error == null || error.isNull()) {
      return new ToolError(null, null, error);
    }
    return new ToolError(text(error, "code"), text(error, "message"), error);
  }

  private static String text(JsonNode node, String field) {
    JsonNode v = node.get(field);
    return v == null || v.isNull() ? null : v.asText();
  }

  @Override
  public String toString() {
    return "[" + code + "] " + message;
  }
}
