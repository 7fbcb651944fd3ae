package dev.atomemo4j.examples.search;

import dev.atomemo4j.annotations.ConfigField;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;

/** Where the ticket system's search API is. */
public record SearchConfig(
    @ConfigField(label = "Search API", description = "Base URL; the plugin POSTs queries to <url>/search.")
    @NotBlank @Pattern(regexp = "https?://.+") String url) {}
