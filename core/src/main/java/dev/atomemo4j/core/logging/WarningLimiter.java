package dev.atomemo4j.core.logging;

import dev.atomemo4j.core.lifecycle.Ticker;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;

/**
 * Rate limit for warnings something outside our control can trigger at will (a peer's malformed frames, a hook
 * failing on every query): per key, the first {@value #BURST} in a window are logged; the rest are counted and
 * summarized in one line when the next window opens, so a flood of 200 000 bad frames makes a handful of lines
 * instead of 124 MB of log, and one key's flood does not silence another. Thread-safe.
 */
public final class WarningLimiter {
  public static final int BURST = 5;
  public static final long WINDOW_NANOS = TimeUnit.SECONDS.toNanos(60);

  /** The summary line's format: the count, the key, the window in seconds. */
  private static final String DEFAULT_SUMMARY = "{} more warning(s) like \"{}\" were suppressed in the last {} s";

  private final Logger log;
  private final Ticker ticker;
  private final String summary;
  private final ConcurrentHashMap<String, Window> windows = new ConcurrentHashMap<>();

  private static final class Window {
    long start;
    int logged;
    long suppressed;
  }

  public WarningLimiter(Logger log) {
    this(log, Ticker.SYSTEM);
  }

  public WarningLimiter(Logger log, Ticker ticker) {
    this(log, ticker, DEFAULT_SUMMARY);
  }

  /**
   * @param summary the format of the line that reports suppressed warnings, with three {@code {}}: the count, the
   *     key, the window in seconds
   */
  public WarningLimiter(Logger log, Ticker ticker, String summary) {
    this.log = log;
    this.ticker = ticker;
    this.summary = summary;
  }

  /** Logs {@code format} with {@code args} at WARN unless warnings of {@code key} are over their rate. */
  public void warn(String key, String format, Object... args) {
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
      log.warn(summary, summarize, key, TimeUnit.NANOSECONDS.toSeconds(WINDOW_NANOS));
    }
    if (emit) {
      log.warn(format, args);
    }
  }

  /** Warnings of {@code key} not logged since its window opened. */
  public long suppressed(String key) {
    Window w = windows.get(key);
    if (w == null) {
      return 0;
    }
    synchronized (w) {
      return w.suppressed;
    }
  }
}
