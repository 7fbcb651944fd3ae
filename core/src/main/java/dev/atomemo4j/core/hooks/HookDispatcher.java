package dev.atomemo4j.core.hooks;

import dev.atomemo4j.annotations.HookPoint;
import dev.atomemo4j.core.lifecycle.ConfigSecrets;
import dev.atomemo4j.core.lifecycle.PluginInstance;
import dev.atomemo4j.core.lifecycle.Ticker;
import dev.atomemo4j.core.logging.WarningLimiter;
import dev.atomemo4j.core.pipeline.Secrets;
import dev.atomemo4j.runtime.PluginStatus;
import dev.atomemo4j.runtime.hooks.ExploreEvent;
import dev.atomemo4j.runtime.hooks.ExploreResultEvent;
import dev.atomemo4j.runtime.hooks.ExploreRewrite;
import dev.atomemo4j.runtime.hooks.QueryEvent;
import dev.atomemo4j.runtime.hooks.QueryResultEvent;
import dev.atomemo4j.runtime.hooks.QueryRewrite;
import dev.atomemo4j.runtime.hooks.RequestEvent;
import dev.atomemo4j.runtime.hooks.ResponseEvent;
import dev.atomemo4j.runtime.spi.HookBinding;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the plugins' {@code @Hook}s at their points (atlas-features.md §7, §16 rows 2 and 9), for whichever front end
 * owns the call site (the host's query path, its explore path, its HTTP server).
 *
 * <ul>
 *   <li>Who takes part: plugins that are healthy and enabled at the moment of the call, in registration order, and
 *       within one plugin its hooks in source order. With no hook at a point, dispatching there costs nothing.
 *   <li>Deadlines: every call (matcher and handler together) runs on a hook thread under the plugin's hook deadline
 *       ({@link PluginInstance#hookDeadline}); at the deadline the thread is interrupted.
 *   <li>Before-hooks ({@link #beforeQuery}, {@link #beforeExplore}) chain: the next hook sees the previous rewrite,
 *       after the caller's {@link Revalidation} accepted it. A matcher that throws skips its hook (logged); a handler
 *       that throws rejects ({@value HookRejectedException#REJECTED}), and so does a matcher or handler past its
 *       deadline ({@value HookRejectedException#TIMEOUT}): fail closed. A rewrite the caller's validation refuses
 *       goes out as the caller's own exception. A rejection stops the chain.
 *   <li>Observation hooks ({@link #afterQuery}, {@link #afterExplore}, {@link #onRequest}, {@link #onResponse}) run
 *       in order on a hook thread; the caller gets a future it may wait for or ignore. Their failures and timeouts
 *       are logged (rate-limited) and change nothing.
 * </ul>
 *
 * <p>Failure messages pass through the failing plugin's secret config values before they are logged or shown.
 */
public final class HookDispatcher implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger("atomemo4j.hooks");
  /** How much of a plugin's rejection message reaches the caller. */
  static final int MAX_REASON = 500;

  private final Map<HookPoint, List<Entry>> entries;
  private final ExecutorService executor;
  private final WarningLimiter warnings;

  /** One hook of one plugin. */
  private record Entry(PluginInstance plugin, HookBinding binding, Secrets secrets) {
    boolean participates() {
      return plugin.enabled() && plugin.status() == PluginStatus.HEALTHY && plugin.pluginObject() != null;
    }

    String key() {
      return plugin.id() + "/" + binding.point().wireName() + "/" + binding.method();
    }
  }

  /**
   * @param plugins every plugin of the host, in registration order (whether each takes part is decided per call)
   * @param ticker the time source of the warning rate limit
   */
  public HookDispatcher(List<PluginInstance> plugins, Ticker ticker) {
    EnumMap<HookPoint, List<Entry>> byPoint = new EnumMap<>(HookPoint.class);
    for (HookPoint point : HookPoint.values()) {
      byPoint.put(point, new ArrayList<>());
    }
    int count = 0;
    for (PluginInstance plugin : plugins) {
      List<HookBinding> hooks = plugin.descriptor().atlas().hooks();
      if (hooks.isEmpty()) {
        continue;
      }
      Secrets secrets = ConfigSecrets.of(plugin);
      for (HookBinding hook : hooks) {
        byPoint.get(hook.point()).add(new Entry(plugin, hook, secrets));
        count++;
      }
    }
    byPoint.replaceAll((point, list) -> List.copyOf(list));
    this.entries = Map.copyOf(byPoint);
    this.executor = count == 0 ? null : Executors.newCachedThreadPool(new HookThreads());
    this.warnings = new WarningLimiter(log, ticker,
        "{} more hook warning(s) of {} were suppressed in the last {} s");
  }

  /** Whether any plugin has a hook at {@code point} (whether or not it takes part now). */
  public boolean has(HookPoint point) {
    return !entries.get(point).isEmpty();
  }

  // ---- before-hooks ---------------------------------------------------------------------------------------------

  /**
   * Runs the {@code BEFORE_QUERY} hooks over a query the caller already validated; returns the query to run.
   *
   * @param revalidation the caller's validation, run on every rewrite before the next hook sees it
   * @throws HookRejectedException when a hook threw or timed out
   * @throws RuntimeException what {@code revalidation} throws for a rewrite it refuses
   */
  public String beforeQuery(QueryEvent event, Revalidation revalidation) {
    return chain(HookPoint.BEFORE_QUERY, event.sql(), sql -> new QueryEvent(event.datasourceId(), sql),
        result -> result instanceof QueryRewrite rewrite ? rewrite.sql() : null, revalidation, "Query");
  }

  /**
   * Runs the {@code BEFORE_EXPLORE} hooks over a command the caller already validated; returns the command to run.
   * Unlike Atlas, every rewrite is validated again.
   *
   * @throws HookRejectedException when a hook threw or timed out
   * @throws RuntimeException what {@code revalidation} throws for a rewrite it refuses
   */
  public String beforeExplore(ExploreEvent event, Revalidation revalidation) {
    return chain(HookPoint.BEFORE_EXPLORE, event.command(), ExploreEvent::new,
        result -> result instanceof ExploreRewrite rewrite ? rewrite.command() : null, revalidation, "Command");
  }

  private String chain(HookPoint point, String text, Function<String, Object> eventOf,
      Function<Object, String> rewriteOf, Revalidation revalidation, String subject) {
    List<Entry> hooks = entries.get(point);
    if (hooks.isEmpty()) {
      return text;
    }
    String current = text;
    for (Entry entry : participants(hooks)) {
      Outcome outcome = call(entry, eventOf.apply(current), true);
      switch (outcome.kind()) {
        case SKIPPED:
          continue;
        case MATCHER_FAILED:
          warnings.warn(entry.key(), "plugin {} {} hook {}: its matcher failed ({}); the hook was skipped",
              entry.plugin().id(), point.wireName(), entry.binding().method(), outcome.problem());
          continue;
        case FAILED:
          throw reject(entry, HookRejectedException.REJECTED, subject + " rejected by plugin "
              + entry.plugin().id() + ": " + outcome.problem());
        case TIMED_OUT:
          throw reject(entry, HookRejectedException.TIMEOUT, subject + " rejected by plugin "
              + entry.plugin().id() + ": its " + point.wireName() + " hook " + entry.binding().method()
              + " did not answer within " + outcome.deadline().toMillis() + " ms");
        case INTERRUPTED:
          throw reject(entry, HookRejectedException.INTERRUPTED, subject + " rejected: interrupted while the "
              + point.wireName() + " hook " + entry.binding().method() + " of plugin " + entry.plugin().id()
              + " ran");
        case CLOSED:
          throw reject(entry, HookRejectedException.CLOSED, subject + " rejected: the host is closed");
        default:
          break;
      }
      Object result = outcome.value();
      if (result == null) {
        continue;
      }
      String rewritten = rewriteOf.apply(result);
      if (rewritten == null) {
        // Only a hand-written binding can return something else; generated ones are typed at compile time.
        warnings.warn(entry.key(), "plugin {} {} hook {} returned a {}, not a rewrite; ignored",
            entry.plugin().id(), point.wireName(), entry.binding().method(), result.getClass().getName());
        continue;
      }
      if (!rewritten.equals(current)) {
        String checked;
        try {
          checked = revalidation.check(rewritten);
        } catch (RuntimeException refused) {
          // The caller's rejection goes out unchanged; the log says whose rewrite it was.
          warnings.warn(entry.key(), "plugin {} {} hook {}: its rewrite was refused by validation ({})",
              entry.plugin().id(), point.wireName(), entry.binding().method(), refused.getClass().getSimpleName());
          throw refused;
        }
        current = checked == null ? rewritten : checked;
      }
    }
    return current;
  }

  private HookRejectedException reject(Entry entry, String code, String reason) {
    warnings.warn(entry.key(), "plugin {} {} hook {}: {} [{}]", entry.plugin().id(),
        entry.binding().point().wireName(), entry.binding().method(), reason, code);
    return new HookRejectedException(code, entry.plugin().id(), entry.binding().point(), entry.binding().method(),
        reason);
  }

  // ---- observation hooks ----------------------------------------------------------------------------------------

  /** Runs the {@code AFTER_QUERY} hooks; the future completes (never exceptionally) when the last one ended. */
  public CompletableFuture<Void> afterQuery(QueryResultEvent event) {
    return observe(HookPoint.AFTER_QUERY, event);
  }

  /** Runs the {@code AFTER_EXPLORE} hooks; the future completes (never exceptionally) when the last one ended. */
  public CompletableFuture<Void> afterExplore(ExploreResultEvent event) {
    return observe(HookPoint.AFTER_EXPLORE, event);
  }

  /** Runs the {@code ON_REQUEST} hooks; the future completes (never exceptionally) when the last one ended. */
  public CompletableFuture<Void> onRequest(RequestEvent event) {
    return observe(HookPoint.ON_REQUEST, event);
  }

  /** Runs the {@code ON_RESPONSE} hooks; the future completes (never exceptionally) when the last one ended. */
  public CompletableFuture<Void> onResponse(ResponseEvent event) {
    return observe(HookPoint.ON_RESPONSE, event);
  }

  private CompletableFuture<Void> observe(HookPoint point, Object event) {
    List<Entry> hooks = entries.get(point);
    if (hooks.isEmpty()) {
      return CompletableFuture.completedFuture(null);
    }
    // Who takes part is decided now, at the call site, not when the hook thread gets to it.
    List<Entry> now = participants(hooks);
    if (now.isEmpty()) {
      return CompletableFuture.completedFuture(null);
    }
    CompletableFuture<Void> done = new CompletableFuture<>();
    try {
      executor.execute(() -> {
        try {
          for (Entry entry : now) {
            Outcome outcome = call(entry, event, false);
            if (outcome.kind() == Kind.CLOSED || outcome.kind() == Kind.INTERRUPTED) {
              return;
            }
            if (outcome.kind() != Kind.RETURNED && outcome.kind() != Kind.SKIPPED) {
              warnings.warn(entry.key(), "plugin {} {} hook {}: {}", entry.plugin().id(),
                  point.wireName(), entry.binding().method(), outcome.describe());
            }
          }
        } finally {
          done.complete(null);
        }
      });
    } catch (RejectedExecutionException closed) {
      done.complete(null);
    }
    return done;
  }

  private static List<Entry> participants(List<Entry> hooks) {
    List<Entry> out = new ArrayList<>(hooks.size());
    for (Entry entry : hooks) {
      if (entry.participates()) {
        out.add(entry);
      }
    }
    return out;
  }

  // ---- one call under its deadline ------------------------------------------------------------------------------

  private enum Kind { RETURNED, SKIPPED, MATCHER_FAILED, FAILED, TIMED_OUT, INTERRUPTED, CLOSED }

  /** How one hook call ended; {@code problem} is already cleaned for showing. */
  private record Outcome(Kind kind, Object value, String problem, Duration deadline) {
    String describe() {
      switch (kind) {
        case MATCHER_FAILED:
          return "its matcher failed (" + problem + "); skipped";
        case FAILED:
          return "failed (" + problem + "); ignored";
        case TIMED_OUT:
          return "did not answer within " + deadline.toMillis() + " ms; interrupted and ignored";
        default:
          return kind.name().toLowerCase(java.util.Locale.ROOT);
      }
    }
  }

  /**
   * Runs the matcher, then (when it matched) the handler, on a hook thread under the plugin's hook deadline. Waits
   * on the calling thread, which is either the front end's (before-hooks) or an observation chain's hook thread.
   */
  private Outcome call(Entry entry, Object event, boolean mutable) {
    Duration deadline = entry.plugin().hookDeadline(entry.binding().timeout());
    Object plugin = entry.plugin().pluginObject();
    Future<Outcome> future;
    try {
      future = executor.submit(() -> invoke(entry, plugin, event, deadline));
    } catch (RejectedExecutionException closed) {
      return new Outcome(Kind.CLOSED, null, null, deadline);
    }
    try {
      return future.get(deadline.toNanos(), TimeUnit.NANOSECONDS);
    } catch (TimeoutException late) {
      future.cancel(true);
      return new Outcome(Kind.TIMED_OUT, null, null, deadline);
    } catch (InterruptedException interrupted) {
      future.cancel(true);
      Thread.currentThread().interrupt();
      return new Outcome(Kind.INTERRUPTED, null, null, deadline);
    } catch (ExecutionException never) {
      // invoke catches everything; a failure here is the dispatcher's own.
      return new Outcome(Kind.FAILED, null, problem(never.getCause(), entry.secrets()), deadline);
    }
  }

  private static Outcome invoke(Entry entry, Object plugin, Object event, Duration deadline) {
    Thread thread = Thread.currentThread();
    String idle = thread.getName();
    // Named after the plugin and the point while it runs, so a thread dump says whose hook hangs.
    thread.setName("atomemo4j-" + entry.plugin().id() + "-" + entry.binding().point().wireName());
    try {
      HookBinding.Matcher matcher = entry.binding().matcher();
      if (matcher != null) {
        boolean matches;
        try {
          matches = matcher.matches(plugin, event);
        } catch (Throwable failure) {
          return new Outcome(Kind.MATCHER_FAILED, null, problem(failure, entry.secrets()), deadline);
        }
        if (!matches) {
          return new Outcome(Kind.SKIPPED, null, null, deadline);
        }
      }
      try {
        Object value = entry.binding().handler().handle(plugin, event, entry.plugin().pluginContext());
        return new Outcome(Kind.RETURNED, value, null, deadline);
      } catch (Throwable failure) {
        return new Outcome(Kind.FAILED, null, problem(failure, entry.secrets()), deadline);
      }
    } finally {
      thread.setName(idle);
    }
  }

  /** The plugin's message (or its exception's class when it has none), cleaned for the caller and the log. */
  private static String problem(Throwable failure, Secrets secrets) {
    String message = failure.getMessage();
    String text = message == null || message.isBlank() ? failure.getClass().getSimpleName() : message;
    return ConfigSecrets.clean(text, secrets, MAX_REASON);
  }

  /** Interrupts running hooks and stops the hook threads; later calls are rejected (before) or dropped (after). */
  @Override
  public void close() {
    if (executor != null) {
      executor.shutdownNow();
    }
  }

  /** Daemon hook threads: a hook that ignores its interrupt keeps only its own thread, never the JVM. */
  private static final class HookThreads implements java.util.concurrent.ThreadFactory {
    private final AtomicInteger count = new AtomicInteger();

    @Override
    public Thread newThread(Runnable runnable) {
      Thread thread = new Thread(runnable, "atomemo4j-hooks-" + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    }
  }
}
