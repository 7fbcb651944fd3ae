package dev.atomemo4j.core.lifecycle;

import java.util.Objects;

/**
 * A host operation that cannot be done, with a stable code: {@code host:unknown_plugin}, {@code host:in_teardown},
 * {@code host:required_plugin_failed}, {@code host:closed}, … ({@link InvalidConfigException} for configuration).
 */
public class LifecycleException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public static final String UNKNOWN_PLUGIN = "host:unknown_plugin";
  public static final String IN_TEARDOWN = "host:in_teardown";
  public static final String REQUIRED_PLUGIN_FAILED = "host:required_plugin_failed";
  public static final String CLOSED = "host:closed";
  /** A table migration of the plugin failed or an applied step changed: it stays unhealthy. */
  public static final String MIGRATION_FAILED = "host:migration_failed";

  private final String code;

  public LifecycleException(String code, String message) {
    super(message);
    this.code = Objects.requireNonNull(code, "code");
  }

  /** The stable code, e.g. {@code host:unknown_plugin}. */
  public String code() {
    return code;
  }

  @Override
  public String getMessage() {
    return super.getMessage() + " [" + code + "]";
  }

  /** The message without the code suffix, for structured errors that carry the code separately. */
  public String reason() {
    return super.getMessage();
  }

  static LifecycleException unknownPlugin(String id, Iterable<String> known) {
    return new LifecycleException(UNKNOWN_PLUGIN, "no plugin `" + id + "` in this host; plugins: "
        + String.join(", ", known));
  }
}
