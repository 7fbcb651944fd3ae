package dev.atomemo4j.model.property;

import dev.atomemo4j.model.JsonValue;
import java.util.List;

/**
 * An object with named {@code properties} and, optionally, a schema for any further keys
 * ({@code additional_properties}, how a {@code Map<String, V>} is declared).
 */
public record ObjectProperty(
    PropertyCommon common,
    List<Property> properties,
    Property additionalProperties,
    JsonValue constant,
    JsonValue defaultValue,
    List<JsonValue> enumValues)
    implements Property {

  public ObjectProperty {
    properties = properties == null ? null : List.copyOf(properties);
    enumValues = enumValues == null ? null : List.copyOf(enumValues);
  }

  public static ObjectProperty of(PropertyCommon common, List<Property> properties) {
    return new ObjectProperty(common, properties, null, null, null, null);
  }

  @Override
  public String type() {
    return "object";
  }
}
