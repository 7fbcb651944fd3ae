package dev.atomemo4j.model.property;

import dev.atomemo4j.model.JsonValue;
import java.util.List;

public record ArrayProperty(
    PropertyCommon common,
    JsonValue constant,
    JsonValue defaultValue,
    List<JsonValue> enumValues,
    Property items,
    Double maxItems,
    Double minItems)
    implements Property {

  public ArrayProperty {
    enumValues = enumValues == null ? null : List.copyOf(enumValues);
  }

  @Override
  public String type() {
    return "array";
  }
}
