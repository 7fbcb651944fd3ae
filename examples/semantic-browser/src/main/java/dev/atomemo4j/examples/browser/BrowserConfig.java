package dev.atomemo4j.examples.browser;

import dev.atomemo4j.annotations.ConfigField;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/**
 * How much one command may print: the browser stops after this many lines (the host's byte limit still applies on
 * top).
 */
public record BrowserConfig(
    @ConfigField(label = "Maximum lines", description = "Lines one command prints at most.", defaultValue = "1000")
    @Min(1) @Max(100_000) int maxLines) {}
