package dev.atomemo4j.model.property;

import dev.atomemo4j.model.JsonValue;
import java.util.List;

public record BooleanProperty(
    PropertyCommon common, JsonValue constant, JsonValue defaultValue, List<JsonValue> enumValues)
    implements Property {

  public BooleanProperty {
    enumValues = enumValues == null ? null : List.copyOf(enumValues);
  }

  @Override
  public String type() {
    return "boolean";
  }
}
