package dev.atomemo4j.host.query;

import java.time.Duration;
import java.util.Objects;

/**
 * The host's query limits (a {@code host.yaml}'s {@code queries:} section, or {@code PluginHost.Builder}).
 *
 * @param rowLimit the LIMIT added to a SQL query without one, and the cap of a larger LIMIT (default 1000); not
 *     applied to datasources with a custom validator, as in Atlas
 * @param timeout the statement timeout handed to the connection, and the host's deadline for the query
 *     (default 30 s): past it the query is cancelled and answers {@code query:timeout}
 */
public record QuerySettings(int rowLimit, Duration timeout) {
  public static final int DEFAULT_ROW_LIMIT = 1000;
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

  public QuerySettings {
    if (rowLimit < 1) {
      throw new IllegalArgumentException("the row limit must be at least 1, got " + rowLimit);
    }
    Objects.requireNonNull(timeout, "timeout");
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("the query timeout must be positive, got " + timeout);
    }
  }

  public static QuerySettings defaults() {
    return new QuerySettings(DEFAULT_ROW_LIMIT, DEFAULT_TIMEOUT);
  }

  public QuerySettings withRowLimit(int limit) {
    return new QuerySettings(limit, timeout);
  }

  public QuerySettings withTimeout(Duration value) {
    return new QuerySettings(rowLimit, value);
  }
}
