package dev.atomemo4j.runtime.internal.phoenix;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/** Delay before retry number {@code tries} (1 for the first retry), like phoenix.js {@code reconnectAfterMs}. */
@FunctionalInterface
public interface Backoff {

  /** hub-protocol.md §6: socket reconnect. */
  Backoff RECONNECT =
      steps(Duration.ofMillis(5000), millis(10, 50, 100, 150, 200, 250, 500, 1000, 2000));

  /** hub-protocol.md §6: channel rejoin. */
  Backoff REJOIN = steps(Duration.ofMillis(10_000), millis(1000, 2000, 5000));

  Duration delay(int tries);

  /** {@code table.get(tries - 1)} while inside the table, {@code after} beyond it. */
  static Backoff steps(Duration after, List<Duration> table) {
    Objects.requireNonNull(after, "after");
    List<Duration> copy = List.copyOf(table);
    return tries -> tries >= 1 && tries <= copy.size() ? copy.get(tries - 1) : after;
  }

  /** Every try waits the same. Handy in tests. */
  static Backoff constant(Duration delay) {
    Objects.requireNonNull(delay, "delay");
    return tries -> delay;
  }

  private static List<Duration> millis(long... values) {
    return java.util.Arrays.stream(values).mapToObj(Duration::ofMillis).toList();
  }
}
