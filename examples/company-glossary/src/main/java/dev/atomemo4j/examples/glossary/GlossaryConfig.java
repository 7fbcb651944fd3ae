package dev.atomemo4j.examples.glossary;

import dev.atomemo4j.annotations.ConfigField;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * What an operator sets for the glossary: where the file is, how the prompt section is titled, and how many terms
 * it may hold. The host validates it before the plugin is created, with every problem reported at once.
 */
public record GlossaryConfig(
    @ConfigField(label = "Glossary file",
        description = "A UTF-8 text file with one `term: definition` per line; lines starting with # are comments.")
    @NotBlank String path,

    @ConfigField(label = "Section title", description = "The heading of the glossary in the system prompt.",
        defaultValue = "\"Company glossary\"")
    @NotBlank @Size(max = 80) String title,

    @ConfigField(label = "Maximum terms",
        description = "Terms past this many are left out of the prompt, and the health check says so.",
        defaultValue = "200")
    @Min(1) @Max(5000) int maxTerms) {}
