package dev.atomemo4j.core.actions;

/**
 * The stable codes of an action request that did not end in a result, as every front end reports them (an MCP
 * tool error, the Hub's error payload) and as the host stores them in the request's error.
 */
public final class ActionCodes {
  /** A person (or the lack of one: a client that cannot ask its user) denied the request; its body never ran. */
  public static final String DENIED = "host:action_denied";
  /** The request waits for a decision this front end cannot make (admin-only); it stays stored, pending. */
  public static final String PENDING = "host:action_pending";
  /** The request expired before anyone decided it; its body never ran. */
  public static final String EXPIRED = "host:action_expired";
  /** The body ran past its deadline and was interrupted; the request is {@code failed}. */
  public static final String TIMEOUT = "host:action_timeout";
  /** The body failed (threw, or its result could not be encoded); the stored error says how. */
  public static final String FAILED = "host:action_failed";
  /** The host stopped while the body ran; never re-run by itself. */
  public static final String INTERRUPTED = "host:action_interrupted";

  private ActionCodes() {}
}
