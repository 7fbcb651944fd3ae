package dev.atomemo4j.host.schema;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collection;
import java.util.HexFormat;
import java.util.Locale;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The wall behind the parser on PostgreSQL: a role per plugin ({@code NOLOGIN}) with SELECT, INSERT, UPDATE and
 * DELETE on the plugin's tables and nothing else, which {@link ScopedDatabase} runs every statement as
 * ({@code SET LOCAL ROLE}). A statement that slips past the parse (SQL inside a string, say) still cannot read
 * another plugin's table or the host's. Needs a host user that may create roles; without that, {@code db()} is
 * scoped by parsing alone, and the host says so at boot.
 */
final class PostgresRoles {
  private static final Logger log = LoggerFactory.getLogger("atomemo4j.host.schema");

  private PostgresRoles() {}

  /** {@code atomemo4j_p_<safe id, cut>_<hash>}: within PostgreSQL's 63 characters, one per plugin id. */
  static String roleName(String pluginId) {
    String safe = TableNames.safe(pluginId).toLowerCase(Locale.ROOT);
    try {
      byte[] d = MessageDigest.getInstance("SHA-256").digest(pluginId.getBytes(StandardCharsets.UTF_8));
      return "atomemo4j_p_" + (safe.length() > 40 ? safe.substring(0, 40) : safe) + "_"
          + HexFormat.of().formatHex(d, 0, 4);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }

  /**
   * Creates the plugin's role when missing and grants it its tables; returns the role, or null (logged) when the
   * database refused.
   */
  static String ensure(DataSource dataSource, String pluginId, Collection<String> tables) {
    String role = roleName(pluginId);
    try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
      // Session lock: hosts booting together grant one after the other (roles are shared by the cluster).
      lock(c, "pg_advisory_lock");
      try {
        s.execute("DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '" + role + "') THEN "
            + "CREATE ROLE " + role + " NOLOGIN; END IF; END $$");
        s.execute("GRANT " + role + " TO CURRENT_USER");
        s.execute("GRANT USAGE ON SCHEMA " + currentSchema(c) + " TO " + role);
        s.execute("GRANT SELECT, INSERT, UPDATE, DELETE ON " + String.join(", ", tables) + " TO " + role);
      } finally {
        lock(c, "pg_advisory_unlock");
      }
      return role;
    } catch (SQLException e) {
      log.warn("plugin {}: no role of its own ({}); its db() is scoped by parsing its statements only", pluginId,
          e.getMessage());
      return null;
    }
  }

  private static String currentSchema(Connection c) throws SQLException {
    try (Statement s = c.createStatement(); var rs = s.executeQuery("SELECT quote_ident(current_schema())")) {
      rs.next();
      return rs.getString(1);
    }
  }

  private static void lock(Connection c, String function) throws SQLException {
    try (PreparedStatement p = c.prepareStatement("SELECT " + function + "(?)")) {
      p.setLong(1, SchemaMigrator.lockKey("atomemo4j:plugin_roles"));
      p.execute();
    }
  }
}
