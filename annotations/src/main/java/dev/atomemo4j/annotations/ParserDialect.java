package dev.atomemo4j.annotations;

/**
 * The SQL dialect a datasource's queries are parsed in by the host's validation path ({@code @Datasource
 * parserDialect}). An enum rather than Atlas's free string, so an unknown dialect is a compile error; {@code ANSI}
 * is the parser's common ground for databases not listed.
 */
public enum ParserDialect {
  ANSI,
  POSTGRESQL,
  H2,
  MYSQL,
  MARIADB,
  SQLSERVER,
  ORACLE,
  SNOWFLAKE,
  BIGQUERY,
  CLICKHOUSE,
  DUCKDB,
  REDSHIFT,
  SQLITE
}
