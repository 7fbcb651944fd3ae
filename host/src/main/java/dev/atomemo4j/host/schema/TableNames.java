package dev.atomemo4j.host.schema;

import java.util.Locale;

/** How a plugin's table is called in the storage database: {@code plugin_<safe id>_<table>}, lower case. */
public final class TableNames {
  private TableNames() {}

  /** Atlas's rule (atlas-features.md §12): every character but a letter, a digit or {@code _} becomes {@code _}. */
  public static String safe(String pluginId) {
    return pluginId.replaceAll("[^A-Za-z0-9_]", "_");
  }

  /** The stored name of {@code table} of plugin {@code pluginId}. */
  public static String stored(String pluginId, String table) {
    return ("plugin_" + safe(pluginId) + "_" + table).toLowerCase(Locale.ROOT);
  }
}
