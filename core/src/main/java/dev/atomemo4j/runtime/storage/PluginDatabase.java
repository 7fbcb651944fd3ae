package dev.atomemo4j.runtime.storage;

import dev.atomemo4j.runtime.datasource.QueryResult;
import java.util.UUID;

/**
 * The plugin's own tables in the host's storage database ({@code PluginContext.db()}). Every statement is parsed
 * before it runs and refused with {@code db:table_not_owned} when it names a table that is not one of this
 * plugin's: another plugin's, the host's, a system catalog; and only reads and row changes run (tables change in
 * {@code @Migration} steps). Statements name tables by their full name, which
 * {@link #table} gives: {@code "SELECT title FROM " + db.table(Note.class) + " WHERE id = ?"}. Parameters bind to
 * {@code ?} in order. Each call is one transaction. Thread-safe.
 */
public interface PluginDatabase {

  /**
   * Runs a query and returns every row.
   *
   * @throws DatabaseException {@code db:table_not_owned}, {@code db:statement_not_allowed}, {@code db:unparsable},
   *     {@code db:statement_failed}
   */
  QueryResult query(String sql, Object... params);

  /**
   * Runs an {@code INSERT}, {@code UPDATE} or {@code DELETE}; returns the rows it changed. {@code updated_at} is
   * kept current by the database on every update.
   *
   * @throws DatabaseException {@code db:table_not_owned}, {@code db:statement_not_allowed}, {@code db:unparsable},
   *     {@code db:statement_failed}
   */
  int update(String sql, Object... params);

  /**
   * Inserts one row of a {@code @Table} record of this plugin; returns the id the database gave it.
   *
   * @throws DatabaseException {@code db:not_a_table} for a record the plugin does not list, or
   *     {@code db:statement_failed}
   */
  UUID insert(Record row);

  /**
   * The full name of one of the plugin's tables, e.g. {@code plugin_notes_store_note}.
   *
   * @throws DatabaseException {@code db:not_a_table} for a record the plugin does not list
   */
  String table(Class<? extends Record> table);

  /**
   * The full name of the plugin's table named {@code name} in its {@code @Table}.
   *
   * @throws DatabaseException {@code db:not_a_table} when the plugin has no such table
   */
  String table(String name);
}
