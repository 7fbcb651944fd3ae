package dev.atomemo4j.core.lifecycle;

import dev.atomemo4j.runtime.spi.PluginDescriptor;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * One plugin a host is asked to run, as registered: its generated descriptor, the config it was given (not yet
 * validated), whether it starts enabled, and the operator's per-plugin deadlines.
 *
 * @param timeouts per-kind deadlines that override the annotation's and the host's defaults (still capped by the
 *     host maximum)
 */
public record PluginSpec(PluginDescriptor descriptor, ConfigInput config, boolean enabled,
    Map<CallKind, Duration> timeouts) {

  public PluginSpec {
    Objects.requireNonNull(descriptor, "descriptor");
    Objects.requireNonNull(config, "config");
    EnumMap<CallKind, Duration> copy = new EnumMap<>(CallKind.class);
    timeouts.forEach((kind, d) -> {
      Deadlines.requirePositive(kind.wireName(), d);
      copy.put(kind, d);
    });
    timeouts = Map.copyOf(copy);
  }

  /** Enabled, with the annotation's and host's deadlines. */
  public static PluginSpec of(PluginDescriptor descriptor, ConfigInput config) {
    return new PluginSpec(descriptor, config, true, Map.of());
  }

  /** The plugin's id in the host: its {@code @Plugin(name)}. */
  public String id() {
    return descriptor.name();
  }
}
