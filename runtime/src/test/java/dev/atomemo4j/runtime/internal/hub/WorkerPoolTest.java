package dev.atomemo4j.runtime.internal.hub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedTransferQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The platform-thread pool of Java 17–20 (issue 18): idle threads first, never more threads than the cap. */
class WorkerPoolTest {

  private static final Duration WAIT = Duration.ofSeconds(10);

  private ThreadPoolExecutor pool;

  @BeforeEach
  void onlyWithoutVirtualThreads() {
    assumeFalse(WorkerPool.virtualThreadsAvailable(), "on Java 21+ requests run on virtual threads");
  }

  @AfterEach
  void shutDown() {
    if (pool != null) {
      pool.shutdownNow();
    }
  }

  private ThreadPoolExecutor create(int maxInFlight) {
    ExecutorService created = WorkerPool.create(maxInFlight);
    assertThat(created).isInstanceOf(ThreadPoolExecutor.class);
    pool = (ThreadPoolExecutor) created;
    return pool;
  }

  @Test
  void anIdleThreadTakesTheNextRequestInsteadOfANewThreadStarting() throws Exception {
    ThreadPoolExecutor p = create(10);
    String first = p.submit(() -> Thread.currentThread().getName()).get(WAIT.toSeconds(), TimeUnit.SECONDS);
    awaitIdleThread(p);

    String second = p.submit(() -> Thread.currentThread().getName()).get(WAIT.toSeconds(), TimeUnit.SECONDS);

    assertThat(second).isEqualTo(first);
    assertThat(p.getLargestPoolSize()).isEqualTo(1);
  }

  @Test
  void workBeyondTheCapWaitsForAThreadInsteadOfBeingRejected() throws Exception {
    ThreadPoolExecutor p = create(2);
    CountDownLatch release = new CountDownLatch(1);
    CountDownLatch running = new CountDownLatch(2);
    for (int i = 0; i < 2; i++) {
      p.submit(() -> {
        running.countDown();
        release.await();
        return null;
      });
    }
    assertThat(running.await(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();

    Future<String> third = p.submit(() -> "ran");
    release.countDown();

    assertThat(third.get(WAIT.toSeconds(), TimeUnit.SECONDS)).isEqualTo("ran");
    assertThat(p.getLargestPoolSize()).isEqualTo(2);
  }

  /** Until a worker is parked in the queue waiting for a task (the pool's own state, not a timed guess). */
  private static void awaitIdleThread(ThreadPoolExecutor p) throws InterruptedException {
    LinkedTransferQueue<Runnable> queue = (LinkedTransferQueue<Runnable>) p.getQueue();
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (!queue.hasWaitingConsumer()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("no worker became idle");
      }
      Thread.onSpinWait();
    }
  }
}
