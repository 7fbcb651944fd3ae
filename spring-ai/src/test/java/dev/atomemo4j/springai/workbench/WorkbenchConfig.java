package dev.atomemo4j.springai.workbench;

import dev.atomemo4j.annotations.ConfigField;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;

/** The greeting the action sends, and a bound the validator checks. */
public record WorkbenchConfig(
    @ConfigField(label = "Greeting") @NotBlank String greeting,
    @ConfigField(label = "Retries", defaultValue = "1") @Min(0) @Max(5) int retries) {}
