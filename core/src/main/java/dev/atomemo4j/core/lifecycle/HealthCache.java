package dev.atomemo4j.core.lifecycle;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * The cached health view behind {@code /health} (atlas-features.md §5.2): a round's result is served for
 * {@code ttl}; callers that arrive while a round runs share it (coalescing) instead of starting another; a round that
 * fails is not cached, so the next caller starts a fresh one; {@link #invalidate()} drops the cached result and
 * detaches any running round from the cache (its callers still get it).
 */
public final class HealthCache {
  /** Atlas's default TTL. */
  public static final Duration DEFAULT_TTL = Duration.ofSeconds(15);
  /** The longest TTL accepted: a health view older than this misleads more than it saves. */
  public static final Duration MAX_TTL = Duration.ofSeconds(300);

  private final Supplier<CompletableFuture<HealthSnapshot>> round;
  private final long ttlNanos;
  private final Ticker ticker;

  private HealthSnapshot cached;
  private long cachedAt;
  private CompletableFuture<HealthSnapshot> inFlight;
  private long generation;

  /**
   * @param round starts one health round (every plugin probed)
   * @param ttl how long a result is served; zero disables caching (coalescing still applies)
   */
  public HealthCache(Supplier<CompletableFuture<HealthSnapshot>> round, Duration ttl, Ticker ticker) {
    if (ttl.isNegative() || ttl.compareTo(MAX_TTL) > 0) {
      throw new IllegalArgumentException("the health cache TTL must be between 0 and " + MAX_TTL.toSeconds()
          + " s, got " + ttl);
    }
    this.round = round;
    this.ttlNanos = ttl.toNanos();
    this.ticker = ticker;
  }

  /** The cached result while fresh; otherwise the running round, or a new one. */
  public synchronized CompletableFuture<HealthSnapshot> get() {
    if (cached != null && ticker.nanos() - cachedAt < ttlNanos) {
      return CompletableFuture.completedFuture(cached);
    }
    return startOrJoin();
  }

  /** A fresh result: the running round, or a new one, whatever is cached (the health loop's call). */
  public synchronized CompletableFuture<HealthSnapshot> refresh() {
    return startOrJoin();
  }

  /** Forgets the cached result (after a refresh, an enable, a probe on demand). */
  public synchronized void invalidate() {
    cached = null;
    inFlight = null;
    generation++;
  }

  /** Caches a round run outside the cache (the health loop's), unless an invalidation happened meanwhile. */
  public synchronized void offer(HealthSnapshot snapshot, long startedInGeneration) {
    if (generation == startedInGeneration) {
      cached = snapshot;
      cachedAt = ticker.nanos();
    }
  }

  /** The current generation; pass it to {@link #offer} for a round started now. */
  public synchronized long generation() {
    return generation;
  }

  /** The last cached result, however old, without probing; null before the first round. */
  public synchronized HealthSnapshot peek() {
    return cached;
  }

  private CompletableFuture<HealthSnapshot> startOrJoin() {
    if (inFlight != null && !inFlight.isDone()) {
      return inFlight.copy();
    }
    CompletableFuture<HealthSnapshot> started;
    try {
      started = round.get();
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
    long startedIn = generation;
    // Callers get the stage after the caching, so whoever sees a result sees it cached, its age counted from the
    // round's end (not from whenever a callback happened to run).
    CompletableFuture<HealthSnapshot> cachedStage = started.whenComplete((snapshot, failure) -> {
      synchronized (this) {
        if (generation == startedIn) {
          inFlight = null;
          if (failure == null) {
            cached = snapshot;
            cachedAt = ticker.nanos();
          }
        }
      }
    });
    inFlight = cachedStage.isDone() ? null : cachedStage;
    return cachedStage.copy();
  }
}
