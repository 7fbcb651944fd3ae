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
    java.util.Map<String, String> bySafeId = new java.util.HashMap<>();
    for (PluginInstance plugin : plugins) {
      SchemaBinding schema = plugin.descriptor().atlas().schema();
      if (schema == null) {
        continue;
      }
      String failure;
      String safe = TableNames.safe(plugin.id()).toLowerCase(java.util.Locale.ROOT);
      String sharer = bySafeId.putIfAbsent(safe, plugin.id());
      if (sharer != null) {
        // `a-b` and `a_b` would share plugin_a_b_* tables: the first keeps them, the second does not start.
        failure = "its tables would be named plugin_" + safe + "_…, as those of plugin `" + sharer + "`";
      } else {
        try {
          failure = migrator.migrate(SchemaPlan.of(plugin.id(), schema)).failure();
        } catch (IllegalArgumentException e) {
          failure = e.getMessage();
        }
      }
      if (failure == null) {
        String role = storage.dialect() == SqlDialect.POSTGRESQL
            ? PostgresRoles.ensure(storage.dataSource(), plugin.id(),
                schema.tables().stream().map(t -> TableNames.stored(plugin.id(), t.name())).toList())
            : null;
        plugin.attachDatabase(new ScopedDatabase(storage.dataSource(), storage.dialect(), plugin.id(), schema,
            role));
      } else {
        plugin.failBeforeInitialize("table migration failed: " + failure);
      }
    }
  }
}
