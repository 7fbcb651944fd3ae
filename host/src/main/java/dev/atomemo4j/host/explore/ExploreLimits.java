package dev.atomemo4j.host.explore;

import java.time.Duration;
import java.util.Objects;

/**
 * What one explore command may use, for every backend: its output (stdout and stderr together, in UTF-8 bytes) and
 * its running time. Past the output limit the output is cut and the command killed ({@code truncated}); past the
 * time limit the command is killed ({@code timedOut}). Both are flags on the {@link ExploreResult}, with the output
 * read so far: the agent sees what the command printed before it was cut.
 *
 * @param maxOutputBytes at least 1; default 1 MiB
 * @param timeout positive; default 30 s
 */
public record ExploreLimits(int maxOutputBytes, Duration timeout) {
  public static final ExploreLimits DEFAULT = new ExploreLimits(1 << 20, Duration.ofSeconds(30));

  public ExploreLimits {
    Objects.requireNonNull(timeout, "timeout");
    if (maxOutputBytes < 1) {
      throw new IllegalArgumentException("maxOutputBytes must be at least 1, got " + maxOutputBytes);
    }
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("the explore timeout must be positive, got " + timeout);
    }
  }
}
