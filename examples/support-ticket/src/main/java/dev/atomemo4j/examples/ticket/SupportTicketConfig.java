package dev.atomemo4j.examples.ticket;

import dev.atomemo4j.annotations.ConfigField;
import dev.atomemo4j.runtime.Secret;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/**
 * Where the ticket system is and how to reach it. {@code apiKey} is a {@link Secret}: the host masks it in its API
 * and logs, and it never appears in a stored action request.
 */
public record SupportTicketConfig(
    @ConfigField(label = "Ticket API URL", description = "Base URL of the ticket system's REST API.")
    @NotBlank @Pattern(regexp = "https?://.+") String apiUrl,

    @ConfigField(label = "API key", description = "Sent as a bearer token.")
    @NotNull Secret apiKey,

    @ConfigField(label = "Default priority", description = "Used when a request names none.",
        options = {"low", "normal", "high"}, defaultValue = "\"normal\"")
    @NotBlank String defaultPriority) {}
