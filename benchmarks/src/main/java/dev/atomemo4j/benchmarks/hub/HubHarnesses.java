package dev.atomemo4j.benchmarks.hub;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;

/** Where measures 1, 2, 6 and 7 get their {@link HubHarness}. */
public final class HubHarnesses {

  private HubHarnesses() {}

  /**
   * A new {@link LoopbackHubHarness} (a started dev hub on 127.0.0.1, serving plugins with
   * {@code dev.atomemo4j.runtime.Atomemo4j}); close it when done. Optional so that a measure can still say
   * "not measured yet" if a harness is ever unavailable.
   */
  public static Optional<HubHarness> find() {
    try {
      return Optional.of(new LoopbackHubHarness());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start the loopback hub", e);
    }
  }
}
