package dev.atomemo4j.host.query;

import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

/**
 * The threads that run queries, so that the caller's deadline holds even for a connection that ignores interrupts
 * (the caller gives up and the worker is abandoned to finish on its own).
 *
 * <p>Why not an {@code ExecutorService}: a query on a warm pool takes a few microseconds, and the two thread wake-ups
 * of a submit and a {@code Future.get} (the worker parked in its queue, then the caller parked on the future) cost
 * several times that. Here both sides spin for a short while before they park: a worker that just finished waits
 * {@link #WORKER_SPIN_NANOS} for the next query, and a caller waits {@link #CALLER_SPIN_NANOS} for its answer. A
 * busy query path then hands off without any park; an idle one parks as before. Workers are kept LIFO so the one
 * still spinning is the one reused, and one that stays idle for {@link #KEEP_ALIVE_NANOS} ends.
 */
final class QueryWorkers {
  static final long WORKER_SPIN_NANOS = TimeUnit.MICROSECONDS.toNanos(100);
  static final long CALLER_SPIN_NANOS = TimeUnit.MICROSECONDS.toNanos(100);
  static final long KEEP_ALIVE_NANOS = TimeUnit.SECONDS.toNanos(60);

  /** A worker's slot holds this when the worker has ended: no job can be given to it any more. */
  private static final Job RETIRED = new Job(() -> null);

  private final String threadPrefix;
  private final AtomicInteger threads = new AtomicInteger();
  private final ConcurrentLinkedDeque<Worker> idle = new ConcurrentLinkedDeque<>();
  private volatile boolean closed;

  QueryWorkers(String threadPrefix) {
    this.threadPrefix = threadPrefix;
  }

  /**
   * Runs {@code work} on a worker and waits for it at most {@code timeoutNanos}. Past the deadline, or when the
   * caller is interrupted, the worker is interrupted (a JDBC connection then cancels its statement) and left to end.
   *
   * @throws TimeoutException the deadline passed first
   * @throws ExecutionException {@code work} threw (its exception is the cause)
   * @throws InterruptedException the caller was interrupted while it waited
   * @throws RejectedExecutionException after {@link #close()}
   */
  <T> T call(Callable<T> work, long timeoutNanos)
      throws TimeoutException, ExecutionException, InterruptedException {
    if (closed) {
      throw new RejectedExecutionException("the query workers are closed");
    }
    Job job = new Job(work);
    hand(job);
    job.await(timeoutNanos);
    @SuppressWarnings("unchecked")
    T result = (T) job.result;
    return result;
  }

  private void hand(Job job) {
    for (Worker w; (w = idle.pollFirst()) != null; ) {
      if (w.offer(job)) {
        return;
      }
    }
    Worker w = new Worker(job);
    Thread t = new Thread(w, threadPrefix + threads.incrementAndGet());
    t.setDaemon(true);
    t.start();
  }

  /** Ends the idle workers; running ones end after their query. Later calls are rejected. */
  void close() {
    closed = true;
    for (Worker w; (w = idle.pollFirst()) != null; ) {
      w.retire();
    }
  }

  /** One query handed to a worker: its outcome, and who waits for it. */
  private static final class Job {
    private final Callable<?> work;
    private volatile boolean finished;
    private volatile Thread waiter;
    private Thread runner;
    private boolean abandoned;
    private Object result;
    private Throwable failure;

    Job(Callable<?> work) {
      this.work = work;
    }

    /** On the worker: runs the work and wakes the caller. Its interrupt, if any, was the caller's for this job. */
    void run() {
      synchronized (this) {
        runner = Thread.currentThread();
      }
      try {
        result = work.call();
      } catch (Throwable t) {
        failure = t;
      }
      synchronized (this) {
        runner = null;
        finished = true;
      }
      // No interrupt for this job can arrive after the block above: the next job starts with a clean flag.
      Thread.interrupted();
      Thread w = waiter;
      if (w != null) {
        LockSupport.unpark(w);
      }
    }

    void await(long timeoutNanos) throws TimeoutException, ExecutionException, InterruptedException {
      long deadline = System.nanoTime() + timeoutNanos;
      long spinUntil = System.nanoTime() + Math.min(CALLER_SPIN_NANOS, timeoutNanos);
      while (!finished && System.nanoTime() - spinUntil < 0) {
        Thread.onSpinWait();
      }
      if (!finished) {
        waiter = Thread.currentThread();
        while (!finished) {
          if (Thread.interrupted()) {
            abandon();
            throw new InterruptedException("interrupted while the query ran");
          }
          long left = deadline - System.nanoTime();
          if (left <= 0) {
            abandon();
            if (finished) {
              break;
            }
            throw new TimeoutException();
          }
          LockSupport.parkNanos(this, left);
        }
      }
      if (failure != null) {
        throw new ExecutionException(failure);
      }
    }

    /** The caller gives up: the worker, if it still runs this job, is interrupted. */
    private synchronized void abandon() {
      if (!finished && !abandoned) {
        abandoned = true;
        if (runner != null) {
          runner.interrupt();
        }
      }
    }
  }

  /** One query thread: runs the job in its slot, then offers itself for the next. */
  private final class Worker implements Runnable {
    private final AtomicReference<Job> slot;
    private volatile Thread thread;
    private volatile boolean parked;

    Worker(Job first) {
      this.slot = new AtomicReference<>(first);
    }

    /** Gives this idle worker a job; false when it has ended meanwhile. */
    boolean offer(Job job) {
      if (!slot.compareAndSet(null, job)) {
        return false;
      }
      if (parked) {
        LockSupport.unpark(thread);
      }
      return true;
    }

    void retire() {
      if (slot.compareAndSet(null, RETIRED) && parked) {
        LockSupport.unpark(thread);
      }
    }

    @Override
    public void run() {
      thread = Thread.currentThread();
      Job job = slot.get();
      while (job != null && job != RETIRED) {
        job.run();
        slot.set(null);
        if (closed) {
          retire();
        } else {
          idle.offerFirst(this);
        }
        job = next();
      }
    }

    /** Waits for the next job: spins briefly, then parks; null or {@link #RETIRED} ends the worker. */
    private Job next() {
      long spinUntil = System.nanoTime() + WORKER_SPIN_NANOS;
      Job job;
      while ((job = slot.get()) == null && System.nanoTime() - spinUntil < 0) {
        Thread.onSpinWait();
      }
      long giveUp = System.nanoTime() + KEEP_ALIVE_NANOS;
      while (job == null) {
        parked = true;
        job = slot.get();
        if (job == null) {
          long left = giveUp - System.nanoTime();
          if (left <= 0) {
            if (slot.compareAndSet(null, RETIRED)) {
              idle.remove(this);
              parked = false;
              return null;
            }
          } else {
            LockSupport.parkNanos(this, left);
          }
          job = slot.get();
        }
        parked = false;
      }
      return job;
    }
  }
}
