package dev.atomemo4j.runtime.hooks;

import java.util.Objects;

/**
 * What a {@code BEFORE_QUERY} hook returns to change the query: the new text. The host validates it again, exactly
 * as the original (its guard, parser, table whitelist and LIMIT, or the datasource's custom validator) before the
 * next hook sees it or the query runs; a rewrite that fails validation rejects the query. Return null (or declare
 * the method {@code void}) to pass the query on unchanged; throw to reject it.
 *
 * <p>Atlas's {@code metadata} bag (merged into the tool result) has no counterpart: a query answers a
 * {@code QueryResult}, which carries columns and rows only.
 *
 * @param sql the query to run instead
 */
public record QueryRewrite(String sql) {
  public QueryRewrite {
    Objects.requireNonNull(sql, "sql");
  }

  /** Rewrites the query to {@code sql}. */
  public static QueryRewrite to(String sql) {
    return new QueryRewrite(sql);
  }
}
