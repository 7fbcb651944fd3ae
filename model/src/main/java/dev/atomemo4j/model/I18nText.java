package dev.atomemo4j.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Localized text: locale key ({@code en_US}, {@code zh_Hans}, …) to string, in the author's order.
 *
 * <p>The model accepts any keys so that the validator can report bad ones; {@code en_US} is required by the
 * validator, not by this type.
 */
public record I18nText(Map<String, String> entries) {

  public I18nText {
    Objects.requireNonNull(entries, "entries");
    entries = Collections.unmodifiableMap(new LinkedHashMap<>(entries));
  }

  /** Text with only the required {@code en_US} entry. */
  public static I18nText en(String text) {
    return new I18nText(Map.of("en_US", text));
  }

  /** A copy with {@code locale} set to {@code text}, appended after the existing entries. */
  public I18nText with(String locale, String text) {
    Map<String, String> copy = new LinkedHashMap<>(entries);
    copy.put(locale, text);
    return new I18nText(copy);
  }

  public String get(String locale) {
    return entries.get(locale);
  }

  /** The {@code en_US} text, or null when it is missing. */
  public String english() {
    return entries.get("en_US");
  }
}
