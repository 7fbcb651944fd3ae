package dev.atomemo4j.host.schema;

import com.fasterxml.jackson.databind.JsonNode;
import dev.atomemo4j.annotations.ColumnType;
import dev.atomemo4j.host.query.QueryRejectedException;
import dev.atomemo4j.host.query.SqlTables;
import dev.atomemo4j.runtime.datasource.QueryResult;
import dev.atomemo4j.runtime.spi.SchemaBinding;
import dev.atomemo4j.runtime.storage.DatabaseException;
import dev.atomemo4j.runtime.storage.PluginDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * {@code PluginContext.db()}: one plugin's tables and nothing else. Every statement is parsed in the database's
 * dialect ({@link SqlTables#referenced}) and refused with {@code db:table_not_owned} when it names any table that
 * is not the plugin's — another plugin's, {@code plugin_migrations}, the action store's, a system catalog —
 * before it reaches the database. Column names in results are lower case on every database.
 */
public final class ScopedDatabase implements PluginDatabase {
  private final DataSource dataSource;
  private final SqlDialect dialect;
  private final String pluginId;
  private final Map<Class<?>, SchemaBinding.Table> byType = new LinkedHashMap<>();
  private final Map<String, String> storedByName = new LinkedHashMap<>();
  private final Set<String> owned = new LinkedHashSet<>();
  /** PostgreSQL: the role every statement runs as ({@link PostgresRoles}), or null. */
  private final String role;

  /**
   * @param role the PostgreSQL role to run as, or null to rely on the parse alone
   */
  public ScopedDatabase(DataSource dataSource, SqlDialect dialect, String pluginId, SchemaBinding schema,
      String role) {
    this.dataSource = dataSource;
    this.dialect = dialect;
    this.pluginId = pluginId;
    this.role = role;
    for (SchemaBinding.Table t : schema.tables()) {
      String stored = TableNames.stored(pluginId, t.name());
      byType.put(t.type(), t);
      storedByName.put(t.name().toLowerCase(Locale.ROOT), stored);
      owned.add(stored);
    }
  }

  /** Whether {@code table} (as {@link SqlTables} normalizes it) is one of {@code stored}, bare or in public. */
  static boolean owns(Set<String> stored, String table) {
    String name = table.startsWith("public.") ? table.substring("public.".length()) : table;
    return stored.contains(name);
  }

  @Override
  public QueryResult query(String sql, Object... params) {
    check(sql);
    try (Connection c = open(); PreparedStatement p = c.prepareStatement(sql)) {
      bind(p, params);
      try (ResultSet rs = p.executeQuery()) {
        ResultSetMetaData meta = rs.getMetaData();
        int n = meta.getColumnCount();
        List<String> columns = new ArrayList<>(n);
        for (int i = 1; i <= n; i++) {
          columns.add(meta.getColumnLabel(i).toLowerCase(Locale.ROOT));
        }
        List<List<Object>> rows = new ArrayList<>();
        while (rs.next()) {
          List<Object> row = new ArrayList<>(n);
          for (int i = 1; i <= n; i++) {
            row.add(value(rs, i, meta.getColumnTypeName(i)));
          }
          rows.add(row);
        }
        done(c);
        return new QueryResult(columns, rows);
      }
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public int update(String sql, Object... params) {
    check(sql);
    try (Connection c = open(); PreparedStatement p = c.prepareStatement(sql)) {
      bind(p, params);
      int n = p.executeUpdate();
      done(c);
      return n;
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public UUID insert(Record row) {
    SchemaBinding.Table table = byType.get(row.getClass());
    if (table == null) {
      throw notATable(row.getClass().getName());
    }
    StringBuilder names = new StringBuilder("id");
    StringBuilder marks = new StringBuilder("?");
    for (SchemaBinding.Column col : table.columns()) {
      names.append(", ").append(col.name());
      marks.append(", ").append(dialect.placeholder(col.type()));
    }
    String sql = "INSERT INTO " + TableNames.stored(pluginId, table.name()) + " (" + names + ") VALUES (" + marks
        + ")";
    UUID id = UUID.randomUUID();
    List<Object> values = table.values().of(row);
    try (Connection c = open(); PreparedStatement p = c.prepareStatement(sql)) {
      p.setObject(1, id);
      for (int i = 0; i < values.size(); i++) {
        Object v = values.get(i);
        if (table.columns().get(i).type() == ColumnType.JSON && v != null) {
          p.setString(i + 2, v.toString());
        } else {
          bindOne(p, i + 2, v);
        }
      }
      p.executeUpdate();
      done(c);
      return id;
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public String table(Class<? extends Record> type) {
    SchemaBinding.Table table = byType.get(type);
    if (table == null) {
      throw notATable(type.getName());
    }
    return TableNames.stored(pluginId, table.name());
  }

  @Override
  public String table(String name) {
    String stored = storedByName.get(name.toLowerCase(Locale.ROOT));
    if (stored == null) {
      throw notATable("a table named " + name);
    }
    return stored;
  }

  /**
   * A connection for one call: on PostgreSQL with a role, a transaction running as it ({@code SET LOCAL} ends with
   * the transaction, so the pooled connection goes back as it came; an unfinished one is rolled back on close).
   */
  private Connection open() throws SQLException {
    Connection c = dataSource.getConnection();
    if (role != null) {
      try {
        c.setAutoCommit(false);
        try (java.sql.Statement s = c.createStatement()) {
          s.execute("SET LOCAL ROLE " + role);
        }
      } catch (SQLException e) {
        c.close();
        throw e;
      }
    }
    return c;
  }

  private void done(Connection c) throws SQLException {
    if (role != null) {
      c.commit();
    }
  }

  private void check(String sql) {
    if (sql == null || sql.isBlank()) {
      throw new DatabaseException(DatabaseException.UNPARSABLE, "plugin `" + pluginId + "` sent an empty statement");
    }
    Set<String> tables;
    try {
      tables = SqlTables.referenced(sql, dialect.parser());
    } catch (QueryRejectedException e) {
      throw new DatabaseException(DatabaseException.UNPARSABLE, "plugin `" + pluginId + "`: " + e.getMessage()
          + "; what it touches cannot be checked, so it does not run");
    }
    StatementKinds.check(pluginId, sql);
    for (String table : tables) {
      if (!owns(owned, table)) {
        throw new DatabaseException(DatabaseException.TABLE_NOT_OWNED, "plugin `" + pluginId + "` may use only "
            + "its own tables " + owned + ", and the statement names " + table);
      }
    }
  }

  private void bind(PreparedStatement p, Object[] params) throws SQLException {
    if (params == null) {
      return;
    }
    for (int i = 0; i < params.length; i++) {
      bindOne(p, i + 1, params[i]);
    }
  }

  private static void bindOne(PreparedStatement p, int index, Object value) throws SQLException {
    if (value instanceof Instant instant) {
      p.setObject(index, OffsetDateTime.ofInstant(instant, ZoneOffset.UTC));
    } else if (value instanceof JsonNode json) {
      p.setString(index, json.toString());
    } else {
      p.setObject(index, value);
    }
  }

  private static Object value(ResultSet rs, int i, String typeName) throws SQLException {
    String type = typeName == null ? "" : typeName.toLowerCase(Locale.ROOT);
    if (type.equals("timestamptz") || type.equals("timestamp with time zone")) {
      return rs.getObject(i, OffsetDateTime.class);
    }
    if (type.equals("json") || type.equals("jsonb")) {
      return rs.getString(i);
    }
    Object v = rs.getObject(i);
    // Driver types (PGobject and the like) never reach the plugin: it sees Java values only.
    return v != null && v.getClass().getName().startsWith("org.postgresql.") ? v.toString() : v;
  }

  private DatabaseException notATable(String what) {
    return new DatabaseException(DatabaseException.NOT_A_TABLE, what + " is not one of plugin `" + pluginId
        + "`'s tables " + storedByName.keySet() + " (@Plugin(tables))");
  }

  private DatabaseException failed(SQLException e) {
    return new DatabaseException(DatabaseException.STATEMENT_FAILED, "plugin `" + pluginId + "`: the database "
        + "refused the statement (SQLState " + e.getSQLState() + "): " + reason(e));
  }

  /**
   * The database's reason without the values it quotes: PostgreSQL's detail line names the row's key, H2 appends
   * {@code VALUES (…)} and the statement with its parameters.
   */
  static String reason(SQLException e) {
    String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    for (String cut : List.of("\n", " VALUES ", "; SQL statement")) {
      int at = message.indexOf(cut);
      if (at >= 0) {
        message = message.substring(0, at);
      }
    }
    return message.strip();
  }
}
