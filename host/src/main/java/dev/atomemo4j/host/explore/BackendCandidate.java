package dev.atomemo4j.host.explore;

import dev.atomemo4j.core.lifecycle.PluginInstance;
import dev.atomemo4j.runtime.PluginStatus;
import dev.atomemo4j.runtime.sandbox.SandboxCapabilities;
import java.nio.file.Path;
import java.util.Comparator;

/**
 * One backend a selection may try: a sandbox plugin (with its instance) or a built-in (plugin null).
 *
 * @param order registration order among plugins, list order among built-ins
 */
record BackendCandidate(String name, int priority, SandboxCapabilities capabilities, String description,
    PluginInstance plugin, int order, Opener opener) {

  /**
   * The one documented ordering: priority, highest first; on a tie plugins before built-ins, then registration
   * (plugins) or list (built-ins) order.
   */
  static final Comparator<BackendCandidate> ORDER = Comparator.comparingInt(BackendCandidate::priority).reversed()
      .thenComparing(c -> c.plugin() == null)
      .thenComparingInt(BackendCandidate::order);

  /** Creates the backend over a semantic root. */
  @FunctionalInterface
  interface Opener {
    RunningBackend open(Path semanticRoot) throws Exception;
  }

  /** Null when the backend may be used now; else why not (a plugin not healthy, disabled, or never created). */
  String unavailable() {
    if (plugin == null) {
      return null;
    }
    if (!plugin.enabled()) {
      return "the plugin is disabled";
    }
    PluginStatus status = plugin.status();
    if (status != PluginStatus.HEALTHY) {
      return "the plugin is " + status.wireName();
    }
    if (plugin.pluginObject() == null) {
      return "the plugin object was not created";
    }
    return null;
  }
}
