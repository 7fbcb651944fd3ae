package dev.atomemo4j.core.hooks;

import dev.atomemo4j.core.lifecycle.Ticker;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;

/**
 * Rate limit for hook failures, which a hook can produce on every query or request: per key (plugin, point,
 * method), the first {@value #BURST} in a window are logged; the rest are counted and reported in one line when the
 * next window opens.
 */
final class HookWarnings {
  static final int BURST = 5;
  static final long WINDOW_NANOS = TimeUnit.SECONDS.toNanos(60);

  private final Logger log;
  private final Ticker ticker;
  private final ConcurrentHashMap<String, Window> windows = new ConcurrentHashMap<>();

  private static final class Window {
    long start;
    int logged;
    long suppressed;
  }

  HookWarnings(Logger log, Ticker ticker) {
    this.log = log;
    this.ticker = ticker;
  }

  void warn(String key, String format, Object... args) {
    long now = ticker.nanos();
    Window w = windows.computeIfAbsent(key, k -> {
      Window fresh = new Window();
      fresh.start = now;
      return fresh;
    });
    long summarize = 0;
    boolean emit;
    synchronized (w) {
      if (now - w.start >= WINDOW_NANOS) {
        summarize = w.suppressed;
        w.suppressed = 0;
        w.start = now;
        w.logged = 0;
      }
      emit = w.logged < BURST;
      if (emit) {
        w.logged++;
      } else {
        w.suppressed++;
      }
    }
    if (summarize > 0) {
      log.warn("{} more hook warning(s) of {} were suppressed in the last {} s", summarize, key,
          TimeUnit.NANOSECONDS.toSeconds(WINDOW_NANOS));
    }
    if (emit) {
      log.warn(format, args);
    }
  }

  /** Warnings of {@code key} not logged since its window opened. */
  long suppressed(String key) {
    Window w = windows.get(key);
    if (w == null) {
      return 0;
    }
    synchronized (w) {
      return w.suppressed;
    }
  }
}
