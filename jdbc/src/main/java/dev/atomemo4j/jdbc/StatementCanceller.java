package dev.atomemo4j.jdbc;

import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Cancels the statement of a query whose thread was interrupted. A thread blocked in a JDBC driver's socket read
 * does not wake up on an interrupt, so a watcher looks, every {@value #PERIOD_MS} ms, at the threads running a
 * statement and calls {@link Statement#cancel()} for the interrupted ones. Watching costs a map insert and removal
 * per query; the watcher thread does nothing while no query runs.
 */
final class StatementCanceller {
  private static final Logger log = LoggerFactory.getLogger(StatementCanceller.class);
  static final long PERIOD_MS = 50;
  private static final StatementCanceller SHARED = new StatementCanceller();

  private final Map<Thread, Running> running = new ConcurrentHashMap<>();
  private final ScheduledExecutorService watcher = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread t = new Thread(r, "atomemo4j-jdbc-canceller");
    t.setDaemon(true);
    return t;
  });

  private StatementCanceller() {
    watcher.scheduleWithFixedDelay(this::sweep, PERIOD_MS, PERIOD_MS, TimeUnit.MILLISECONDS);
  }

  static StatementCanceller shared() {
    return SHARED;
  }

  /** Watches {@code statement} as the current thread's until {@link Running#done()}. */
  Running watch(Statement statement) {
    Running r = new Running(Thread.currentThread(), statement);
    running.put(r.thread, r);
    return r;
  }

  /** Whether {@code thread} runs a watched statement now (tests wait for this before interrupting it). */
  boolean watching(Thread thread) {
    return running.containsKey(thread);
  }

  private void sweep() {
    if (running.isEmpty()) {
      return;
    }
    for (Running r : running.values()) {
      if (r.thread.isInterrupted() && r.cancelled.compareAndSet(false, true)) {
        try {
          r.statement.cancel();
        } catch (SQLException | RuntimeException e) {
          log.debug("cancelling the statement of {} failed: {}", r.thread.getName(), e.toString());
        }
      }
    }
  }

  /** One watched statement. */
  final class Running {
    private final Thread thread;
    private final Statement statement;
    private final AtomicBoolean cancelled = new AtomicBoolean();

    private Running(Thread thread, Statement statement) {
      this.thread = thread;
      this.statement = statement;
    }

    /** Whether the watcher cancelled it. */
    boolean cancelled() {
      return cancelled.get();
    }

    void done() {
      running.remove(thread, this);
    }
  }
}
