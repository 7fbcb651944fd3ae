package dev.atomemo4j.core.lifecycle;

import dev.atomemo4j.runtime.PluginStatus;
import java.time.Instant;
import java.util.Objects;

/**
 * A plugin moved from one status to another.
 *
 * @param from the previous status; null for the registration itself
 * @param reason why, in words ({@code "initialized"}, {@code "timed out after 5000 ms"}, a probe's message)
 * @param at when, by the host's clock
 */
public record StatusTransition(String pluginId, PluginStatus from, PluginStatus to, String reason, Instant at) {
  public StatusTransition {
    Objects.requireNonNull(pluginId, "pluginId");
    Objects.requireNonNull(to, "to");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(at, "at");
  }

  @Override
  public String toString() {
    return pluginId + ": " + (from == null ? "(new)" : from.wireName()) + " -> " + to.wireName() + " (" + reason
        + ")";
  }
}
