package dev.atomemo4j.host.testplugins;

import dev.atomemo4j.runtime.HealthResult;
import dev.atomemo4j.runtime.PluginContext;
import java.util.concurrent.atomic.AtomicReference;

/** A plugin with a config holding a secret; its registry ({@link TicketsPluginRegistry}) is on the service path. */
public final class TicketsPlugin {
  /** The config the last instance was initialized with, read through the context. */
  public static final AtomicReference<TicketsConfig> LAST_CONFIG = new AtomicReference<>();

  private final TicketsConfig config;

  public TicketsPlugin(TicketsConfig config) {
    this.config = config;
  }

  public void init(PluginContext context) {
    LAST_CONFIG.set(context.config(TicketsConfig.class));
    context.logger().info("tickets plugin ready for {} (key {})", config.apiUrl(), config.apiKey());
  }

  public HealthResult health() {
    return HealthResult.ok("reaching " + config.apiUrl());
  }
}
