package dev.atomemo4j.runtime.internal.phoenix;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class BackoffTest {

  @Test
  void reconnectFollowsThePhoenixTableThenStaysAtFiveSeconds() {
    assertThat(IntStream.rangeClosed(1, 11).mapToObj(t -> Backoff.RECONNECT.delay(t).toMillis()))
        .containsExactly(10L, 50L, 100L, 150L, 200L, 250L, 500L, 1000L, 2000L, 5000L, 5000L);
  }

  @Test
  void rejoinFollowsThePhoenixTableThenStaysAtTenSeconds() {
    assertThat(IntStream.rangeClosed(1, 5).mapToObj(t -> Backoff.REJOIN.delay(t).toMillis()))
        .containsExactly(1000L, 2000L, 5000L, 10_000L, 10_000L);
  }

  @Test
  void constantIgnoresTries() {
    assertThat(Backoff.constant(Duration.ofMillis(7)).delay(99)).isEqualTo(Duration.ofMillis(7));
  }
}
