package dev.atomemo4j.runtime.internal.phoenix;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.slf4j.Logger;

/**
 * Rate limit for warnings a peer can trigger at will (one per malformed frame): per kind, the first
 * {@value #BURST} in a window are logged; the rest are counted and summarized in one line when the window has
 * passed, so a flood of 200 000 bad frames makes a handful of lines instead of 124 MB of log. Thread-safe.
 */
public final class WarningLimiter {

  static final int BURST = 5;
  static final long WINDOW_NANOS = TimeUnit.SECONDS.toNanos(60);

  private final Logger log;
  private final LongSupplier nanoClock;
  private final ConcurrentHashMap<String, Window> windows = new ConcurrentHashMap<>();

  private static final class Window {
    long start;
    int logged;
    final AtomicLong suppressed = new AtomicLong();
  }

  public WarningLimiter(Logger log) {
    this(log, System::nanoTime);
  }

  WarningLimiter(Logger log, LongSupplier nanoClock) {
    this.log = log;
    this.nanoClock = nanoClock;
  }

  /** Logs {@code format} with {@code args} at WARN unless warnings of {@code kind} are over their rate. */
  public void warn(String kind, String format, Object... args) {
    long now = nanoClock.getAsLong();
    Window w = windows.computeIfAbsent(kind, k -> {
      Window fresh = new Window();
      fresh.start = now;
      return fresh;
    });
    long summarize = 0;
    boolean emit;
    synchronized (w) {
      if (now - w.start >= WINDOW_NANOS) {
        summarize = w.suppressed.getAndSet(0);
        w.start = now;
        w.logged = 0;
      }
      emit = w.logged < BURST;
      if (emit) {
        w.logged++;
      } else {
        w.suppressed.incrementAndGet();
      }
    }
    if (summarize > 0) {
      log.warn("{} more warning(s) like \"{}\" were suppressed in the last {} s", summarize, kind,
          TimeUnit.NANOSECONDS.toSeconds(WINDOW_NANOS));
    }
    if (emit) {
      log.warn(format, args);
    }
  }

  /** Warnings of {@code kind} not logged since the last summary. */
  long suppressed(String kind) {
    Window w = windows.get(kind);
    return w == null ? 0 : w.suppressed.get();
  }
}
