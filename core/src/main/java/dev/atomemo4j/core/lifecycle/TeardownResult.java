package dev.atomemo4j.core.lifecycle;

import java.time.Instant;
import java.util.Objects;

/**
 * How one plugin's teardown ended, published once per plugin when the host closes (LIFO), after its
 * {@code @Teardown} and its {@code closeOnTeardown} resources. A status transition only says a plugin entered
 * {@code teardown}; this says whether leaving went well, which operators (and the test kit) need to know.
 *
 * @param teardownCalled whether its {@code @Teardown} method was called: false when it has none, was never created
 *     (initialize failed) or the host's close deadline passed before its turn
 * @param problem why the teardown did not end cleanly (a failure, a deadline, a resource that would not close), in
 *     words; null when it did
 * @param at when it ended, by the host's clock
 */
public record TeardownResult(String pluginId, boolean teardownCalled, String problem, Instant at) {
  public TeardownResult {
    Objects.requireNonNull(pluginId, "pluginId");
    Objects.requireNonNull(at, "at");
  }

  /** Whether the teardown (and the closing of its resources) ended without a problem. */
  public boolean ok() {
    return problem == null;
  }

  @Override
  public String toString() {
    return pluginId + ": teardown " + (ok() ? "ok" : "failed: " + problem)
        + (teardownCalled ? "" : " (@Teardown not called)");
  }
}
