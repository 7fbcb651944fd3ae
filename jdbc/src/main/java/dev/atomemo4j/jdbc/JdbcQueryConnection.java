package dev.atomemo4j.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.atomemo4j.runtime.Secret;
import dev.atomemo4j.runtime.datasource.QueryConnection;
import dev.atomemo4j.runtime.datasource.QueryResult;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.SQLTimeoutException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A {@link QueryConnection} over a HikariCP pool: what a JDBC datasource's {@code @Datasource} method returns.
 *
 * <pre>{@code
 * @Datasource(dbType = "postgres", parserDialect = ParserDialect.POSTGRESQL)
 * public QueryConnection connect() {
 *   return JdbcQueryConnection.open(JdbcSettings.of(config.url(), config.user(), config.password()));
 * }
 * }</pre>
 *
 * <p>Each query borrows a connection, runs one statement with {@link Statement#setQueryTimeout} set to the host's
 * statement timeout (rounded up to whole seconds, JDBC's unit), so the database itself stops a long query, and
 * gives the connection back. A query whose thread is interrupted (the host's deadline) is cancelled with
 * {@link Statement#cancel()} by {@link StatementCanceller}, so the connection returns to the pool usable.
 *
 * <p>Results: columns by their label ({@code AS} name), values exactly as {@link ResultSet#getObject(int)} gives them
 * (the driver's types: {@code Integer}/{@code Long}/{@code BigDecimal} for numbers, {@code String}, {@code Boolean},
 * {@code java.sql.Date}/{@code Timestamp} or {@code java.time} types depending on the driver, {@code byte[]}, driver
 * arrays; SQL NULL is null).
 */
public final class JdbcQueryConnection implements QueryConnection {
  private static final AtomicInteger POOLS = new AtomicInteger();
  /** SQLState of a statement stopped by its timeout (PostgreSQL, H2, the SQL standard's "query canceled"). */
  private static final String QUERY_CANCELED = "57014";

  private final HikariDataSource pool;
  private final StatementCanceller canceller;
  private final AtomicBoolean closed = new AtomicBoolean();

  private JdbcQueryConnection(HikariDataSource pool) {
    this.pool = pool;
    this.canceller = StatementCanceller.shared();
  }

  /**
   * Opens the pool; fails when the database cannot be reached within the connect timeout (the message never holds
   * the password).
   */
  public static JdbcQueryConnection open(JdbcSettings settings) {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(settings.url());
    if (settings.user() != null) {
      config.setUsername(settings.user());
    }
    Secret password = settings.password();
    if (password != null) {
      config.setPassword(password.reveal());
    }
    config.setMaximumPoolSize(settings.poolSize());
    config.setMinimumIdle(Math.min(1, settings.poolSize()));
    config.setConnectionTimeout(settings.connectTimeout().toMillis());
    // One attempt at start: an unreachable database fails the wiring at once, with the driver's reason.
    config.setInitializationFailTimeout(1);
    config.setReadOnly(settings.readOnly());
    config.setPoolName("atomemo4j-datasource-" + POOLS.incrementAndGet());
    try {
      return new JdbcQueryConnection(new HikariDataSource(config));
    } catch (RuntimeException e) {
      throw new IllegalStateException("cannot open the JDBC pool for " + settings.url().split("[;?]", 2)[0] + ": "
          + scrub(e, password), null);
    }
  }

  /** {@link #open(JdbcSettings)} with the defaults (4 connections, 10 s to connect, read-only). */
  public static JdbcQueryConnection open(String url, String user, Secret password) {
    return open(JdbcSettings.of(url, user, password));
  }

  /**
   * Runs one query. A statement timeout surfaces as {@link SQLTimeoutException} (whatever exception class the driver
   * uses for SQLState 57014), an interrupt as {@link InterruptedException} after the statement was cancelled.
   */
  @Override
  public QueryResult query(String sql, Duration timeout) throws SQLException, InterruptedException {
    Objects.requireNonNull(sql, "sql");
    if (closed.get()) {
      throw new IllegalStateException("the connection was closed");
    }
    if (Thread.interrupted()) {
      throw new InterruptedException("interrupted before the query started");
    }
    Connection c = pool.getConnection();
    StatementCanceller.Running running = null;
    try (Statement s = c.createStatement()) {
      s.setQueryTimeout(seconds(timeout));
      running = canceller.watch(s);
      try (ResultSet rs = s.executeQuery(sql)) {
        return read(rs);
      }
    } catch (SQLException e) {
      if (running != null && running.cancelled()) {
        // Interrupted: the cancel, not the database, ended the statement.
        throw new InterruptedException("the query was cancelled: its thread was interrupted");
      }
      if (QUERY_CANCELED.equals(e.getSQLState()) && !(e instanceof SQLTimeoutException)) {
        throw new SQLTimeoutException(e.getMessage(), e.getSQLState(), e.getErrorCode(), e);
      }
      throw e;
    } finally {
      if (running != null) {
        running.done();
      }
      // Given back with the interrupt flag cleared, so the pool's own bookkeeping is not cut short; then restored.
      boolean interrupted = Thread.interrupted();
      try {
        c.close();
      } finally {
        if (interrupted) {
          Thread.currentThread().interrupt();
        }
      }
    }
  }

  /**
   * Every row of {@code rs} as a {@link QueryResult}: columns by their labels, values as the driver's objects. Public
   * so that code running its own JDBC (a benchmark's raw baseline, say) reads rows exactly as the helper does.
   */
  public static QueryResult read(ResultSet rs) throws SQLException {
    ResultSetMetaData meta = rs.getMetaData();
    int n = meta.getColumnCount();
    List<String> columns = new ArrayList<>(n);
    for (int i = 1; i <= n; i++) {
      columns.add(meta.getColumnLabel(i));
    }
    List<List<Object>> rows = new ArrayList<>();
    while (rs.next()) {
      List<Object> row = new ArrayList<>(n);
      for (int i = 1; i <= n; i++) {
        row.add(rs.getObject(i));
      }
      rows.add(row);
    }
    return new QueryResult(columns, rows);
  }

  /** JDBC's timeout is whole seconds and 0 means none: a positive timeout is never rounded down to 0. */
  static int seconds(Duration timeout) {
    if (timeout == null || timeout.isZero() || timeout.isNegative()) {
      return 0;
    }
    long s = (timeout.toMillis() + 999) / 1000;
    return (int) Math.min(Integer.MAX_VALUE, Math.max(1, s));
  }

  /** The pool's state, for health messages and tests: active and idle connections. */
  public String poolState() {
    var mx = pool.getHikariPoolMXBean();
    return mx == null ? "closed" : "active=" + mx.getActiveConnections() + " idle=" + mx.getIdleConnections();
  }

  /** Closes the pool: running queries end, idle connections close. Idempotent. */
  @Override
  public void close() {
    if (closed.compareAndSet(false, true)) {
      pool.close();
    }
  }

  private static String scrub(Throwable e, Secret password) {
    String m = String.valueOf(e.getMessage());
    Throwable cause = e.getCause();
    if (cause != null && cause != e) {
      m = m + ": " + cause.getMessage();
    }
    return password == null || password.reveal().isEmpty() ? m : m.replace(password.reveal(), "***");
  }
}
