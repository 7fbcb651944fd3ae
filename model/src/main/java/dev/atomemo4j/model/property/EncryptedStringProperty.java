package dev.atomemo4j.model.property;

import dev.atomemo4j.model.JsonValue;
import java.util.List;

/**
 * A secret the Hub stores encrypted. {@code constant}, {@code default} and {@code enum} are kept only so the
 * validator can reject them.
 */
public record EncryptedStringProperty(
    PropertyCommon common, JsonValue constant, JsonValue defaultValue, List<JsonValue> enumValues)
    implements Property {

  public EncryptedStringProperty {
    enumValues = enumValues == null ? null : List.copyOf(enumValues);
  }

  public static EncryptedStringProperty of(PropertyCommon common) {
    return new EncryptedStringProperty(common, null, null, null);
  }

  @Override
  public String type() {
    return "encrypted_string";
  }
}
