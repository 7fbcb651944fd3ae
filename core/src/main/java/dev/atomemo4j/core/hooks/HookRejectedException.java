package dev.atomemo4j.core.hooks;

import dev.atomemo4j.annotations.HookPoint;
import java.util.Objects;

/**
 * A before-hook refused the query or command: its handler threw ({@value #REJECTED}) or did not answer within its
 * deadline ({@value #TIMEOUT}; fail closed). The reason is written for the caller, e.g.
 * {@code Query rejected by plugin audit: tables of HR are off limits}; the plugin's message in it is stripped of
 * control characters, capped, and cleaned of the plugin's secret config values. The plugin's exception is not
 * attached, so nothing it carries reaches a log or an error payload through this one.
 */
public final class HookRejectedException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** A before-hook's handler threw. */
  public static final String REJECTED = "host:hook_rejected";
  /** A before-hook's matcher or handler ran past its deadline. */
  public static final String TIMEOUT = "host:hook_timeout";
  /** The caller's thread was interrupted while a before-hook ran. */
  public static final String INTERRUPTED = "host:interrupted";
  /** The host is closed: no hook can run, so nothing passes. */
  public static final String CLOSED = "host:closed";

  private final String code;
  private final String pluginId;
  private final HookPoint point;
  private final String method;

  public HookRejectedException(String code, String pluginId, HookPoint point, String method, String reason) {
    super(reason, null, false, false);
    this.code = Objects.requireNonNull(code, "code");
    this.pluginId = Objects.requireNonNull(pluginId, "pluginId");
    this.point = Objects.requireNonNull(point, "point");
    this.method = Objects.requireNonNull(method, "method");
  }

  /** The stable code: {@value #REJECTED}, {@value #TIMEOUT}, … */
  public String code() {
    return code;
  }

  /** The plugin whose hook refused. */
  public String pluginId() {
    return pluginId;
  }

  public HookPoint point() {
    return point;
  }

  /** The hook's Java method name. */
  public String method() {
    return method;
  }

  /** The reason without the code, for structured errors that carry the code separately. */
  public String reason() {
    return super.getMessage();
  }

  @Override
  public String getMessage() {
    return super.getMessage() + " [" + code + "]";
  }
}
