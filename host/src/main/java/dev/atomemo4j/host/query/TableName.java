package dev.atomemo4j.host.query;

import dev.atomemo4j.annotations.ParserDialect;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One way to write a table's name, so that {@code Orders}, {@code orders} and (in H2) {@code "ORDERS"} compare
 * equal and {@code "Orders"} in PostgreSQL does not: unquoted parts are lower-cased; a quoted part keeps its case,
 * unless it is exactly what the database folds unquoted names to (lower case in PostgreSQL, upper case in H2).
 */
final class TableName {
  private TableName() {}

  /** The dotted name with each part normalized; quotes removed. */
  static String normalize(String qualifiedName, ParserDialect dialect) {
    List<String> parts = split(qualifiedName);
    StringBuilder out = new StringBuilder();
    for (String part : parts) {
      if (!out.isEmpty()) {
        out.append('.');
      }
      out.append(normalizePart(part, dialect));
    }
    return out.toString();
  }

  /** The schema a bare name resolves to when nobody changed the search path, lower case; null if none is known. */
  static String defaultSchema(ParserDialect dialect) {
    return switch (dialect) {
      case POSTGRESQL, REDSHIFT, H2 -> "public";
      case DUCKDB, SQLITE -> "main";
      case SQLSERVER -> "dbo";
      default -> null;
    };
  }

  private static String normalizePart(String part, ParserDialect dialect) {
    if (part.length() >= 2 && isQuote(part.charAt(0))) {
      String inner = part.substring(1, part.length() - 1);
      String folded = foldsToUpper(dialect) ? inner.toUpperCase(Locale.ROOT) : inner.toLowerCase(Locale.ROOT);
      return inner.equals(folded) ? inner.toLowerCase(Locale.ROOT) : inner;
    }
    return part.toLowerCase(Locale.ROOT);
  }

  private static boolean foldsToUpper(ParserDialect dialect) {
    return dialect == ParserDialect.H2 || dialect == ParserDialect.ORACLE || dialect == ParserDialect.SNOWFLAKE;
  }

  private static boolean isQuote(char c) {
    return c == '"' || c == '`' || c == '[';
  }

  /** Splits on dots outside quotes; keeps each part's quotes. */
  static List<String> split(String name) {
    List<String> parts = new ArrayList<>();
    StringBuilder part = new StringBuilder();
    char closing = 0;
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (closing != 0) {
        part.append(c);
        if (c == closing) {
          closing = 0;
        }
      } else if (c == '.') {
        parts.add(part.toString());
        part.setLength(0);
      } else {
        if (isQuote(c)) {
          closing = c == '[' ? ']' : c;
        }
        part.append(c);
      }
    }
    parts.add(part.toString());
    parts.removeIf(String::isEmpty);
    return parts;
  }
}
