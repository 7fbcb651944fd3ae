package dev.atomemo4j.runtime.internal.phoenix;

/**
 * A bound on bytes in flight between a producer and a consumer. For answers (the outgoing budget): the bytes
 * accepted for sending but not yet written to the network, bounded: a producer that would take
 * the total over the limit waits until earlier answers are written (back-pressure), so a burst of large results can
 * neither overflow OkHttp's 16 MiB queue nor fill the heap. One answer larger than the whole limit still passes when
 * nothing else is outstanding, or it could never be sent.
 *
 * <p>The socket loop never waits here: it takes its (small) share at once, over the limit if need be. For frames
 * received (the incoming backlog), OkHttp's reader thread waits here while the loop has too many bytes of frames
 * still to handle, so a Hub that sends huge frames faster than they are handled is slowed by TCP instead of filling
 * the heap.
 */
final class ByteBudget {

  /** Answers serialized at the same time, at most. */
  static final int SERIALIZATIONS = 2;

  private final long limitBytes;
  private long usedBytes;
  private final java.util.concurrent.Semaphore serializations = new java.util.concurrent.Semaphore(SERIALIZATIONS);

  ByteBudget(long limitBytes) {
    if (limitBytes <= 0) {
      throw new IllegalArgumentException("outgoing budget must be positive: " + limitBytes);
    }
    this.limitBytes = limitBytes;
  }

  /**
   * Takes {@code bytes}, first waiting while other answers hold the budget, unless {@code mayWait} is false. An
   * interrupt ends the wait without losing the answer: it takes its share and the interrupt flag is restored.
   */
  synchronized void acquire(long bytes, boolean mayWait) {
    acquire(bytes, mayWait, () -> false);
  }

  /** As {@link #acquire(long, boolean)}, giving up the wait (but still taking the share) once {@code abandon} holds. */
  synchronized void acquire(long bytes, boolean mayWait, java.util.function.BooleanSupplier abandon) {
    boolean interrupted = false;
    while (mayWait && usedBytes > 0 && usedBytes + bytes > limitBytes && !abandon.getAsBoolean()) {
      try {
        wait(100);
      } catch (InterruptedException e) {
        interrupted = true;
        break;
      }
    }
    usedBytes += bytes;
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  /** Waits for a serialization slot, unless {@code mayWait} is false: the loop serializes its small answers at once. */
  void enterSerialization(boolean mayWait) {
    if (mayWait) {
      serializations.acquireUninterruptibly();
    }
  }

  void leaveSerialization(boolean mayWait) {
    if (mayWait) {
      serializations.release();
    }
  }

  synchronized void release(long bytes) {
    usedBytes = Math.max(0, usedBytes - bytes);
    notifyAll();
  }

  synchronized long usedBytes() {
    return usedBytes;
  }

  long limitBytes() {
    return limitBytes;
  }
}
