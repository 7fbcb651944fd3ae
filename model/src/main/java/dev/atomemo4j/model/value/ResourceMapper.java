package dev.atomemo4j.model.value;

import dev.atomemo4j.model.JsonValue;

/** The value of a {@code resource_mapper}: {@code manual} or {@code auto} mapping, and the mapping itself. */
public record ResourceMapper(String mappingMode, JsonValue value) {
  public static final String TYPE = "resource_mapper";
}
