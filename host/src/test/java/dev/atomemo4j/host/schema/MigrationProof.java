package dev.atomemo4j.host.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.atomemo4j.core.lifecycle.LifecycleException;
import dev.atomemo4j.host.PluginHost;
import dev.atomemo4j.runtime.PluginStatus;
import dev.atomemo4j.runtime.datasource.QueryResult;
import dev.atomemo4j.runtime.spi.SchemaBinding;
import dev.atomemo4j.runtime.storage.DatabaseException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * The migrations proof of issue 16, run on every storage database the host supports (H2 and PostgreSQL
 * subclasses): real hosts booting real plugin registries on a real database, read back with plain JDBC.
 */
abstract class MigrationProof {

  /** The JDBC URL of a database of this test's own. */
  abstract String url();

  PluginHost host(TablePlugins.Handle... plugins) {
    PluginHost.Builder b = PluginHost.builder().database(url());
    for (TablePlugins.Handle h : plugins) {
      b.plugin(h.registry());
    }
    return b.start();
  }

  List<List<Object>> rows(String sql) throws SQLException {
    try (Connection c = DriverManager.getConnection(url()); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      List<List<Object>> out = new ArrayList<>();
      int n = rs.getMetaData().getColumnCount();
      while (rs.next()) {
        List<Object> row = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
          row.add(rs.getObject(i));
        }
        out.add(row);
      }
      return out;
    }
  }

  List<String> columns(String table) throws SQLException {
    try (Connection c = DriverManager.getConnection(url()); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT * FROM " + table + " WHERE 1 = 0")) {
      ResultSetMetaData meta = rs.getMetaData();
      List<String> out = new ArrayList<>();
      for (int i = 1; i <= meta.getColumnCount(); i++) {
        out.add(meta.getColumnLabel(i).toLowerCase(Locale.ROOT) + " " + meta.getColumnTypeName(i));
      }
      return out;
    }
  }

  List<List<Object>> migrations(String pluginId) throws SQLException {
    return rows("SELECT plugin_id, version, checksum, description, applied_at FROM plugin_migrations "
        + "WHERE plugin_id = '" + pluginId + "' ORDER BY version");
  }

  /** Version 2 whose explicit step first writes a row, then fails in the database. */
  static SchemaBinding failingV2() {
    return TablePlugins.v2(new SchemaBinding.Migration(2, "seed, then fail", step -> {
      step.execute("INSERT INTO " + step.table("note") + " (title) VALUES ('partial')");
      step.execute("INSERT INTO " + step.table("note") + " (no_such_column) VALUES (1)");
    }));
  }

  @Test
  void versionOneToTwoAddsTheColumnAndKeepsTheRows() throws Exception {
    TablePlugins.Handle v1 = TablePlugins.plugin("notes", TablePlugins.v1());
    try (PluginHost host = host(v1)) {
      v1.db().insert(new TablePlugins.NoteV1("first"));
    }
    TablePlugins.Handle v2 = TablePlugins.plugin("notes", TablePlugins.v2());
    try (PluginHost host = host(v2)) {
      assertThat(host.plugin("notes").status()).isEqualTo(PluginStatus.HEALTHY);
      QueryResult r = v2.db().query("SELECT title, stars FROM " + v2.db().table(TablePlugins.NoteV2.class));

      assertThat(r.rows()).containsExactly(List.of("first", 0));
    }
    assertThat(migrations("notes")).extracting(row -> ((Number) row.get(1)).intValue()).containsExactly(1, 2);
  }

  @Test
  void aRerunChangesNothing() throws Exception {
    try (PluginHost host = host(TablePlugins.plugin("notes", TablePlugins.v2()))) {
      assertThat(host.plugin("notes").status()).isEqualTo(PluginStatus.HEALTHY);
    }
    List<List<Object>> tracked = migrations("notes");
    List<String> ddl = columns("plugin_notes_note");

    try (PluginHost host = host(TablePlugins.plugin("notes", TablePlugins.v2()))) {
      assertThat(host.plugin("notes").status()).isEqualTo(PluginStatus.HEALTHY);
    }

    assertThat(migrations("notes")).isEqualTo(tracked);
    assertThat(columns("plugin_notes_note")).isEqualTo(ddl);
  }

  @Test
  void aFailingStepRollsBackItsColumnAndRowsAndIsNotRecorded() throws Exception {
    TablePlugins.Handle v1 = TablePlugins.plugin("notes", TablePlugins.v1());
    try (PluginHost host = host(v1)) {
      v1.db().insert(new TablePlugins.NoteV1("kept"));
    }
    List<String> before = columns("plugin_notes_note");

    try (PluginHost host = host(TablePlugins.plugin("notes", failingV2()))) {
      assertThat(host.plugin("notes").status()).isEqualTo(PluginStatus.UNHEALTHY);
    }

    assertThat(columns("plugin_notes_note")).isEqualTo(before);
    assertThat(rows("SELECT title FROM plugin_notes_note")).containsExactly(List.of("kept"));
    assertThat(migrations("notes")).hasSize(1);
  }

  @Test
  void aFailingStepLeavesThePluginUnhealthyUninitializedAndNoProbeHealsIt() {
    TablePlugins.Handle v1 = TablePlugins.plugin("notes", TablePlugins.v1());
    try (PluginHost host = host(v1)) {
      assertThat(host.plugin("notes").status()).isEqualTo(PluginStatus.HEALTHY);
    }
    TablePlugins.Handle broken = TablePlugins.plugin("notes", failingV2());
    TablePlugins.Handle other = TablePlugins.plugin("other-notes", TablePlugins.v1());
    try (PluginHost host = host(broken, other)) {
      host.probeAll();
      host.probeAll();

      assertThat(host.plugin("notes").status()).isEqualTo(PluginStatus.UNHEALTHY);
      assertThat(host.plugin("notes").stickyFailure()).get().asString()
          .contains("table migration failed", "step 2 (\"seed, then fail\")", "rolled back");
      assertThat(host.probe("notes").healthy()).isFalse();
      assertThat(broken.initialized).hasValue(0);
      assertThat(broken.probed).hasValue(0);
      assertThat(host.plugin("other-notes").status()).isEqualTo(PluginStatus.HEALTHY);
    }
  }

  @Test
  void aRequiredPluginWhoseStepFailsStopsTheBoot() {
    try (PluginHost host = host(TablePlugins.plugin("notes", TablePlugins.v1()))) {
      assertThat(host.plugin("notes").status()).isEqualTo(PluginStatus.HEALTHY);
    }
    TablePlugins.Handle required = TablePlugins.required("notes", failingV2());

    assertThatThrownBy(() -> host(required)).isInstanceOfSatisfying(LifecycleException.class,
        e -> assertThat(e.code()).isEqualTo(LifecycleException.REQUIRED_PLUGIN_FAILED))
        .hasMessageContaining("table migration failed");
    assertThat(required.initialized).hasValue(0);
  }

  @Test
  void aChangedChecksumOfAnAppliedStepIsReportedNamingTheStep() throws Exception {
    try (PluginHost host = host(TablePlugins.plugin("notes", TablePlugins.v1()))) {
      assertThat(host.plugin("notes").status()).isEqualTo(PluginStatus.HEALTHY);
    }
    // Version 1 again, but its title became unique: the applied step changed.
    SchemaBinding changed = new SchemaBinding(1, List.of(new SchemaBinding.Table("note", 1,
        TablePlugins.NoteV1.class, List.of(new SchemaBinding.Column("title", dev.atomemo4j.annotations.ColumnType.TEXT,
            true, true, null, 1)), row -> List.of(((TablePlugins.NoteV1) row).title()))), List.of());
    TablePlugins.Handle edited = TablePlugins.plugin("notes", changed);

    try (PluginHost host = host(edited)) {
      assertThat(host.plugin("notes").status()).isEqualTo(PluginStatus.UNHEALTHY);
      assertThat(host.plugin("notes").stickyFailure()).get().asString().contains("step 1",
          "was applied with checksum", "an applied step must not change; put the change in a new version");
    }
    assertThat(migrations("notes")).hasSize(1);
  }

  @Test
  void theScopedDbRefusesAnotherPluginsTable() {
    TablePlugins.Handle a = TablePlugins.plugin("notes", TablePlugins.v1());
    TablePlugins.Handle b = TablePlugins.plugin("other-notes", TablePlugins.v1());
    try (PluginHost host = host(a, b)) {
      b.db().insert(new TablePlugins.NoteV1("private"));

      assertThatThrownBy(() -> a.db().query("SELECT title FROM plugin_other_notes_note"))
          .isInstanceOfSatisfying(DatabaseException.class,
              e -> assertThat(e.code()).isEqualTo(DatabaseException.TABLE_NOT_OWNED))
          .hasMessageContaining("plugin_other_notes_note");
      assertThatThrownBy(() -> a.db().update("DELETE FROM " + a.db().table("note") + " WHERE title IN "
          + "(SELECT title FROM plugin_other_notes_note)")).isInstanceOf(DatabaseException.class)
          .hasMessageContaining("plugin_other_notes_note");
      assertThat(b.db().query("SELECT title FROM " + b.db().table("note")).rows())
          .containsExactly(List.of("private"));
    }
  }

  @Test
  void theScopedDbRefusesHostTablesAndSystemCatalogs() {
    TablePlugins.Handle a = TablePlugins.plugin("notes", TablePlugins.v1());
    try (PluginHost host = host(a)) {
      for (String sql : List.of("SELECT * FROM plugin_migrations", "DELETE FROM plugin_migrations",
          "SELECT * FROM atomemo4j_action_request", "SELECT * FROM information_schema.tables",
          "SELECT * FROM " + catalogTable())) {
        assertThatThrownBy(() -> a.db().query(sql)).as(sql).isInstanceOfSatisfying(DatabaseException.class,
            e -> assertThat(e.code()).isEqualTo(DatabaseException.TABLE_NOT_OWNED));
      }
    }
  }

  @Test
  void aStepNamingAHostTableIsRefusedBeforeAnyStepRuns() throws Exception {
    TablePlugins.Handle sneaky = TablePlugins.plugin("notes", TablePlugins.v2(new SchemaBinding.Migration(2,
        "tidy up", step -> step.execute("DELETE FROM plugin_migrations"))));
    try (PluginHost host = host(sneaky)) {
      assertThat(host.plugin("notes").status()).isEqualTo(PluginStatus.UNHEALTHY);
      assertThat(host.plugin("notes").stickyFailure()).get().asString()
          .contains("names table plugin_migrations, which is not one of its tables (db:table_not_owned)");
    }
    assertThat(migrations("notes")).isEmpty();
  }

  @Test
  void aRefusedStatementNamesTheReasonButNoValueItCarried() {
    SchemaBinding uniqueTitle = new SchemaBinding(1, List.of(new SchemaBinding.Table("note", 1,
        TablePlugins.NoteV1.class, List.of(new SchemaBinding.Column("title", dev.atomemo4j.annotations.ColumnType.TEXT,
            true, true, null, 1)), row -> List.of(((TablePlugins.NoteV1) row).title()))), List.of());
    TablePlugins.Handle a = TablePlugins.plugin("notes", uniqueTitle);
    try (PluginHost host = host(a)) {
      a.db().insert(new TablePlugins.NoteV1("MARKER-4f1d"));

      assertThatThrownBy(() -> a.db().insert(new TablePlugins.NoteV1("MARKER-4f1d")))
          .isInstanceOfSatisfying(DatabaseException.class,
              e -> assertThat(e.code()).isEqualTo(DatabaseException.STATEMENT_FAILED))
          .hasMessageContaining("SQLState 23505").hasMessageNotContaining("MARKER-4f1d");
    }
  }

  @Test
  void twoPluginsWhoseIdsShareTableNamesDoNotShareTables() {
    TablePlugins.Handle dashed = TablePlugins.plugin("team-notes", TablePlugins.v1());
    TablePlugins.Handle underscored = TablePlugins.plugin("team_notes", TablePlugins.v1());
    try (PluginHost host = host(dashed, underscored)) {
      assertThat(host.plugin("team-notes").status()).isEqualTo(PluginStatus.HEALTHY);
      assertThat(host.plugin("team_notes").status()).isEqualTo(PluginStatus.UNHEALTHY);
      assertThat(host.plugin("team_notes").stickyFailure()).get().asString()
          .contains("as those of plugin `team-notes`");
    }
  }

  @Test
  void theScopedDbRunsNoStructureChange() throws Exception {
    TablePlugins.Handle a = TablePlugins.plugin("notes", TablePlugins.v1());
    try (PluginHost host = host(a)) {
      String note = a.db().table("note");

      assertThatThrownBy(() -> a.db().update("DROP TABLE " + note)).isInstanceOfSatisfying(DatabaseException.class,
          e -> assertThat(e.code()).isEqualTo(DatabaseException.STATEMENT_NOT_ALLOWED));
      assertThat(columns(note)).isNotEmpty();
    }
  }

  @Test
  void theScopedDbRunsNoSqlHiddenInAString() {
    TablePlugins.Handle a = TablePlugins.plugin("notes", TablePlugins.v1());
    try (PluginHost host = host(a)) {
      assertThatThrownBy(() -> a.db().query("SELECT query_to_xml('SELECT * FROM plugin_migrations', true, true, '')"))
          .isInstanceOfSatisfying(DatabaseException.class,
              e -> assertThat(e.code()).isEqualTo(DatabaseException.STATEMENT_NOT_ALLOWED))
          .hasMessageContaining("query_to_xml");
    }
  }

  /** A system catalog of this database. */
  abstract String catalogTable();

  @Test
  void theScopedDbReachesItsOwnTableAndInsertReturnsTheId() {
    TablePlugins.Handle a = TablePlugins.plugin("notes", TablePlugins.v2());
    try (PluginHost host = host(a)) {
      java.util.UUID id = a.db().insert(new TablePlugins.NoteV2("hello", 5));

      QueryResult r = a.db().query("SELECT id, title, stars FROM " + a.db().table("note") + " WHERE id = ?", id);
      assertThat(r.columns()).containsExactly("id", "title", "stars");
      assertThat(r.rows()).containsExactly(List.of(id, "hello", 5));
    }
  }

  @Test
  void updatedAtIsKeptCurrentByTheDatabaseOnUpdate() {
    TablePlugins.Handle a = TablePlugins.plugin("notes", TablePlugins.v1());
    OffsetDateTime old = OffsetDateTime.parse("2000-01-01T00:00:00Z");
    try (PluginHost host = host(a)) {
      String note = a.db().table("note");
      a.db().update("INSERT INTO " + note + " (title, created_at, updated_at) VALUES (?, ?, ?)", "t", old, old);

      a.db().update("UPDATE " + note + " SET title = ? WHERE title = ?", "renamed", "t");

      List<Object> row = a.db().query("SELECT created_at, updated_at FROM " + note).rows().get(0);
      assertThat(((OffsetDateTime) row.get(0)).toInstant()).isEqualTo(old.toInstant());
      assertThat(((OffsetDateTime) row.get(1)).toInstant()).isAfter(old.toInstant());
    }
  }

  @Test
  void aRenameStepKeepsTheValuesAndAFreshDatabaseGetsTheSameTable() throws Exception {
    SchemaBinding.Column body = new SchemaBinding.Column("body", dev.atomemo4j.annotations.ColumnType.TEXT, false,
        false, null, 1);
    SchemaBinding.Column text = new SchemaBinding.Column("text", dev.atomemo4j.annotations.ColumnType.TEXT, false,
        false, null, 1);
    SchemaBinding withBody = new SchemaBinding(2, List.of(new SchemaBinding.Table("note", 1,
        TablePlugins.NoteV3.class, List.of(TablePlugins.TITLE, TablePlugins.STARS, body),
        row -> java.util.Arrays.asList(((TablePlugins.NoteV3) row).title(), ((TablePlugins.NoteV3) row).stars(),
            ((TablePlugins.NoteV3) row).text()))), List.of());
    SchemaBinding renamed = new SchemaBinding(3, List.of(new SchemaBinding.Table("note", 1,
        TablePlugins.NoteV3.class, List.of(TablePlugins.TITLE, TablePlugins.STARS, text),
        withBody.tables().get(0).values())), List.of(new SchemaBinding.Migration(3, "body is text now",
        step -> step.renameColumn("note", "body", "text"))));
    TablePlugins.Handle before = TablePlugins.plugin("notes", withBody);
    try (PluginHost host = host(before)) {
      before.db().insert(new TablePlugins.NoteV3("t", 1, "the body"));
    }

    TablePlugins.Handle after = TablePlugins.plugin("notes", renamed);
    try (PluginHost host = host(after)) {
      assertThat(host.plugin("notes").status()).isEqualTo(PluginStatus.HEALTHY);
      assertThat(after.db().query("SELECT text FROM " + after.db().table("note")).rows())
          .containsExactly(List.of("the body"));
    }
    TablePlugins.Handle fresh = TablePlugins.plugin("fresh-notes", renamed);
    try (PluginHost host = host(fresh)) {
      assertThat(host.plugin("fresh-notes").status()).isEqualTo(PluginStatus.HEALTHY);
    }
    assertThat(columns("plugin_fresh_notes_note")).isEqualTo(columns("plugin_notes_note"));
  }
}
