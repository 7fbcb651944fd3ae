package dev.atomemo4j.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Makes the plugin a datasource ({@link PluginType#DATASOURCE}, atlas-features.md §2.1) and marks its connection
 * factory. Signature: {@code public QueryConnection connect()} on the {@link Plugin} class; at most one per plugin.
 * The host calls it once, when it wires the plugin (after {@code @Initialize}), and closes the connection when it
 * tears the plugin down, before the plugin's own {@code @Teardown}.
 *
 * <p>Every query reaches the connection only through the host's validation path: empty check, regex guard
 * (writes and {@link #forbiddenPatterns()}), a parse in {@link #parserDialect()} (one read-only statement), the
 * table whitelist from the plugin's {@link Entities}, an automatic row limit, the {@code beforeQuery} hooks (every
 * rewrite checked again), the statement timeout, then the {@code afterQuery} hooks. A {@link Validate} method
 * replaces the SQL steps for a query language that is not SQL.
 *
 * <p>A datasource without {@link HealthCheck} is probed by the host with {@code SELECT 1} under 5 s through its
 * connection (unless it has a {@link Validate}, whose language may not know {@code SELECT 1}).
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface Datasource {

  /** The database kind, e.g. {@code "postgres"}, {@code "h2"}, {@code "clickhouse"}, or any name of your own. */
  String dbType();

  /** The dialect the host's SQL parser reads the queries in; ignored when the plugin has a {@link Validate}. */
  ParserDialect parserDialect() default ParserDialect.ANSI;

  /**
   * Extra regular expressions ({@code java.util.regex}, matched case-insensitively anywhere in the query) that
   * refuse a query before it is parsed, e.g. {@code "\\bpg_read_file\\b"}. Each must compile (checked at build
   * time). Not allowed together with a {@link Validate} method, which replaces the whole SQL path.
   */
  String[] forbiddenPatterns() default {};

  /**
   * Guidance for the agent's prompt about this database's SQL, e.g. {@code "Use countIf; never add FORMAT"}
   * (Atlas {@code dialect}). Empty: none.
   */
  String dialect() default "";
}
