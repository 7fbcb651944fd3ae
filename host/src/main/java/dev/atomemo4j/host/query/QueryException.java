package dev.atomemo4j.host.query;

import java.util.Objects;

/**
 * A datasource query the host refused or could not answer, with a stable {@code code} for programs and a reason
 * for the user (never a secret, never the plugin's stack). Codes: the SQL guard's ({@code query:…}), the ones
 * below, and a before-hook's ({@code host:hook_rejected}, {@code host:hook_timeout}).
 */
public final class QueryException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** The query is empty or blank. */
  public static final String EMPTY = "query:empty";
  /** No hosted plugin with that id is a datasource. */
  public static final String UNKNOWN_DATASOURCE = "query:unknown_datasource";
  /** The datasource plugin is disabled. */
  public static final String DISABLED = "query:datasource_disabled";
  /** The datasource plugin is not healthy (failed to start, failing its probe, torn down). */
  public static final String UNHEALTHY = "query:datasource_unhealthy";
  /** The datasource has no connection: its {@code @Datasource} method failed at wiring. */
  public static final String NOT_CONNECTED = "query:not_connected";
  /** The datasource's custom {@code @Validate} refused the query (its reason is the message). */
  public static final String INVALID = "query:invalid";
  /** The query ran past the host's deadline or the database's statement timeout; it was cancelled. */
  public static final String TIMEOUT = "query:timeout";
  /** The database (or the connection) failed the query. */
  public static final String FAILED = "query:failed";
  /** The caller was interrupted while the query ran; it was cancelled. */
  public static final String INTERRUPTED = "query:interrupted";

  private final String code;
  private final String reason;

  public QueryException(String code, String reason) {
    super(reason + " [" + code + "]", null, false, false);
    this.code = Objects.requireNonNull(code, "code");
    this.reason = Objects.requireNonNull(reason, "reason");
  }

  public String code() {
    return code;
  }

  /** The user-facing reason, without the code. */
  public String reason() {
    return reason;
  }
}
