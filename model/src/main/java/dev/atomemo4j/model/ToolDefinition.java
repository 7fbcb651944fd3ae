package dev.atomemo4j.model;

import dev.atomemo4j.model.property.Property;
import java.util.List;

/** A tool the Hub can invoke; {@code skill} is optional Markdown describing inputs and outputs for the AI. */
public record ToolDefinition(
    String name,
    I18nText displayName,
    I18nText description,
    String icon,
    List<Property> parameters,
    String skill) {

  public ToolDefinition {
    parameters = parameters == null ? List.of() : List.copyOf(parameters);
  }
}
