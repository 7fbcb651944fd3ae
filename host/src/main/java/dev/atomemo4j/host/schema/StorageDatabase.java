package dev.atomemo4j.host.schema;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * The host's one storage database, shared by the action store and the plugins' tables: an H2 file by default,
 * PostgreSQL in deployment. A pool the host opens and closes, or a data source the caller owns.
 */
public final class StorageDatabase implements AutoCloseable {
  private final DataSource dataSource;
  private final AutoCloseable pool;
  private final SqlDialect dialect;

  private StorageDatabase(DataSource dataSource, AutoCloseable pool) {
    this.dataSource = dataSource;
    this.pool = pool;
    try (Connection c = dataSource.getConnection()) {
      this.dialect = SqlDialect.of(c);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot reach the storage database: " + e.getMessage(), e);
    }
  }

  /** A pool on {@code jdbcUrl} (user and password in the URL), closed by {@link #close()}. */
  public static StorageDatabase open(String jdbcUrl) {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(Objects.requireNonNull(jdbcUrl, "jdbcUrl"));
    config.setMaximumPoolSize(8);
    config.setPoolName("atomemo4j-storage");
    HikariDataSource ds = new HikariDataSource(config);
    try {
      return new StorageDatabase(ds, ds);
    } catch (RuntimeException e) {
      ds.close();
      throw e;
    }
  }

  /** The embedded default: an H2 database in {@code file} (without the {@code .mv.db} suffix). */
  public static StorageDatabase h2File(Path file) {
    return open("jdbc:h2:file:" + file.toAbsolutePath());
  }

  /** A data source the caller keeps and closes; {@link #close()} leaves it open. */
  public static StorageDatabase using(DataSource dataSource) {
    return new StorageDatabase(Objects.requireNonNull(dataSource, "dataSource"), () -> {});
  }

  public DataSource dataSource() {
    return dataSource;
  }

  public SqlDialect dialect() {
    return dialect;
  }

  @Override
  public void close() {
    try {
      pool.close();
    } catch (Exception e) {
      throw new IllegalStateException("cannot close the storage database", e);
    }
  }
}
