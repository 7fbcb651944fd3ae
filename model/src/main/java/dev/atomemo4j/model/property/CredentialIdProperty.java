package dev.atomemo4j.model.property;

import dev.atomemo4j.model.JsonValue;
import java.util.List;

/**
 * A reference to a stored credential instance of the credential named {@code credentialName}. At run time the
 * value is an instance id, the key into the request's {@code credentials} map.
 */
public record CredentialIdProperty(
    PropertyCommon common,
    String credentialName,
    JsonValue constant,
    JsonValue defaultValue,
    List<JsonValue> enumValues)
    implements Property {

  public CredentialIdProperty {
    enumValues = enumValues == null ? null : List.copyOf(enumValues);
  }

  public static CredentialIdProperty of(PropertyCommon common, String credentialName) {
    return new CredentialIdProperty(common, credentialName, null, null, null);
  }

  @Override
  public String type() {
    return "credential_id";
  }
}
