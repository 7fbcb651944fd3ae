package dev.atomemo4j.model.property;

import dev.atomemo4j.model.JsonValue;
import java.util.List;

public record StringProperty(
    PropertyCommon common,
    JsonValue constant,
    JsonValue defaultValue,
    List<JsonValue> enumValues,
    Double maxLength,
    Double minLength)
    implements Property {

  public StringProperty {
    enumValues = enumValues == null ? null : List.copyOf(enumValues);
  }

  @Override
  public String type() {
    return "string";
  }
}
