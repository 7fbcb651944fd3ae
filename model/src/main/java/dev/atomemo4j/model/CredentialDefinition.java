package dev.atomemo4j.model;

import dev.atomemo4j.model.property.Property;
import java.util.List;

/** A credential the plugin declares; its parameters are the values a user stores for it. */
public record CredentialDefinition(
    String name,
    I18nText displayName,
    I18nText description,
    String icon,
    Boolean oauth2,
    String oauth2GrantType,
    List<Property> parameters) {

  public CredentialDefinition {
    parameters = parameters == null ? List.of() : List.copyOf(parameters);
  }

  public boolean isOAuth2() {
    return Boolean.TRUE.equals(oauth2);
  }
}
