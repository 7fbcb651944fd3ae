package dev.atomemo4j.runtime.datasource;

import java.time.Duration;

/**
 * A datasource's connection, made by its {@code @Datasource} method (Atlas {@code PluginDBConnection}). The host
 * calls {@link #query} only with a query that passed its validation path, and on its own thread; a query still
 * running at the host's deadline is interrupted, so an implementation should stop at an interrupt (JDBC: cancel
 * the statement) and stay usable for the next query. Must be safe for concurrent queries.
 */
public interface QueryConnection {

  /**
   * Runs one validated query.
   *
   * @param timeout the statement timeout the database should enforce itself (JDBC {@code setQueryTimeout})
   */
  QueryResult query(String sql, Duration timeout) throws Exception;

  /**
   * Releases the connection (a pool, a client); called once, at teardown. Nothing by default. (Not {@code
   * AutoCloseable}: javac's lint would warn on every implementation that {@code close} may throw
   * InterruptedException.)
   */
  default void close() throws Exception {}
}
