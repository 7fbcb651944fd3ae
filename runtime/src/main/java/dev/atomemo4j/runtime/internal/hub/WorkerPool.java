package dev.atomemo4j.runtime.internal.hub;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The executor requests run on: one virtual thread per request on Java 21 and later, a pool of platform threads
 * (at most the in-flight cap, idle ones retired after a minute) on Java 17–20.
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

  /** A new executor for requests; {@code maxThreads} bounds the platform pool (the in-flight cap). */
  static ExecutorService create(int maxThreads) {
    if (NEW_THREAD_PER_TASK != null) {
      try {
        return (ExecutorService) NEW_THREAD_PER_TASK.invoke(VIRTUAL_FACTORY);
      } catch (Throwable t) {
        log.debug("cannot create a virtual-thread executor ({}); using platform threads", t.toString());
      }
    }
    AtomicInteger ids = new AtomicInteger();
    ThreadPoolExecutor pool = new ThreadPoolExecutor(maxThreads, maxThreads, 60, TimeUnit.SECONDS,
        new LinkedBlockingQueue<>(), r -> {
          Thread t = new Thread(r, "atomemo4j-request-" + ids.incrementAndGet());
          t.setDaemon(true);
          return t;
        });
    pool.allowCoreThreadTimeOut(true);
    return pool;
  }
}
