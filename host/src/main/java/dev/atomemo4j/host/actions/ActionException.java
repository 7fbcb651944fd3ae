package dev.atomemo4j.host.actions;

import java.util.Objects;

/**
 * A refused action call: unknown action, invalid input, missing credentials, not allowed to approve, not pending.
 * The stable {@code code} ({@code action:…} or the pipeline's {@code sdk:…}) is for programs; the message never
 * holds a secret.
 */
public final class ActionException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final String code;

  public ActionException(String code, String message) {
    super(message, null, false, false);
    this.code = Objects.requireNonNull(code, "code");
  }

  public String code() {
    return code;
  }

  /** Codes of the approval workflow; the pipeline's own codes ({@code sdk:…}) pass through unchanged. */
  public static final String NOT_FOUND = "action:not_found";
  public static final String NOT_PENDING = "action:not_pending";
  public static final String NO_USER = "action:no_user";
  public static final String FORBIDDEN = "action:forbidden";
  public static final String SELF_APPROVAL = "action:self_approval";
  public static final String PLUGIN_NOT_RUNNING = "action:plugin_not_running";
}
