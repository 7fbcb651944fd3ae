package dev.atomemo4j.host.query;

import dev.atomemo4j.runtime.datasource.QueryResult;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * What {@code PluginHost.query} answers: the datasource's result and how it came about.
 *
 * @param sql the query as it ran: after the automatic LIMIT and every hook rewrite
 * @param duration how long the datasource took, measured by the host (validation and hooks not included)
 * @param metadata facts about the run, for the agent and the console: {@code rowLimit} (the LIMIT the host added,
 *     when it added one), {@code rewritten} (true when a hook changed the query), {@code validation}
 *     ({@code "sql"} or {@code "custom"})
 */
public record QueryAnswer(String datasourceId, QueryResult result, String sql, Duration duration,
    Map<String, Object> metadata) {

  public QueryAnswer {
    Objects.requireNonNull(datasourceId, "datasourceId");
    Objects.requireNonNull(result, "result");
    Objects.requireNonNull(sql, "sql");
    Objects.requireNonNull(duration, "duration");
    // In the order the host put them, for stable JSON.
    metadata = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(metadata));
  }
}
