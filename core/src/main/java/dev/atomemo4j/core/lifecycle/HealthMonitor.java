package dev.atomemo4j.core.lifecycle;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The health loop and the cached health view of one {@link HostedPlugins}. The loop starts a round every
 * {@code interval} and only starts it: probes run on their own threads under their own deadlines, one at a time per
 * plugin, so a hung probe never holds the loop or another plugin. Each round's result feeds the {@link HealthCache}.
 */
public final class HealthMonitor implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger("atomemo4j.host");

  /** Atlas's default interval. */
  public static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(60);

  private final HostedPlugins plugins;
  private final HealthCache cache;
  private final Duration interval;
  private ScheduledExecutorService loop;

  public HealthMonitor(HostedPlugins plugins, Duration interval, Duration cacheTtl, Ticker ticker) {
    Deadlines.requirePositive("health interval", interval);
    this.plugins = plugins;
    this.interval = interval;
    this.cache = new HealthCache(plugins::probeAll, cacheTtl, ticker);
  }

  /** Starts the loop; its first round runs one interval from now (boot already set every status). */
  public synchronized void start() {
    if (loop != null) {
      return;
    }
    ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, runnable -> {
      Thread thread = new Thread(runnable, "atomemo4j-health-loop");
      thread.setDaemon(true);
      return thread;
    });
    executor.scheduleWithFixedDelay(this::tick, interval.toNanos(), interval.toNanos(), TimeUnit.NANOSECONDS);
    loop = executor;
  }

  /**
   * Starts a round without waiting for it. Each plugin has at most one probe running, so a plugin whose probe still
   * hangs is joined (and ends at its deadline) while every other plugin is probed again: one hung probe never
   * stalls the others' results. A round's snapshot feeds the cache when it completes.
   */
  private void tick() {
    try {
      long generation = cache.generation();
      plugins.probeAll().whenComplete((snapshot, failure) -> {
        if (failure == null) {
          cache.offer(snapshot, generation);
        } else {
          log.warn("health round failed: {}", failure.toString());
        }
      });
    } catch (RuntimeException e) {
      log.warn("health round could not start: {}", e.toString());
    }
  }

  /** The cached view: fresh enough, or the running round, or a new one. */
  public CompletableFuture<HealthSnapshot> health() {
    return cache.get();
  }

  /** A new round now (or the running one), whatever is cached. */
  public CompletableFuture<HealthSnapshot> probeNow() {
    return cache.refresh();
  }

  /** Probes one plugin now and forgets the cached view, which that probe may have changed. */
  public CompletableFuture<PluginHealth> probe(String pluginId) {
    return plugins.probe(pluginId).whenComplete((health, never) -> cache.invalidate());
  }

  /** Forgets the cached view (after refresh, enable, disable). */
  public void invalidate() {
    cache.invalidate();
  }

  /** Stops the loop (first, before any teardown: a probe must not race a plugin being dismantled). */
  @Override
  public synchronized void close() {
    if (loop != null) {
      loop.shutdownNow();
      loop = null;
    }
  }
}
