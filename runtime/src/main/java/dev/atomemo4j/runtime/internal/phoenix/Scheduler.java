package dev.atomemo4j.runtime.internal.phoenix;

import java.time.Duration;

/**
 * Arms one-shot timers for a {@link PhoenixSocket}. The default fires on the socket's own loop; tests substitute a
 * manual clock so that heartbeats, timeouts and backoff are driven step by step instead of by wall time.
 *
 * <p>{@code fire} may be called on any thread; the socket moves the work onto its loop and ignores a timer that was
 * cancelled in the meantime, so an implementation need not make cancel and fire atomic.
 */
interface Scheduler {

  /** A timer that can be disarmed. Cancelling a timer that has fired does nothing. */
  interface Cancellable {
    void cancel();
  }

  /**
   * @param label what the timer is for ("heartbeat", "heartbeat-timeout", "reconnect", "rejoin", "push-timeout");
   *     only tests look at it
   */
  Cancellable schedule(String label, Duration delay, Runnable fire);
}
