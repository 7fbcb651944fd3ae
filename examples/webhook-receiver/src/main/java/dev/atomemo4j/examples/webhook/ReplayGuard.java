package dev.atomemo4j.examples.webhook;

import java.time.Clock;
import java.time.Duration;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Refuses a signature seen before, for as long as its timestamp is still within the tolerance: together with the
 * timestamp check, a captured request cannot be played again. Remembers at most {@code capacity} signatures (the
 * oldest are forgotten first), so a flood of valid requests cannot grow it without bound.
 */
final class ReplayGuard {
  private final Duration window;
  private final Clock clock;
  private final int capacity;
  /** Signature → when it may be forgotten (epoch seconds), oldest first. */
  private final Map<String, Long> seen = new LinkedHashMap<>();

  ReplayGuard(Duration window, Clock clock, int capacity) {
    this.window = window;
    this.clock = clock;
    this.capacity = capacity;
  }

  /** True the first time {@code signature} is offered within its window; false for a replay. */
  synchronized boolean firstUse(String signature) {
    long now = clock.instant().getEpochSecond();
    for (Iterator<Long> it = seen.values().iterator(); it.hasNext(); ) {
      if (it.next() < now) {
        it.remove();
      } else {
        break;
      }
    }
    if (seen.containsKey(signature)) {
      return false;
    }
    if (seen.size() >= capacity) {
      Iterator<String> oldest = seen.keySet().iterator();
      oldest.next();
      oldest.remove();
    }
    // Twice the window: a timestamp may be that far ahead of now and still pass the tolerance.
    seen.put(signature, now + 2 * window.toSeconds());
    return true;
  }
}
