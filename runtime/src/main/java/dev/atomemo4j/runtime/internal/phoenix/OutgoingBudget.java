package dev.atomemo4j.runtime.internal.phoenix;

/**
 * The bytes of answers accepted for sending but not yet written to the network, bounded: a producer that would take
 * the total over the limit waits until earlier answers are written (back-pressure), so a burst of large results can
 * neither overflow OkHttp's 16 MiB queue nor fill the heap. One answer larger than the whole limit still passes when
 * nothing else is outstanding, or it could never be sent.
 *
 * <p>The socket loop never waits here: it takes its (small) share at once, over the limit if need be.
 */
final class OutgoingBudget {

  /** Answers serialized at the same time, at most. */
  static final int SERIALIZATIONS = 2;

  private final long limitBytes;
  private long usedBytes;
  private final java.util.concurrent.Semaphore serializations = new java.util.concurrent.Semaphore(SERIALIZATIONS);

  OutgoingBudget(long limitBytes) {
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
    boolean interrupted = false;
    while (mayWait && usedBytes > 0 && usedBytes + bytes > limitBytes) {
      try {
        wait();
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

  /** Waits for a serialization slot, unless {@code mayWait} is false (the loop serializes its small answers at once). */
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
