package dev.atomemo4j.jdbc;

import dev.atomemo4j.runtime.Secret;
import java.time.Duration;
import java.util.Objects;

/**
 * How {@link JdbcQueryConnection} opens its pool.
 *
 * @param url the JDBC URL, e.g. {@code jdbc:postgresql://db:5432/shop}; its driver must be on the classpath
 * @param user null when the URL or the driver supplies it
 * @param password null when none; never logged, never put in an exception
 * @param poolSize the most connections the pool opens (queries beyond it wait for one)
 * @param connectTimeout how long a query waits for a free connection, and the pool for the database at start
 * @param readOnly whether connections are opened read-only ({@code Connection.setReadOnly}), a second fence behind
 *     the host's validation path where the driver honours it
 */
public record JdbcSettings(String url, String user, Secret password, int poolSize, Duration connectTimeout,
    boolean readOnly) {

  public static final int DEFAULT_POOL_SIZE = 4;
  public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);

  public JdbcSettings {
    Objects.requireNonNull(url, "url");
    if (!url.startsWith("jdbc:")) {
      throw new IllegalArgumentException("a JDBC URL starts with jdbc:, got " + url.split("[;?]", 2)[0]);
    }
    if (poolSize < 1) {
      throw new IllegalArgumentException("the pool size must be at least 1, got " + poolSize);
    }
    Objects.requireNonNull(connectTimeout, "connectTimeout");
    if (connectTimeout.toMillis() < 250) {
      throw new IllegalArgumentException("the connect timeout must be at least 250 ms (HikariCP's minimum)");
    }
  }

  /** The URL with the defaults: 4 connections, 10 s to connect, read-only. */
  public static JdbcSettings of(String url, String user, Secret password) {
    return new JdbcSettings(url, user, password, DEFAULT_POOL_SIZE, DEFAULT_CONNECT_TIMEOUT, true);
  }

  public JdbcSettings withPoolSize(int size) {
    return new JdbcSettings(url, user, password, size, connectTimeout, readOnly);
  }

  public JdbcSettings withConnectTimeout(Duration timeout) {
    return new JdbcSettings(url, user, password, poolSize, timeout, readOnly);
  }

  public JdbcSettings withReadOnly(boolean value) {
    return new JdbcSettings(url, user, password, poolSize, connectTimeout, value);
  }

  @Override
  public String toString() {
    // The URL may carry a password (…?password=…): only its scheme and host part are shown.
    return "JdbcSettings[url=" + url.split("[;?]", 2)[0] + ", user=" + user + ", password="
        + (password == null ? "none" : "***") + ", poolSize=" + poolSize + "]";
  }
}
