package dev.atomemo4j.model.property;

import dev.atomemo4j.model.JsonValue;

/** Visibility conditions over sibling values: MongoDB-style filters, kept verbatim. */
public record Display(JsonValue hide, JsonValue show) {}
