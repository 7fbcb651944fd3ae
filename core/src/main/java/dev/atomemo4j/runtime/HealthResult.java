package dev.atomemo4j.runtime;

import java.util.Objects;
import java.util.Optional;

/**
 * What a {@code @HealthCheck} returns: healthy or not, and a short message for operators (never a credential). The
 * host measures the latency itself and turns a thrown exception or a timeout into an unhealthy result, so a probe
 * need not catch everything.
 */
public record HealthResult(boolean healthy, Optional<String> message) {

  public HealthResult {
    Objects.requireNonNull(message, "message");
  }

  /** Healthy, nothing to say. */
  public static HealthResult ok() {
    return new HealthResult(true, Optional.empty());
  }

  /** Healthy, with a note ({@code "3 terms loaded"}). */
  public static HealthResult ok(String message) {
    return new HealthResult(true, Optional.of(message));
  }

  /** Unhealthy, saying why. */
  public static HealthResult unhealthy(String message) {
    return new HealthResult(false, Optional.of(message));
  }
}
