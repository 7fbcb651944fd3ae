package dev.atomemo4j.model.property;

import dev.atomemo4j.model.I18nText;

/**
 * A mode of a resource locator: {@code list} (with {@code searchListMethod}), {@code url} (with
 * {@code extractRegex}) or {@code id}. Members that do not belong to the mode's type are not written.
 */
public record LocatorMode(
    String type,
    I18nText displayName,
    I18nText placeholder,
    String searchListMethod,
    Boolean searchable,
    String extractRegex) {

  public static LocatorMode list(String method, Boolean searchable) {
    return new LocatorMode("list", null, null, method, searchable, null);
  }

  public static LocatorMode url(String regex) {
    return new LocatorMode("url", null, null, null, null, regex);
  }

  public static LocatorMode id() {
    return new LocatorMode("id", null, null, null, null, null);
  }
}
