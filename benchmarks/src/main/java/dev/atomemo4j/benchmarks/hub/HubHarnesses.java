package dev.atomemo4j.benchmarks.hub;

import java.util.Optional;

/** Where measures 1, 2, 6 and 7 get their {@link HubHarness}. */
public final class HubHarnesses {

  private HubHarnesses() {}

  /**
   * The harness, once the Hub transport exists. TODO(issue 7, measures 1, 2, 6, 7): return a
   * {@code LoopbackHubHarness} built on {@code dev.atomemo4j.runtime.Atomemo4j} and the dev hub when they land.
   */
  public static Optional<HubHarness> find() {
    return Optional.empty();
  }
}
