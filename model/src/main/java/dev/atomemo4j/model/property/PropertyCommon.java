package dev.atomemo4j.model.property;

import dev.atomemo4j.model.I18nText;
import java.util.List;

/**
 * The members every property type but {@code discriminated_union} shares, written before {@code type} in
 * this order.
 */
public record PropertyCommon(
    String name,
    I18nText displayName,
    Boolean required,
    Display display,
    Ai ai,
    Ui ui,
    List<String> dependsOn,
    String decoder) {

  public PropertyCommon {
    dependsOn = dependsOn == null ? null : List.copyOf(dependsOn);
  }

  public static PropertyCommon named(String name) {
    return new PropertyCommon(name, null, null, null, null, null, null, null);
  }

  public boolean isRequired() {
    return Boolean.TRUE.equals(required);
  }

  public PropertyCommon withName(String newName) {
    return new PropertyCommon(newName, displayName, required, display, ai, ui, dependsOn, decoder);
  }

  public PropertyCommon withUi(Ui newUi) {
    return new PropertyCommon(name, displayName, required, display, ai, newUi, dependsOn, decoder);
  }
}
