package dev.atomemo4j.runtime.spi;

import java.util.Objects;

/**
 * One broken config rule. Never quotes a secret value; messages quote no value at all, only the rule.
 *
 * @param path the field path ({@code apiUrl}; a host prefixes the plugin: {@code plugins.tickets.config.apiUrl})
 * @param code a stable code: {@code config:<rule>} ({@code config:not_blank}, {@code config:size},
 *     {@code config:required}, {@code config:invalid_type}, …)
 * @param message what is wrong, in words
 */
public record ConfigViolation(String path, String code, String message) {

  public ConfigViolation {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(message, "message");
  }

  /** Where a check reports: the key is known to the sink, so a check names only the rule. */
  @FunctionalInterface
  public interface Sink {
    void add(String code, String message);
  }

  @Override
  public String toString() {
    return path + ": " + message + " [" + code + "]";
  }
}
