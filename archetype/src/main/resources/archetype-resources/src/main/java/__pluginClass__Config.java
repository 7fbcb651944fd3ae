package ${package};

import dev.atomemo4j.annotations.ConfigField;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * What an operator sets for ${name} (in {@code host.yaml}, or in code). The host checks it before the plugin is
 * created and reports every problem at once; the processor generates the checks from these constraints, and the
 * admin form and JSON Schema from {@code @ConfigField}.
 */
public record ${pluginClass}Config(
    @ConfigField(label = "File", description = "A UTF-8 text file whose text goes into the system prompt.")
    @NotBlank String path,

    @ConfigField(label = "Section title", description = "The heading of the text in the system prompt.",
        defaultValue = "\"Background\"")
    @NotBlank @Size(max = 80) String title,

    @ConfigField(label = "Maximum characters", description = "Text past this many characters is left out.",
        defaultValue = "4000")
    @Min(1) @Max(100000) int maxChars) {}
