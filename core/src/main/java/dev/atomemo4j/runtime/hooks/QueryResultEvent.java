package dev.atomemo4j.runtime.hooks;

import dev.atomemo4j.runtime.datasource.QueryResult;
import java.util.Objects;

/**
 * What an {@code AFTER_QUERY} hook sees: the query that ran (after every rewrite) and its answer. Observation only:
 * the result is immutable and the hook's return value and failures change nothing.
 *
 * @param datasourceId the id of the datasource plugin that answered
 * @param sql the query as it ran
 * @param result the answer
 * @param durationMs how long the query took, measured by the host
 */
public record QueryResultEvent(String datasourceId, String sql, QueryResult result, long durationMs) {
  public QueryResultEvent {
    Objects.requireNonNull(datasourceId, "datasourceId");
    Objects.requireNonNull(sql, "sql");
    Objects.requireNonNull(result, "result");
  }
}
