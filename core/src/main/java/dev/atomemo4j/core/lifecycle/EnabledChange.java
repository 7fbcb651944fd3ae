package dev.atomemo4j.core.lifecycle;

import java.time.Instant;
import java.util.Objects;

/** A plugin was enabled or disabled (a flag separate from its status). */
public record EnabledChange(String pluginId, boolean enabled, Instant at) {
  public EnabledChange {
    Objects.requireNonNull(pluginId, "pluginId");
    Objects.requireNonNull(at, "at");
  }
}
