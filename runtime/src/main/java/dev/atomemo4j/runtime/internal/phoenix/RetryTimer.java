package dev.atomemo4j.runtime.internal.phoenix;

/**
 * phoenix.js {@code Timer}: schedules a callback after {@code backoff(tries + 1)} and counts a try when it fires.
 * {@link #reset()} disarms it and starts counting from 1 again. Loop-confined.
 */
final class RetryTimer {

  private final PhoenixSocket socket;
  private final String label;
  private final Backoff backoff;
  private final Runnable callback;
  private int tries;
  private PhoenixSocket.Timer timer;

  RetryTimer(PhoenixSocket socket, String label, Backoff backoff, Runnable callback) {
    this.socket = socket;
    this.label = label;
    this.backoff = backoff;
    this.callback = callback;
  }

  void reset() {
    tries = 0;
    cancel();
  }

  /** Replaces any armed timer with one for the next try. */
  void scheduleTimeout() {
    cancel();
    timer =
        socket.schedule(
            label,
            backoff.delay(tries + 1),
            () -> {
              timer = null;
              tries++;
              callback.run();
            });
  }

  private void cancel() {
    if (timer != null) {
      timer.cancel();
      timer = null;
    }
  }
}
