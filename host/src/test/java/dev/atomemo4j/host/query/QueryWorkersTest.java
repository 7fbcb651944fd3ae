package dev.atomemo4j.host.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The query threads' hand-off: answers, failures, the deadline, interrupts and closing. */
class QueryWorkersTest {
  private static final long LONG = TimeUnit.MINUTES.toNanos(1);
  private final QueryWorkers workers = new QueryWorkers("test-query-");

  @AfterEach
  void close() {
    workers.close();
  }

  /** Blocks until {@code release}, swallowing every interrupt, as a driver stuck in a socket read does. */
  private static void ignoreInterruptsUntil(CountDownLatch release) {
    while (true) {
      try {
        release.await();
        return;
      } catch (InterruptedException ignored) {
        // a connection that does not listen
      }
    }
  }

  @Test
  void aCallAnswersWhatItsWorkReturns() throws Exception {
    assertThat(workers.<String>call(() -> "rows", LONG)).isEqualTo("rows");
  }

  @Test
  void theWorkRunsOnAQueryThreadNotTheCallers() throws Exception {
    Thread runner = workers.call(Thread::currentThread, LONG);

    assertThat(runner).isNotSameAs(Thread.currentThread());
    assertThat(runner.getName()).startsWith("test-query-");
  }

  @Test
  void aFailureOfTheWorkComesBackAsTheCause() {
    IllegalStateException boom = new IllegalStateException("boom");

    assertThatThrownBy(() -> workers.call(() -> {
      throw boom;
    }, LONG)).isInstanceOf(ExecutionException.class).hasCause(boom);
  }

  @Test
  void aWorkThatIgnoresInterruptsStillEndsTheCallAtItsDeadline() {
    CountDownLatch release = new CountDownLatch(1);
    try {
      assertThatThrownBy(() -> workers.call(() -> {
        ignoreInterruptsUntil(release);
        return "late";
      }, TimeUnit.MILLISECONDS.toNanos(20))).isInstanceOf(TimeoutException.class);
    } finally {
      release.countDown();
    }
  }

  @Test
  void theWorkerOfACallPastItsDeadlineIsInterrupted() throws Exception {
    CountDownLatch interrupted = new CountDownLatch(1);
    CountDownLatch never = new CountDownLatch(1);

    assertThatThrownBy(() -> workers.call(() -> {
      try {
        never.await();
      } catch (InterruptedException e) {
        interrupted.countDown();
      }
      return null;
    }, TimeUnit.MILLISECONDS.toNanos(20))).isInstanceOf(TimeoutException.class);

    assertThat(interrupted.await(1, TimeUnit.MINUTES)).isTrue();
  }

  @Test
  void theInterruptOfAnAbandonedCallDoesNotReachTheNextCall() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    CountDownLatch ended = new CountDownLatch(1);
    assertThatThrownBy(() -> workers.call(() -> {
      ignoreInterruptsUntil(release);
      ended.countDown();
      return null;
    }, TimeUnit.MILLISECONDS.toNanos(20))).isInstanceOf(TimeoutException.class);
    release.countDown();
    ended.await();

    for (int i = 0; i < 20; i++) {
      assertThat(workers.<Boolean>call(() -> Thread.currentThread().isInterrupted(), LONG)).isFalse();
    }
  }

  @Test
  void anInterruptedCallerGivesUpAndInterruptsTheWorker() throws Exception {
    CountDownLatch running = new CountDownLatch(1);
    CountDownLatch workerInterrupted = new CountDownLatch(1);
    Thread caller = Thread.currentThread();
    ExecutorService other = Executors.newSingleThreadExecutor();
    try {
      other.submit(() -> {
        running.await();
        caller.interrupt();
        return null;
      });
      assertThatThrownBy(() -> workers.call(() -> {
        running.countDown();
        try {
          new CountDownLatch(1).await();
        } catch (InterruptedException e) {
          workerInterrupted.countDown();
        }
        return null;
      }, LONG)).isInstanceOf(InterruptedException.class);
    } finally {
      Thread.interrupted();
      other.shutdownNow();
    }

    assertThat(workerInterrupted.await(1, TimeUnit.MINUTES)).isTrue();
  }

  @Test
  void concurrentCallsRunOnSeparateThreadsAtOnce() throws Exception {
    CyclicBarrier both = new CyclicBarrier(2);
    ExecutorService callers = Executors.newFixedThreadPool(2);
    try {
      Future<Integer> a = callers.submit(() -> workers.call(() -> both.await(1, TimeUnit.MINUTES), LONG));
      Future<Integer> b = callers.submit(() -> workers.call(() -> both.await(1, TimeUnit.MINUTES), LONG));

      assertThat(a.get(1, TimeUnit.MINUTES) + b.get(1, TimeUnit.MINUTES)).isEqualTo(1);
    } finally {
      callers.shutdownNow();
    }
  }

  @Test
  void aCallAfterCloseIsRejected() throws Exception {
    workers.call(() -> "warm", LONG);
    workers.close();

    assertThatThrownBy(() -> workers.call(() -> "x", LONG)).isInstanceOf(RejectedExecutionException.class);
  }
}
