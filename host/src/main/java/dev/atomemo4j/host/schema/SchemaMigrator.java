package dev.atomemo4j.host.schema;

import dev.atomemo4j.host.query.QueryRejectedException;
import dev.atomemo4j.host.query.SqlTables;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies a plugin's {@link SchemaPlan} to the storage database: each missing step in its own transaction, recorded
 * in {@code plugin_migrations(plugin_id, version, checksum, description, applied_at)} in that transaction; an
 * applied step whose checksum differs from the plan's stops the plugin. On PostgreSQL every step first takes a
 * transaction-scoped advisory lock of the plugin, so hosts booting together apply each step once (the second one
 * waits, then finds it applied). H2 commits at every DDL statement: a failed step there is taken back by undoing
 * its changes in reverse order, and its column drops run last, so nothing is dropped when the step fails.
 */
public final class SchemaMigrator {
  private static final Logger log = LoggerFactory.getLogger("atomemo4j.host.schema");

  /** The tracking table. */
  public static final String TRACKING_TABLE = "plugin_migrations";
  private static final long PREPARE_LOCK = lockKey("atomemo4j:plugin_migrations");

  /**
   * What migrating one plugin did.
   *
   * @param applied the versions this call applied (none when the database was current)
   * @param failure why the plugin must stay unhealthy, or null
   */
  public record Outcome(String pluginId, List<Integer> applied, String failure) {
    public Outcome {
      applied = List.copyOf(applied);
    }

    public boolean ok() {
      return failure == null;
    }
  }

  private final DataSource dataSource;
  private final SqlDialect dialect;

  public SchemaMigrator(DataSource dataSource, SqlDialect dialect) {
    this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
    this.dialect = Objects.requireNonNull(dialect, "dialect");
  }

  /** Creates the tracking table (and PostgreSQL's {@code updated_at} trigger function) when missing. */
  public void prepare() {
    try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
      c.setAutoCommit(false);
      try {
        if (dialect == SqlDialect.POSTGRESQL) {
          // Hosts booting together on a new database: one creates, the others wait and find it.
          lock(c, PREPARE_LOCK);
        }
        s.execute("CREATE TABLE IF NOT EXISTS " + TRACKING_TABLE + " (plugin_id VARCHAR(200) NOT NULL, "
            + "version INTEGER NOT NULL, checksum VARCHAR(64) NOT NULL, description VARCHAR(1000) NOT NULL, "
            + "applied_at TIMESTAMP WITH TIME ZONE NOT NULL, PRIMARY KEY (plugin_id, version))");
        if (dialect == SqlDialect.POSTGRESQL) {
          s.execute("CREATE OR REPLACE FUNCTION " + SqlDialect.TOUCH_FUNCTION + "() RETURNS trigger AS $$ "
              + "BEGIN NEW.updated_at = now(); RETURN NEW; END $$ LANGUAGE plpgsql");
        }
        c.commit();
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot create " + TRACKING_TABLE + ": " + e.getMessage(), e);
    }
  }

  /** Applies the plan's missing steps in order; stops at the first failure. Never throws for a plugin's fault. */
  public Outcome migrate(SchemaPlan plan) {
    String id = plan.pluginId();
    String refused = foreignTables(plan);
    if (refused != null) {
      return new Outcome(id, List.of(), refused);
    }
    List<Integer> applied = new ArrayList<>();
    try {
      int newest = newestApplied(id);
      if (newest > plan.version()) {
        return new Outcome(id, applied, "the database holds version " + newest + " of plugin `" + id
            + "`'s tables, newer than its @Plugin(schemaVersion = " + plan.version() + "): run the newer plugin");
      }
    } catch (SQLException e) {
      return new Outcome(id, applied, "cannot read " + TRACKING_TABLE + ": " + e.getMessage());
    }
    for (SchemaPlan.Step step : plan.steps()) {
      String failure;
      try {
        failure = apply(id, step, applied);
      } catch (SQLException e) {
        failure = "step " + step.version() + " " + quoted(step) + " could not run: " + e.getMessage();
      }
      if (failure != null) {
        log.error("plugin {}: {}", id, failure);
        return new Outcome(id, applied, failure);
      }
    }
    if (!applied.isEmpty()) {
      log.info("plugin {}: applied table step(s) {}", id, applied);
    }
    return new Outcome(id, applied, null);
  }

  /** One step in one transaction; null when it was applied now or before (unchanged), else why not. */
  private String apply(String id, SchemaPlan.Step step, List<Integer> applied) throws SQLException {
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      List<SchemaOp> done = new ArrayList<>();
      try {
        if (dialect == SqlDialect.POSTGRESQL) {
          lock(c, lockKey("atomemo4j:plugin:" + id));
        }
        String checksum = appliedChecksum(c, id, step.version());
        if (checksum != null) {
          c.commit();
          if (checksum.equals(step.checksum())) {
            return null;
          }
          return "step " + step.version() + " " + quoted(step) + " of plugin `" + id + "` was applied with "
              + "checksum " + shortSum(checksum) + ", but the plugin now describes it as " + shortSum(step.checksum())
              + ": an applied step must not change; put the change in a new version";
        }
        try (Statement s = c.createStatement()) {
          for (SchemaOp op : ordered(step.ops())) {
            for (String sql : op.statements(dialect)) {
              s.execute(sql);
            }
            done.add(op);
          }
        }
        try (PreparedStatement p = c.prepareStatement("INSERT INTO " + TRACKING_TABLE + " (plugin_id, version, "
            + "checksum, description, applied_at) VALUES (?, ?, ?, ?, CURRENT_TIMESTAMP)")) {
          p.setString(1, id);
          p.setInt(2, step.version());
          p.setString(3, step.checksum());
          p.setString(4, step.description());
          p.executeUpdate();
        }
        c.commit();
        applied.add(step.version());
        return null;
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        if (!dialect.transactionalDdl()) {
          undo(c, id, done);
        }
        return "step " + step.version() + " " + quoted(step) + " of plugin `" + id + "` failed and was rolled "
            + "back: " + e.getMessage();
      }
    }
  }

  /** Drops last where DDL commits at once: a failure before them then leaves every column in place. */
  private List<SchemaOp> ordered(List<SchemaOp> ops) {
    if (dialect.transactionalDdl()) {
      return ops;
    }
    List<SchemaOp> out = new ArrayList<>();
    ops.stream().filter(op -> !(op instanceof SchemaOp.DropColumn)).forEach(out::add);
    ops.stream().filter(op -> op instanceof SchemaOp.DropColumn).forEach(out::add);
    return out;
  }

  private void undo(Connection c, String id, List<SchemaOp> done) {
    try {
      c.setAutoCommit(true);
      try (Statement s = c.createStatement()) {
        for (int i = done.size() - 1; i >= 0; i--) {
          for (String sql : done.get(i).undo(dialect)) {
            try {
              s.execute(sql);
            } catch (SQLException e) {
              log.error("plugin {}: could not take back `{}` after its step failed: {}", id, sql, e.getMessage());
            }
          }
        }
      }
    } catch (SQLException e) {
      log.error("plugin {}: could not take back its failed step: {}", id, e.getMessage());
    }
  }

  /** Why an explicit statement may not run (it names a table not the plugin's, or does not parse), or null. */
  private String foreignTables(SchemaPlan plan) {
    for (SchemaPlan.Step step : plan.steps()) {
      for (SchemaOp op : step.ops()) {
        if (!(op instanceof SchemaOp.Execute execute)) {
          continue;
        }
        try {
          for (String table : SqlTables.referenced(execute.sql(), dialect.parser())) {
            if (!ScopedDatabase.owns(plan.everStored(), table)) {
              return "step " + step.version() + " " + quoted(step) + " of plugin `" + plan.pluginId()
                  + "` names table " + table + ", which is not one of its tables (db:table_not_owned)";
            }
          }
        } catch (QueryRejectedException e) {
          return "step " + step.version() + " " + quoted(step) + " of plugin `" + plan.pluginId()
              + "` has a statement that does not parse: " + e.getMessage();
        }
      }
    }
    return null;
  }

  private int newestApplied(String id) throws SQLException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement p = c.prepareStatement("SELECT MAX(version) FROM " + TRACKING_TABLE
            + " WHERE plugin_id = ?")) {
      p.setString(1, id);
      try (ResultSet rs = p.executeQuery()) {
        return rs.next() ? rs.getInt(1) : 0;
      }
    }
  }

  private static String appliedChecksum(Connection c, String id, int version) throws SQLException {
    try (PreparedStatement p = c.prepareStatement("SELECT checksum FROM " + TRACKING_TABLE
        + " WHERE plugin_id = ? AND version = ?")) {
      p.setString(1, id);
      p.setInt(2, version);
      try (ResultSet rs = p.executeQuery()) {
        return rs.next() ? rs.getString(1) : null;
      }
    }
  }

  private static void lock(Connection c, long key) throws SQLException {
    try (PreparedStatement p = c.prepareStatement("SELECT pg_advisory_xact_lock(?)")) {
      p.setLong(1, key);
      p.execute();
    }
  }

  static long lockKey(String name) {
    try {
      byte[] d = MessageDigest.getInstance("SHA-256").digest(name.getBytes(StandardCharsets.UTF_8));
      long key = 0;
      for (int i = 0; i < 8; i++) {
        key = (key << 8) | (d[i] & 0xff);
      }
      return key;
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }

  private static String quoted(SchemaPlan.Step step) {
    return "(\"" + step.description() + "\")";
  }

  private static String shortSum(String checksum) {
    return checksum.length() > 12 ? checksum.substring(0, 12) : checksum;
  }
}
