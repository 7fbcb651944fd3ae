package dev.atomemo4j.core.lifecycle;

import java.time.Duration;

/**
 * The kinds of lifecycle call a host makes into a plugin, each with its default deadline (atlas-features.md §16
 * row 2). A plugin's annotation ({@code timeoutMs}) overrides the default; {@link Deadlines} caps every deadline
 * at the host maximum.
 */
public enum CallKind {
  /** Creating the plugin object and calling {@code @Initialize}. */
  INITIALIZE("initialize", Duration.ofSeconds(30)),
  /** {@code @HealthCheck}. */
  HEALTH_CHECK("health", Duration.ofSeconds(5)),
  /** {@code @Teardown}, and each resource registered with {@code closeOnTeardown}. */
  TEARDOWN("teardown", Duration.ofSeconds(10)),
  /** {@code @OnUninstall}. */
  ON_UNINSTALL("on-uninstall", Duration.ofSeconds(15)),
  /** {@code @ContextProvider}. */
  CONTEXT_LOAD("context-load", Duration.ofSeconds(10)),
  /** {@code @Refresh}. */
  REFRESH("refresh", Duration.ofSeconds(30)),
  /**
   * Each {@code @Hook} call (its matcher and handler together). Past it a before-hook rejects (fail closed); an
   * observation hook is logged.
   */
  HOOK("hook", Duration.ofSeconds(5));

  private final String wireName;
  private final Duration defaultDeadline;

  CallKind(String wireName, Duration defaultDeadline) {
    this.wireName = wireName;
    this.defaultDeadline = defaultDeadline;
  }

  /** The name used in thread names, host files ({@code timeouts:}) and the admin API. */
  public String wireName() {
    return wireName;
  }

  /** The deadline when neither the plugin nor the host configuration sets one. */
  public Duration defaultDeadline() {
    return defaultDeadline;
  }

  /** The kind of a wire name, or null. */
  public static CallKind ofWireName(String name) {
    for (CallKind kind : values()) {
      if (kind.wireName.equals(name)) {
        return kind;
      }
    }
    return null;
  }
}
