/**
 * Plugin tables in the host's storage database (atlas-features.md §12, §16 row 5): the versioned steps derived
 * from a plugin's {@code SchemaBinding} ({@link dev.atomemo4j.host.schema.SchemaPlan}), applied before its
 * initialize, each in its own transaction and tracked with a checksum in {@code plugin_migrations}
 * ({@link dev.atomemo4j.host.schema.SchemaMigrator}), and the scoped handle a plugin reaches them through
 * ({@link dev.atomemo4j.host.schema.ScopedDatabase}).
 */
package dev.atomemo4j.host.schema;
