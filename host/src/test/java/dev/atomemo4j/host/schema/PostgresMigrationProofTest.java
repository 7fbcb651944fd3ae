package dev.atomemo4j.host.schema;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;

/**
 * The migrations proof on a real PostgreSQL ({@code ATOMEMO4J_TEST_POSTGRES_URL} or the system property
 * {@code atomemo4j.test.postgres.url}), each test in a schema of its own. Skipped, with the reason, when neither is
 * set; CI (the CI variable) fails instead.
 */
class PostgresMigrationProofTest extends MigrationProof {
  String base;
  String schema;

  static String baseUrl() {
    String base = System.getProperty("atomemo4j.test.postgres.url", System.getenv("ATOMEMO4J_TEST_POSTGRES_URL"));
    if (base == null || base.isBlank()) {
      if (System.getenv("CI") != null) {
        throw new IllegalStateException("CI must run the PostgreSQL tests: run eval \"$(.ci/postgres.sh)\" first");
      }
      Assumptions.abort("no PostgreSQL: set ATOMEMO4J_TEST_POSTGRES_URL (eval \"$(.ci/postgres.sh)\" starts one)");
    }
    return base;
  }

  static String createSchema(String base, String prefix) throws Exception {
    String schema = prefix + UUID.randomUUID().toString().replace("-", "");
    try (Connection c = DriverManager.getConnection(base); Statement s = c.createStatement()) {
      s.execute("CREATE SCHEMA " + schema);
    }
    return schema;
  }

  static void dropSchema(String base, String schema) throws Exception {
    try (Connection c = DriverManager.getConnection(base); Statement s = c.createStatement()) {
      s.execute("DROP SCHEMA " + schema + " CASCADE");
    }
  }

  @BeforeEach
  void database() throws Exception {
    base = baseUrl();
    schema = createSchema(base, "tables_");
  }

  @AfterEach
  void drop() throws Exception {
    if (schema != null) {
      dropSchema(base, schema);
    }
  }

  @Override
  String url() {
    return base + (base.contains("?") ? "&" : "?") + "currentSchema=" + schema;
  }

  @org.junit.jupiter.api.Test
  void everyStatementRunsAsThePluginsRoleWhichHoldsOnlyItsTables() throws Exception {
    TablePlugins.Handle a = TablePlugins.plugin("notes", TablePlugins.v1());
    TablePlugins.Handle b = TablePlugins.plugin("other-notes", TablePlugins.v1());
    String role = PostgresRoles.roleName("notes");
    try (dev.atomemo4j.host.PluginHost host = host(a, b)) {
      org.assertj.core.api.Assertions.assertThat(a.db().query("SELECT current_user FROM " + a.db().table("note")
          + " UNION ALL SELECT current_user").rows()).containsExactly(java.util.List.of(role));
    }

    org.assertj.core.api.Assertions.assertThat(rows("SELECT has_table_privilege('" + role + "', 'plugin_notes_note', "
        + "'SELECT'), has_table_privilege('" + role + "', 'plugin_other_notes_note', 'SELECT'), "
        + "has_table_privilege('" + role + "', 'plugin_migrations', 'SELECT')"))
        .containsExactly(java.util.List.of(true, false, false));
  }

  @Override
  String catalogTable() {
    return "pg_catalog.pg_tables";
  }
}
