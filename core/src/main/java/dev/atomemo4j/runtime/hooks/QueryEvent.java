package dev.atomemo4j.runtime.hooks;

import java.util.Objects;

/**
 * What a {@code BEFORE_QUERY} hook sees: the query about to run, as the host validated it (or as the previous hook
 * rewrote it, validated again).
 *
 * @param datasourceId the id of the datasource plugin the query goes to
 * @param sql the query text
 */
public record QueryEvent(String datasourceId, String sql) {
  public QueryEvent {
    Objects.requireNonNull(datasourceId, "datasourceId");
    Objects.requireNonNull(sql, "sql");
  }
}
