package dev.atomemo4j.host.query;

import dev.atomemo4j.annotations.ParserDialect;
import net.sf.jsqlparser.JSQLParserException;
import net.sf.jsqlparser.parser.CCJSqlParser;
import net.sf.jsqlparser.parser.CCJSqlParserUtil;
import net.sf.jsqlparser.parser.feature.Feature;
import net.sf.jsqlparser.statement.Statements;

/**
 * JSqlParser set up for one of our dialects. Parsing runs on the caller's thread: the library's own entry points
 * start a thread per call to enforce a timeout, which costs more than the parse; the guard bounds the input's
 * length instead.
 */
final class ParserSetup {
  private ParserSetup() {}

  /** All statements of {@code sql}; tries the fast grammar first and the complex one only if that fails. */
  static Statements parse(String sql, ParserDialect dialect) throws JSQLParserException {
    try {
      return configured(sql, dialect, false).Statements();
    } catch (Exception | StackOverflowError simple) {
      if (CCJSqlParserUtil.getNestingDepth(sql) > CCJSqlParserUtil.ALLOWED_NESTING_DEPTH) {
        throw new JSQLParserException(simple);
      }
      try {
        return configured(sql, dialect, true).Statements();
      } catch (Exception | StackOverflowError complex) {
        throw new JSQLParserException(complex);
      }
    }
  }

  private static CCJSqlParser configured(String sql, ParserDialect dialect, boolean complex) {
    CCJSqlParser parser = CCJSqlParserUtil.newParser(sql).withAllowComplexParsing(complex);
    switch (dialect) {
      case SQLSERVER -> parser.withSquareBracketQuotation(true);
      case MYSQL, MARIADB, BIGQUERY, CLICKHOUSE -> parser.withBackslashEscapeCharacter(true);
      case POSTGRESQL, REDSHIFT, DUCKDB -> parser.withFeature(Feature.allowPostgresSpecificSyntax, true);
      default -> { }
    }
    return parser;
  }

  /** The parser's reason, first line only and short: its "was expecting one of" list helps nobody. */
  static String shortReason(Throwable error) {
    Throwable cause = error;
    while (cause.getCause() != null && cause.getCause() != cause) {
      cause = cause.getCause();
    }
    String message = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
    int cut = message.indexOf("Was expecting");
    if (cut >= 0) {
      message = message.substring(0, cut);
    }
    message = message.strip();
    int newline = message.indexOf('\n');
    if (newline >= 0) {
      message = message.substring(0, newline).strip();
    }
    if (message.length() > 200) {
      message = message.substring(0, 200) + "…";
    }
    return message.isEmpty() ? "unreadable SQL" : message;
  }
}
