package dev.atomemo4j.examples.postgres;

import dev.atomemo4j.annotations.ConfigField;
import dev.atomemo4j.runtime.Secret;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;

/**
 * Where the database is and who the plugin is there. The password is a {@link Secret}: masked in the admin API,
 * never in a log, an error or a health message; give it from the environment in a host file.
 */
public record PostgresConfig(
    @ConfigField(label = "JDBC URL", description = "e.g. jdbc:postgresql://db:5432/shop (options after ?).")
    @NotBlank @Pattern(regexp = "jdbc:postgresql://.+") String url,

    @ConfigField(label = "User", description = "A role that may only read the entities' tables.")
    @NotBlank String user,

    @ConfigField(label = "Password")
    Secret password,

    @ConfigField(label = "Pool size", description = "The most connections the plugin holds open.",
        defaultValue = "4")
    @Min(1) @Max(64) int poolSize) {}
