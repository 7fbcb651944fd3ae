package dev.atomemo4j.host.query;

import java.util.Objects;

/**
 * A datasource query the host refused to run. {@link #code()} is stable and meant for programs ({@code query:…});
 * {@link #reason()} is the user-facing sentence (Atlas shows it to the user and writes it to the audit log). Neither
 * ever carries more of the query than the offending keyword, function or table name.
 */
public final class QueryRejectedException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Nothing left once comments and whitespace are gone. */
  public static final String EMPTY = "query:empty";
  /** Longer than the guard parses (a bound on parse time, since parsing runs on the caller's thread). */
  public static final String TOO_LONG = "query:too_long";
  /** A DML/DDL keyword outside literals and comments, or one of the datasource's {@code forbiddenPatterns}. */
  public static final String FORBIDDEN_PATTERN = "query:forbidden_pattern";
  /** The parser could not read the query in the datasource's dialect. */
  public static final String PARSE_ERROR = "query:parse_error";
  /** More than one statement. */
  public static final String MULTIPLE_STATEMENTS = "query:multiple_statements";
  /** One statement, but not a query (EXPLAIN, SET, CALL, COPY, …). */
  public static final String NOT_READ_ONLY = "query:not_read_only";
  /** {@code WITH x AS (INSERT/UPDATE/DELETE …) SELECT …}. */
  public static final String WRITE_IN_CTE = "query:write_in_cte";
  /** {@code SELECT … INTO}: creates a table. */
  public static final String SELECT_INTO = "query:select_into";
  /** {@code FOR UPDATE / FOR SHARE / …}: takes row locks. */
  public static final String LOCKING_CLAUSE = "query:locking_clause";
  /** A function with side effects or access to files, the network, sessions or sleep. */
  public static final String FORBIDDEN_FUNCTION = "query:forbidden_function";
  /** A table outside the datasource's entities. */
  public static final String TABLE_NOT_ALLOWED = "query:table_not_allowed";

  private final String code;
  private final String reason;

  public QueryRejectedException(String code, String reason) {
    super(code + ": " + reason, null, false, false);
    this.code = Objects.requireNonNull(code, "code");
    this.reason = Objects.requireNonNull(reason, "reason");
  }

  /** The stable code, {@code query:…}. */
  public String code() {
    return code;
  }

  /** Why, in one sentence for the user. */
  public String reason() {
    return reason;
  }
}
