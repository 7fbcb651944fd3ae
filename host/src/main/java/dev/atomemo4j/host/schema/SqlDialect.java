package dev.atomemo4j.host.schema;

import dev.atomemo4j.annotations.ColumnType;
import dev.atomemo4j.annotations.ParserDialect;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;

/**
 * The two storage databases the host supports and how each writes a plugin table: its types, literals, the
 * generated id, and who keeps {@code updated_at} current (H2: the column's {@code ON UPDATE}; PostgreSQL: a
 * {@code BEFORE UPDATE} trigger). PostgreSQL runs DDL in transactions; H2 commits at every DDL statement, which
 * {@link SchemaMigrator} makes up for.
 */
public enum SqlDialect {
  H2(ParserDialect.H2),
  POSTGRESQL(ParserDialect.POSTGRESQL);

  /** The PostgreSQL function every plugin table's {@code updated_at} trigger calls. */
  static final String TOUCH_FUNCTION = "atomemo4j_touch_updated_at";

  private final ParserDialect parser;

  SqlDialect(ParserDialect parser) {
    this.parser = parser;
  }

  /** What a connection talks to. */
  public static SqlDialect of(Connection c) throws SQLException {
    String product = c.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
    if (product.contains("postgres")) {
      return POSTGRESQL;
    }
    if (product.contains("h2")) {
      return H2;
    }
    throw new SQLException("plugin tables need H2 or PostgreSQL, not " + product);
  }

  public ParserDialect parser() {
    return parser;
  }

  /** Whether a failed transaction also takes back its DDL. */
  boolean transactionalDdl() {
    return this == POSTGRESQL;
  }

  String type(ColumnType type) {
    return switch (type) {
      case TEXT -> this == H2 ? "VARCHAR" : "TEXT";
      case INTEGER -> "INTEGER";
      case BIGINT -> "BIGINT";
      case DOUBLE -> "DOUBLE PRECISION";
      case DECIMAL -> "NUMERIC";
      case BOOLEAN -> "BOOLEAN";
      case TIMESTAMP -> "TIMESTAMP WITH TIME ZONE";
      case JSON -> this == H2 ? "JSON" : "JSONB";
      case UUID -> "UUID";
      case AUTO -> throw new IllegalArgumentException("AUTO is resolved by the processor");
    };
  }

  /** A default written as {@code @Column(defaultValue)} (checked for its type at compile time) as SQL. */
  String literal(ColumnType type, String value) {
    return switch (type) {
      case INTEGER, BIGINT, DOUBLE, DECIMAL -> new java.math.BigDecimal(value).toString();
      case BOOLEAN -> Boolean.parseBoolean(value) ? "TRUE" : "FALSE";
      case TIMESTAMP -> "TIMESTAMP WITH TIME ZONE " + quote(value);
      case JSON -> this == H2 ? "JSON " + quote(value) : "CAST(" + quote(value) + " AS JSONB)";
      case UUID -> "CAST(" + quote(java.util.UUID.fromString(value).toString()) + " AS UUID)";
      default -> quote(value);
    };
  }

  /** The placeholder a value of {@code type} binds to, as a string for JSON. */
  String placeholder(ColumnType type) {
    if (type == ColumnType.JSON) {
      return this == H2 ? "? FORMAT JSON" : "CAST(? AS JSONB)";
    }
    return "?";
  }

  /** The host's own columns, first in every plugin table. */
  String ownColumns() {
    String ts = "TIMESTAMP WITH TIME ZONE";
    return this == H2
        ? "id UUID DEFAULT RANDOM_UUID() PRIMARY KEY, created_at " + ts + " DEFAULT CURRENT_TIMESTAMP NOT NULL, "
            + "updated_at " + ts + " DEFAULT CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP NOT NULL"
        : "id UUID DEFAULT gen_random_uuid() PRIMARY KEY, created_at " + ts + " DEFAULT now() NOT NULL, "
            + "updated_at " + ts + " DEFAULT now() NOT NULL";
  }

  private static String quote(String s) {
    return "'" + s.replace("'", "''") + "'";
  }
}
