package dev.atomemo4j.model.property;

import dev.atomemo4j.model.JsonValue;
import java.util.List;

/** A {@code number} or {@code integer} property: the two share one schema and differ only in {@code type}. */
public record NumberProperty(
    PropertyCommon common,
    boolean integer,
    JsonValue constant,
    JsonValue defaultValue,
    List<JsonValue> enumValues,
    Double maximum,
    Double minimum)
    implements Property {

  public NumberProperty {
    enumValues = enumValues == null ? null : List.copyOf(enumValues);
  }

  @Override
  public String type() {
    return integer ? "integer" : "number";
  }
}
