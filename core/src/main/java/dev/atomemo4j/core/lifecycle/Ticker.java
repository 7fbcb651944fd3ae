package dev.atomemo4j.core.lifecycle;

/**
 * A monotonic time source in nanoseconds, for latencies and cache ages. Injectable so tests drive the health
 * cache's TTL without waiting.
 */
@FunctionalInterface
public interface Ticker {
  /** {@link System#nanoTime()}. */
  Ticker SYSTEM = System::nanoTime;

  long nanos();
}
