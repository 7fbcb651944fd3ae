package dev.atomemo4j.core.lifecycle;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs lifecycle calls under deadlines. Each call gets its own thread, named after the plugin and the call
 * ({@code atomemo4j-tickets-health}), so a hung call holds nothing but itself, and a thread dump says who hangs.
 * At the deadline the outcome is {@linkplain CallOutcome#timedOut() timed out} at once and the thread is
 * interrupted; a plugin that ignores the interrupt keeps only its own (daemon) thread.
 *
 * <p>Lifecycle calls are rare (boot, a probe per plugin per interval, teardown), so a thread per call costs
 * nothing that matters, and no pool can be exhausted by hung probes.
 */
public final class DeadlineCalls implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(DeadlineCalls.class);

  private final Ticker ticker;
  private final ScheduledExecutorService timer;

  public DeadlineCalls(Ticker ticker) {
    this.ticker = ticker;
    ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, runnable -> {
      Thread thread = new Thread(runnable, "atomemo4j-deadlines");
      thread.setDaemon(true);
      return thread;
    });
    executor.setRemoveOnCancelPolicy(true);
    this.timer = executor;
  }

  /** The host's ticker, which measured every latency. */
  public Ticker ticker() {
    return ticker;
  }

  /**
   * Starts {@code work} on a new thread and returns its outcome, which completes when the work ends or at the
   * deadline, whichever is first. The future never completes exceptionally.
   */
  public <T> CompletableFuture<CallOutcome<T>> call(String pluginId, CallKind kind, Duration deadline,
      Callable<T> work) {
    CompletableFuture<CallOutcome<T>> outcome = new CompletableFuture<>();
    long start = ticker.nanos();
    Thread thread = new Thread(() -> {
      try {
        T value = work.call();
        outcome.complete(CallOutcome.success(value, since(start), deadline));
      } catch (Throwable failure) {
        if (!outcome.complete(CallOutcome.failed(failure, since(start), deadline))
            && !(failure instanceof InterruptedException)) {
          log.debug("{} {} failed after its deadline", pluginId, kind.wireName(), failure);
        }
      }
    }, "atomemo4j-" + pluginId + "-" + kind.wireName());
    thread.setDaemon(true);
    ScheduledFuture<?> cut;
    try {
      cut = timer.schedule(() -> {
        if (outcome.complete(CallOutcome.timeout(since(start), deadline))) {
          thread.interrupt();
        }
      }, deadline.toNanos(), TimeUnit.NANOSECONDS);
    } catch (RejectedExecutionException closed) {
      // After the host closed (a resource registered late): no deadline can be kept, so the call is not made.
      return CompletableFuture.completedFuture(CallOutcome.failed(new LifecycleException(LifecycleException.CLOSED,
          "the host is closed; " + kind.wireName() + " of `" + pluginId + "` was not called"), Duration.ZERO,
          deadline));
    }
    outcome.whenComplete((result, never) -> cut.cancel(false));
    thread.start();
    return outcome;
  }

  /** {@link #call} for a call that returns nothing. */
  public CompletableFuture<CallOutcome<Void>> run(String pluginId, CallKind kind, Duration deadline,
      ThrowingRunnable work) {
    return call(pluginId, kind, deadline, () -> {
      work.run();
      return null;
    });
  }

  private Duration since(long start) {
    return Duration.ofNanos(Math.max(0, ticker.nanos() - start));
  }

  @Override
  public void close() {
    timer.shutdownNow();
  }

  /** A void call that may throw. */
  @FunctionalInterface
  public interface ThrowingRunnable {
    void run() throws Exception;
  }
}
