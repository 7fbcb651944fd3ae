package dev.atomemo4j.runtime.internal.phoenix;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Virtual time for a {@link PhoenixSocket}: timers fire only when a test calls {@link #advance}, and every armed
 * timer is recorded with its label and delay, so backoff and intervals are asserted as values, not measured.
 */
final class ManualScheduler implements Scheduler {

  /** A timer as it was armed. */
  record Armed(String label, Duration delay) {}

  private static final class Entry {
    final String label;
    final long dueNanos;
    final long seq;
    final Runnable fire;

    Entry(String label, long dueNanos, long seq, Runnable fire) {
      this.label = label;
      this.dueNanos = dueNanos;
      this.seq = seq;
      this.fire = fire;
    }
  }

  private final List<Entry> pending = new ArrayList<>();
  private final List<Armed> history = new ArrayList<>();
  private long nowNanos;
  private long seq;
  private Runnable awaitIdle = () -> {};

  /** After each fired timer, {@code awaitIdle} lets the socket loop finish the work it queued. */
  void settleWith(Runnable awaitIdle) {
    this.awaitIdle = awaitIdle;
  }

  @Override
  public synchronized Cancellable schedule(String label, Duration delay, Runnable fire) {
    Entry entry = new Entry(label, nowNanos + delay.toNanos(), seq++, fire);
    pending.add(entry);
    history.add(new Armed(label, delay));
    notifyAll();
    return () -> {
      synchronized (ManualScheduler.this) {
        pending.remove(entry);
      }
    };
  }

  /** Moves the clock forward, firing due timers in order and letting the loop settle after each. */
  void advance(Duration by) {
    long target;
    synchronized (this) {
      target = nowNanos + by.toNanos();
    }
    while (true) {
      Entry next;
      synchronized (this) {
        next =
            pending.stream()
                .filter(e -> e.dueNanos <= target)
                .min(Comparator.<Entry>comparingLong(e -> e.dueNanos).thenComparingLong(e -> e.seq))
                .orElse(null);
        if (next == null) {
          nowNanos = target;
          break;
        }
        pending.remove(next);
        nowNanos = next.dueNanos;
      }
      next.fire.run();
      awaitIdle.run();
    }
  }

  /** Delays of every timer with this label armed so far, in order. */
  synchronized List<Duration> delaysOf(String label) {
    return history.stream().filter(a -> a.label().equals(label)).map(Armed::delay).toList();
  }

  /** Time left on the armed timer with this label, if one is armed. */
  synchronized Optional<Duration> remaining(String label) {
    return pending.stream()
        .filter(e -> e.label.equals(label))
        .map(e -> Duration.ofNanos(e.dueNanos - nowNanos))
        .findFirst();
  }

  synchronized boolean isArmed(String label) {
    return pending.stream().anyMatch(e -> e.label.equals(label));
  }

  /** Waits (in real time, bounded) until a timer with this label is armed, and returns the time left on it. */
  synchronized Duration awaitArmed(String label) {
    long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
    while (!isArmed(label)) {
      long left = deadline - System.nanoTime();
      assertThat(left).as("timer '%s' armed within 5 s", label).isPositive();
      try {
        wait(Math.max(1, left / 1_000_000));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
    return remaining(label).orElseThrow();
  }
}
