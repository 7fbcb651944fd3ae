package dev.atomemo4j.core.lifecycle;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers lifecycle events to the listeners on a single thread, in the order they were published. Publishing never
 * runs listener code, so a status change never waits for (or deadlocks with) a listener.
 */
public final class LifecycleEvents implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(LifecycleEvents.class);

  private final List<LifecycleListener> listeners = new CopyOnWriteArrayList<>();
  private final ExecutorService thread = Executors.newSingleThreadExecutor(runnable -> {
    Thread t = new Thread(runnable, "atomemo4j-host-events");
    t.setDaemon(true);
    return t;
  });

  public void add(LifecycleListener listener) {
    listeners.add(listener);
  }

  void transition(StatusTransition transition) {
    publish(listener -> listener.onTransition(transition));
  }

  void enabledChanged(EnabledChange change) {
    publish(listener -> listener.onEnabledChanged(change));
  }

  void healthChecked(PluginHealth health) {
    publish(listener -> listener.onHealthChecked(health));
  }

  void tornDown(TeardownResult result) {
    publish(listener -> listener.onTeardown(result));
  }

  private void publish(Consumer<LifecycleListener> delivery) {
    if (listeners.isEmpty()) {
      return;
    }
    try {
      thread.execute(() -> {
        for (LifecycleListener listener : listeners) {
          try {
            delivery.accept(listener);
          } catch (RuntimeException e) {
            log.warn("a lifecycle listener failed", e);
          }
        }
      });
    } catch (RejectedExecutionException closed) {
      log.debug("lifecycle event after close, not delivered");
    }
  }

  /** Waits (at most {@code max}) until every event published so far was delivered. */
  public void flush(Duration max) {
    try {
      CompletableFuture.runAsync(() -> {}, thread).get(max.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (Exception e) {
      log.debug("lifecycle events not flushed: {}", e.toString());
    }
  }

  /** Delivers what was published, then stops the thread. */
  @Override
  public void close() {
    thread.shutdown();
    try {
      if (!thread.awaitTermination(5, TimeUnit.SECONDS)) {
        log.warn("a lifecycle listener is still running after 5 s; not waiting for it");
        thread.shutdownNow();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      thread.shutdownNow();
    }
  }
}
