package dev.atomemo4j.core.query;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a query answered through a {@link QueryGateway}, ready to be written as JSON by any front end.
 *
 * @param datasourceId the datasource that answered
 * @param sql the query as it ran: after the automatic LIMIT and every hook's rewrite
 * @param duration how long the datasource took, measured by the host
 * @param columns the column labels, in order
 * @param rows the rows, each as long as {@code columns}; a cell is null, a {@link String}, a {@link Boolean} or a
 *     {@link Number} (bytes come as base64 text, dates and anything else as their text), as the host's admin API
 *     writes them
 * @param metadata facts about the run ({@code rowLimit}, {@code rewritten}, {@code validation}), values of the
 *     same kinds as cells
 */
public record QueryRows(String datasourceId, String sql, Duration duration, List<String> columns,
    List<List<Object>> rows, Map<String, Object> metadata) {

  public QueryRows {
    Objects.requireNonNull(datasourceId, "datasourceId");
    Objects.requireNonNull(sql, "sql");
    Objects.requireNonNull(duration, "duration");
    columns = List.copyOf(columns);
    // Cells may be null, which List.copyOf refuses: copy each row into an unmodifiable list of its own.
    List<List<Object>> copied = new ArrayList<>(rows.size());
    for (List<Object> row : rows) {
      copied.add(Collections.unmodifiableList(new ArrayList<>(row)));
    }
    rows = Collections.unmodifiableList(copied);
    metadata = Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
  }
}
