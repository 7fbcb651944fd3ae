package dev.atomemo4j.core.lifecycle;

import dev.atomemo4j.runtime.PluginStatus;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One health round of a host: every plugin's probe result with its status and enabled flag at the end of the
 * round. {@code healthy} when every enabled plugin is healthy (disabled plugins are reported but do not count).
 */
public record HealthSnapshot(boolean healthy, Instant checkedAt, List<Entry> plugins) {

  public HealthSnapshot {
    Objects.requireNonNull(checkedAt, "checkedAt");
    plugins = List.copyOf(plugins);
  }

  /** A snapshot of these entries, healthy when every enabled one is. */
  public static HealthSnapshot of(Instant checkedAt, List<Entry> entries) {
    boolean healthy = entries.stream().filter(Entry::enabled).allMatch(e -> e.health().healthy());
    return new HealthSnapshot(healthy, checkedAt, entries);
  }

  public Optional<Entry> plugin(String pluginId) {
    return plugins.stream().filter(e -> e.pluginId().equals(pluginId)).findFirst();
  }

  /** One plugin in a round. */
  public record Entry(String pluginId, PluginStatus status, boolean enabled, PluginHealth health) {
    public Entry {
      Objects.requireNonNull(pluginId, "pluginId");
      Objects.requireNonNull(status, "status");
      Objects.requireNonNull(health, "health");
    }
  }
}
