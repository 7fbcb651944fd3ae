package dev.atomemo4j.runtime.storage;

/**
 * What an {@code @Migration} method may do, recorded and then run by the host in the step's transaction. Tables are
 * named as in their {@code @Table(name)}, and only the plugin's own can be named. A step is described again at
 * every boot (its checksum is compared with the applied one), so its method must do nothing but call these.
 */
public interface MigrationStep {

  /** {@code ALTER TABLE … RENAME COLUMN from TO to}. Declare the column under its new name in the record. */
  void renameColumn(String table, String from, String to);

  /** {@code ALTER TABLE … DROP COLUMN IF EXISTS column} (after the record no longer declares it). */
  void dropColumn(String table, String column);

  /** {@code ALTER TABLE … RENAME TO …}. Declare {@code @Table(name = to)} on the record. */
  void renameTable(String from, String to);

  /**
   * Any other statement (an index, a data fix), written with {@link #table} names; refused at boot with
   * {@code db:table_not_owned} when it names another table.
   */
  void execute(String sql);

  /** The full name of the plugin's table {@code name}, for {@link #execute}. */
  String table(String name);
}
