package dev.atomemo4j.core.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class HealthCacheTest {
  private final AtomicLong now = new AtomicLong();
  private final AtomicInteger rounds = new AtomicInteger();

  private static HealthSnapshot snapshot(int round) {
    return new HealthSnapshot(true, Instant.ofEpochSecond(round), List.of());
  }

  @Test
  void concurrentCallersShareOneRunningRound() {
    CompletableFuture<HealthSnapshot> running = new CompletableFuture<>();
    HealthCache cache = new HealthCache(() -> {
      rounds.incrementAndGet();
      return running;
    }, Duration.ofSeconds(15), now::get);
    CompletableFuture<HealthSnapshot> first = cache.get();
    CompletableFuture<HealthSnapshot> second = cache.get();
    running.complete(snapshot(1));
    assertThat(first.join()).isSameAs(second.join());
    assertThat(rounds).hasValue(1);
  }

  @Test
  void aResultIsServedUntilItsTtlEnds() {
    HealthCache cache = new HealthCache(() -> CompletableFuture.completedFuture(snapshot(rounds.incrementAndGet())),
        Duration.ofSeconds(15), now::get);
    HealthSnapshot first = cache.get().join();
    now.addAndGet(Duration.ofSeconds(15).toNanos() - 1);
    assertThat(cache.get().join()).isSameAs(first);
    now.addAndGet(1);
    assertThat(cache.get().join()).isNotSameAs(first);
    assertThat(rounds).hasValue(2);
  }

  @Test
  void aFailedRoundIsNotCached() {
    HealthCache cache = new HealthCache(() -> rounds.incrementAndGet() == 1
        ? CompletableFuture.failedFuture(new IllegalStateException("round broke"))
        : CompletableFuture.completedFuture(snapshot(rounds.get())), Duration.ofSeconds(15), now::get);
    assertThat(cache.get()).isCompletedExceptionally();
    assertThat(cache.get().join().checkedAt()).isEqualTo(Instant.ofEpochSecond(2));
  }

  @Test
  void invalidateForgetsTheCachedResult() {
    HealthCache cache = new HealthCache(() -> CompletableFuture.completedFuture(snapshot(rounds.incrementAndGet())),
        Duration.ofSeconds(15), now::get);
    cache.get().join();
    cache.invalidate();
    cache.get().join();
    assertThat(rounds).hasValue(2);
  }

  @Test
  void aRoundStartedBeforeAnInvalidationIsNotCached() {
    CompletableFuture<HealthSnapshot> stale = new CompletableFuture<>();
    HealthCache cache = new HealthCache(() -> rounds.incrementAndGet() == 1 ? stale
        : CompletableFuture.completedFuture(snapshot(2)), Duration.ofSeconds(15), now::get);
    CompletableFuture<HealthSnapshot> first = cache.get();
    cache.invalidate();
    stale.complete(snapshot(1));
    assertThat(first.join().checkedAt()).isEqualTo(Instant.ofEpochSecond(1));
    assertThat(cache.get().join().checkedAt()).isEqualTo(Instant.ofEpochSecond(2));
  }

  @Test
  void aTtlAboveThreeHundredSecondsIsRefused() {
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> new HealthCache(CompletableFuture::new,
        Duration.ofSeconds(301), now::get)).isInstanceOf(IllegalArgumentException.class);
  }
}
