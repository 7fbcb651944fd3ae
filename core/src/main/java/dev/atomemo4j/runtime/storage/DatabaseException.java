package dev.atomemo4j.runtime.storage;

import dev.atomemo4j.runtime.Atomemo4jException;

/**
 * A {@link PluginDatabase} call that was refused or failed, with a stable code. Its message names the table or the
 * database's reason, never a parameter's value.
 */
public final class DatabaseException extends Atomemo4jException {
  private static final long serialVersionUID = 1L;

  /** The statement names a table that is not the plugin's own. */
  public static final String TABLE_NOT_OWNED = "db:table_not_owned";
  /** A record or name that is not one of the plugin's tables. */
  public static final String NOT_A_TABLE = "db:not_a_table";
  /** The statement does not parse, so what it touches cannot be checked. */
  public static final String UNPARSABLE = "db:unparsable";
  /** A statement kind or function {@code db()} does not run (DDL, a DO block, SQL in a string). */
  public static final String STATEMENT_NOT_ALLOWED = "db:statement_not_allowed";
  /** The database refused the statement. */
  public static final String STATEMENT_FAILED = "db:statement_failed";

  public DatabaseException(String code, String message) {
    super(code, message, null);
  }

  public DatabaseException(String code, String message, Throwable cause) {
    super(code, message, cause);
  }
}
