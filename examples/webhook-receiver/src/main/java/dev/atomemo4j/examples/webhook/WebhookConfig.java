package dev.atomemo4j.examples.webhook;

import dev.atomemo4j.annotations.ConfigField;
import dev.atomemo4j.runtime.Secret;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/**
 * What an operator sets for the receiver: the key senders sign with, how old a signed request may be, and how many
 * accepted events are kept. The key is a {@link Secret}: masked in the admin API, never in a log or an error.
 */
public record WebhookConfig(
    @ConfigField(label = "Signing key",
        description = "The shared secret senders sign requests with (HMAC-SHA256); at least 16 characters.")
    @NotNull Secret signingKey,

    @ConfigField(label = "Timestamp tolerance (seconds)",
        description = "A request whose signed timestamp is further from now than this is refused as a replay.",
        defaultValue = "300")
    @Min(1) @Max(3600) int toleranceSeconds,

    @ConfigField(label = "Events kept", description = "The newest accepted events kept for GET /events.",
        defaultValue = "100")
    @Min(1) @Max(10000) int maxEvents) {}
