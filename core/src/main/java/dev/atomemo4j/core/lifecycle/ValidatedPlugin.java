package dev.atomemo4j.core.lifecycle;

import java.util.Objects;

/**
 * A plugin whose config passed every check. Only {@link ConfigValidator} makes one, and a {@link PluginInstance} is
 * built only from one, so no plugin object ever sees an invalid config.
 */
public final class ValidatedPlugin {
  private final PluginSpec spec;
  private final Object config;

  ValidatedPlugin(PluginSpec spec, Object config) {
    this.spec = Objects.requireNonNull(spec, "spec");
    this.config = config;
  }

  public PluginSpec spec() {
    return spec;
  }

  /** The validated config record, or null when the plugin declares none. */
  public Object config() {
    return config;
  }
}
