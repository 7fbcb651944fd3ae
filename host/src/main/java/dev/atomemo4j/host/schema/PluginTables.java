package dev.atomemo4j.host.schema;

import dev.atomemo4j.core.lifecycle.PluginInstance;
import dev.atomemo4j.runtime.spi.SchemaBinding;
import java.util.List;

/**
 * Boot step 3 of atlas-features.md §5.3: every registered plugin's tables migrated, in registration order, before
 * any initialize. Each plugin is isolated: one whose steps fail (or whose applied step changed) is marked
 * unhealthy for good and is not initialized, and the others go on; a required one then stops the boot.
 */
public final class PluginTables {
  private PluginTables() {}

  /**
   * Migrates the plugins that declare tables and hands each its {@link ScopedDatabase}.
   *
   * @throws IllegalStateException when the tracking table cannot be created (the database is unusable)
   */
  public static void migrate(StorageDatabase storage, List<PluginInstance> plugins) {
    SchemaMigrator migrator = new SchemaMigrator(storage.dataSource(), storage.dialect());
    migrator.prepare();
    for (PluginInstance plugin : plugins) {
      SchemaBinding schema = plugin.descriptor().atlas().schema();
      if (schema == null) {
        continue;
      }
      String failure;
      try {
        failure = migrator.migrate(SchemaPlan.of(plugin.id(), schema)).failure();
      } catch (IllegalArgumentException e) {
        failure = e.getMessage();
      }
      if (failure == null) {
        plugin.attachDatabase(new ScopedDatabase(storage.dataSource(), storage.dialect(), plugin.id(), schema));
      } else {
        plugin.failBeforeInitialize("table migration failed: " + failure);
      }
    }
  }
}
