package dev.atomemo4j.model.property;

import dev.atomemo4j.model.I18nText;
import dev.atomemo4j.model.JsonValue;

/** An option of a select, radio group or multi-select: where labels belong (never in {@code enum}). */
public record UiOption(String icon, I18nText label, JsonValue value) {}
