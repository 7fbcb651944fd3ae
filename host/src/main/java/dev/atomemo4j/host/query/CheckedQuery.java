package dev.atomemo4j.host.query;

import java.util.OptionalLong;
import java.util.Set;

/**
 * A query {@link SqlGuard#check} accepted.
 *
 * @param sql the statement rebuilt from the syntax tree the guard checked (comments dropped, no trailing
 *     semicolon): sending this text rather than the original means no comment or quote the parser and the
 *     database read differently can carry anything the guard did not see
 * @param tables every table the query reads, lower-cased unless quoted, schema-qualified as written
 *     ({@code public.orders}); CTE names are not tables and are not listed
 * @param limit the row limit the outermost query already has ({@code LIMIT n} or {@code FETCH FIRST n ROWS}), empty
 *     when it has none or one that is not a literal
 */
public record CheckedQuery(String sql, Set<String> tables, OptionalLong limit) {
  public CheckedQuery {
    tables = Set.copyOf(tables);
  }
}
