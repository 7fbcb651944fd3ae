package dev.atomemo4j.runtime.internal.hub;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedTransferQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The executor requests run on: one virtual thread per request on Java 21 and later, a pool of platform threads on
 * Java 17–20 that grows, for blocking tools, to as many threads as requests are in flight at once (at most the
 * in-flight cap), reuses idle ones first, and retires those idle for a minute.
 *
 * <p>The runtime is compiled for Java 17, so the virtual-thread API is found once, when this class initializes,
 * through method handles; submitting work afterwards is an ordinary {@link ExecutorService} call. The in-flight cap
 * is enforced before submission (see {@code Dispatcher}), so neither executor ever queues without bound.
 */
final class WorkerPool {

  private static final Logger log = LoggerFactory.getLogger(WorkerPool.class);

  /** {@code Executors.newThreadPerTaskExecutor(ThreadFactory)}, or null before Java 21. */
  private static final MethodHandle NEW_THREAD_PER_TASK;
  /** A factory of virtual threads named {@code atomemo4j-request-N}, or null before Java 21. */
  private static final ThreadFactory VIRTUAL_FACTORY;

  static {
    MethodHandle perTask = null;
    ThreadFactory factory = null;
    if (Runtime.version().feature() >= 21) { // 19 and 20 have the API as a preview that throws when off
      try {
        MethodHandles.Lookup lookup = MethodHandles.publicLookup();
        Class<?> builderClass = Class.forName("java.lang.Thread$Builder");
        Class<?> ofVirtual = Class.forName("java.lang.Thread$Builder$OfVirtual");
        Object builder = lookup.findStatic(Thread.class, "ofVirtual", MethodType.methodType(ofVirtual)).invoke();
        builder = lookup.findVirtual(ofVirtual, "name", MethodType.methodType(ofVirtual, String.class, long.class))
            .invoke(builder, "atomemo4j-request-", 1L);
        factory = (ThreadFactory) lookup.findVirtual(builderClass, "factory",
            MethodType.methodType(ThreadFactory.class)).invoke(builder);
        perTask = lookup.findStatic(Executors.class, "newThreadPerTaskExecutor",
            MethodType.methodType(ExecutorService.class, ThreadFactory.class));
      } catch (Throwable t) {
        log.debug("virtual threads unavailable ({}); using platform threads", t.toString());
        perTask = null;
        factory = null;
      }
    }
    NEW_THREAD_PER_TASK = perTask;
    VIRTUAL_FACTORY = factory;
  }

  private WorkerPool() {}

  static boolean virtualThreadsAvailable() {
    return NEW_THREAD_PER_TASK != null;
  }

  /** A new executor for requests; {@code maxInFlight} (the Dispatcher's cap) bounds the platform pool's threads. */
  static ExecutorService create(int maxInFlight) {
    if (NEW_THREAD_PER_TASK != null) {
      try {
        return (ExecutorService) NEW_THREAD_PER_TASK.invoke(VIRTUAL_FACTORY);
      } catch (Throwable t) {
        log.debug("cannot create a virtual-thread executor ({}); using platform threads", t.toString());
      }
    }
    AtomicInteger ids = new AtomicInteger();
    // Hand-off first, not a fixed pool: a request goes to an idle thread when there is one, and a thread is started
    // only when none is idle. A fixed pool of the cap's size (core = max) starts a new thread for every submission
    // until it holds the cap's worth, even while others sit idle: a burst of 10,000 paid 10,000 thread starts on the
    // socket loop (issue 18, measure 6). Here a burst needs only as many threads as requests block at the same
    // moment, and never more than the cap; work beyond that (a continuation of an async tool, a thread still on its
    // way back from an answered request) waits in the queue instead of being rejected.
    HandOffQueue queue = new HandOffQueue();
    ThreadPoolExecutor pool = new ThreadPoolExecutor(0, Math.max(1, maxInFlight), 60, TimeUnit.SECONDS, queue,
        r -> {
          Thread t = new Thread(r, "atomemo4j-request-" + ids.incrementAndGet());
          t.setDaemon(true);
          return t;
        },
        (r, executor) -> {
          if (executor.isShutdown()) {
            throw new RejectedExecutionException("the request pool is shut down");
          }
          queue.enqueue(r); // every thread busy and the cap reached
        });
    return pool;
  }

  /**
   * The pool's queue: {@code offer}, which the executor calls first, succeeds only by handing the task to a thread
   * already waiting for one, so that the executor starts a new thread (up to its maximum) rather than queueing;
   * {@link #enqueue} queues for real, once the maximum is reached.
   */
  private static final class HandOffQueue extends LinkedTransferQueue<Runnable> {
    private static final long serialVersionUID = 1L;

    @Override
    public boolean offer(Runnable task) {
      return tryTransfer(task);
    }

    void enqueue(Runnable task) {
      super.offer(task);
    }
  }
}
