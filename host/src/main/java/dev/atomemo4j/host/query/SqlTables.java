package dev.atomemo4j.host.query;

import dev.atomemo4j.annotations.ParserDialect;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The tables a statement of any kind names, for checks that are not about reading (migrations may touch only
 * their plugin's tables). DML targets, DDL subjects, foreign-key targets and every table read count; CTE names do
 * not. Names are normalized as {@link SqlGuard} does, schema qualification kept.
 */
public final class SqlTables {
  private SqlTables() {}

  /**
   * @throws QueryRejectedException {@code query:parse_error} when the text does not parse in the dialect
   */
  public static Set<String> referenced(String sql, ParserDialect dialect) {
    return new LinkedHashSet<>(StatementTables.of(sql, dialect));
  }
}
