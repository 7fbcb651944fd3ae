package dev.atomemo4j.runtime.datasource;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * What a datasource query answers: column names in order and the rows, each a list of cell values in column order
 * (JDBC-style Java values; null for SQL NULL). Immutable: hooks observe it and cannot change the answer.
 */
public record QueryResult(List<String> columns, List<List<Object>> rows) {
  public QueryResult {
    columns = List.copyOf(columns);
    List<List<Object>> copy = new ArrayList<>(rows.size());
    for (List<Object> row : rows) {
      Objects.requireNonNull(row, "row");
      // List.copyOf refuses nulls, and SQL NULL is a legal cell.
      copy.add(Collections.unmodifiableList(new ArrayList<>(row)));
    }
    rows = Collections.unmodifiableList(copy);
  }
}
