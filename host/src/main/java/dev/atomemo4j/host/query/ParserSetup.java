package dev.atomemo4j.host.query;

import dev.atomemo4j.annotations.ParserDialect;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import net.sf.jsqlparser.JSQLParserException;
import net.sf.jsqlparser.parser.CCJSqlParser;
import net.sf.jsqlparser.parser.CCJSqlParserUtil;
import net.sf.jsqlparser.parser.Node;
import net.sf.jsqlparser.parser.StringProvider;
import net.sf.jsqlparser.parser.feature.Feature;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.Statements;

/**
 * JSqlParser set up for one of our dialects. Parsing runs on the caller's thread: the library's own entry points
 * start a thread per call to enforce a timeout, which costs more than the parse; the guard bounds the input's
 * length instead.
 */
final class ParserSetup {
  private ParserSetup() {}

  /**
   * What one parse produced.
   *
   * @param statements the statements, none null
   * @param syntaxTree the parser's concrete syntax tree, every production that builds a node, with the AST object
   *     it built as its value: {@link SyntaxScan} reads it to check nothing the AST walk missed
   */
  record Parsed(List<Statement> statements, Node syntaxTree) {}

  /** A parser that hands out its syntax tree (JSqlParser keeps it in a protected field). */
  private static final class TreeKeepingParser extends CCJSqlParser {
    TreeKeepingParser(String sql) {
      super(new StringProvider(sql));
    }

    Node syntaxTree() {
      return jjtree.rootNode();
    }
  }

  /** All statements of {@code sql}; tries the fast grammar first and the complex one only if that fails. */
  static Parsed parse(String sql, ParserDialect dialect) throws JSQLParserException {
    try {
      return run(configured(sql, dialect, false));
    } catch (Exception | StackOverflowError simple) {
      if (CCJSqlParserUtil.getNestingDepth(sql) > CCJSqlParserUtil.ALLOWED_NESTING_DEPTH) {
        throw new JSQLParserException(simple);
      }
      try {
        return run(configured(sql, dialect, true));
      } catch (Exception | StackOverflowError complex) {
        throw new JSQLParserException(complex);
      }
    }
  }

  private static Parsed run(TreeKeepingParser parser) throws Exception {
    Statements statements = parser.Statements();
    List<Statement> all = new ArrayList<>(statements == null ? List.of() : statements);
    all.removeIf(Objects::isNull);
    return new Parsed(List.copyOf(all), parser.syntaxTree());
  }

  private static TreeKeepingParser configured(String sql, ParserDialect dialect, boolean complex) {
    TreeKeepingParser parser = new TreeKeepingParser(sql);
    parser.withAllowComplexParsing(complex);
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
    message = message.strip().replaceAll("\\s+", " ");
    if (message.length() > 200) {
      message = message.substring(0, 200) + "…";
    }
    return message.isEmpty() ? "unreadable SQL" : message;
  }
}
