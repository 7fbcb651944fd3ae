package dev.atomemo4j.runtime;

import dev.atomemo4j.runtime.storage.PluginDatabase;
import org.slf4j.Logger;

/**
 * What the host gives a plugin at {@code @Initialize}: who it is, its own validated config, a logger bound to its
 * id, and a place to register resources the host closes after {@code @Teardown}. Scoped to one plugin: it reaches
 * nothing of another plugin or of the host's own configuration. Later parts add storage, connections and host
 * services here.
 */
public interface PluginContext {

  /** The plugin's id in this host (its {@code @Plugin(name)}). */
  String pluginId();

  /** A logger named {@code atomemo4j.plugin.<id>}. */
  Logger logger();

  /**
   * The plugin's validated config.
   *
   * @throws IllegalStateException when the plugin declares no config
   * @throws ClassCastException when {@code type} is not the declared config record
   */
  <C> C config(Class<C> type);

  /**
   * Closes {@code resource} after the plugin's {@code @Teardown} (and when initialization fails), in reverse order of
   * registration, each under the teardown deadline; a failure is logged and the next one is closed.
   */
  void closeOnTeardown(AutoCloseable resource);

  /**
   * The plugin's own tables ({@code @Plugin(tables)}) in the host's storage database, migrated before
   * {@code @Initialize}. Reaches no other table.
   *
   * @throws IllegalStateException when the host has no storage database, or the plugin declares no tables
   */
  default PluginDatabase db() {
    throw new IllegalStateException("plugin `" + pluginId() + "` runs in a host without a storage database");
  }
}
