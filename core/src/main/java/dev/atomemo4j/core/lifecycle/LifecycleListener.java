package dev.atomemo4j.core.lifecycle;

/**
 * Observes a host's plugins. Events are delivered on one host thread ({@code atomemo4j-host-events}), one at a time,
 * in the order they happened, so a listener may call back into the host; a listener that throws is logged and
 * still receives later events.
 */
public interface LifecycleListener {

  /** A plugin's status changed (including its registration, from null). */
  default void onTransition(StatusTransition transition) {}

  /** A plugin was enabled or disabled. */
  default void onEnabledChanged(EnabledChange change) {}

  /** A probe of a plugin ended (whether or not its status changed). */
  default void onHealthChecked(PluginHealth health) {}

  /** A plugin's teardown ended, cleanly or not (once per plugin, after its transition to {@code teardown}). */
  default void onTeardown(TeardownResult result) {}
}
