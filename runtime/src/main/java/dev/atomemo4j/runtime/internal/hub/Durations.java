package dev.atomemo4j.runtime.internal.hub;

import java.time.Duration;

/** Durations as people read them in messages: {@code 250 ms}, {@code 10 s}, {@code 30 min}. */
final class Durations {
  private Durations() {}

  static String describe(Duration d) {
    long ms = d.toMillis();
    if (ms < 1000 || ms % 1000 != 0) {
      return ms + " ms";
    }
    long s = ms / 1000;
    if (s < 60 || s % 60 != 0) {
      return s + " s";
    }
    long min = s / 60;
    return min % 60 != 0 || min < 60 ? min + " min" : (min / 60) + " h";
  }
}
