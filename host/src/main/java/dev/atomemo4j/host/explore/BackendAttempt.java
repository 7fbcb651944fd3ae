package dev.atomemo4j.host.explore;

import java.util.Objects;

/**
 * One backend considered by a selection, and what came of it.
 *
 * @param backend a plugin id or {@code builtin:…}
 * @param priority its priority
 * @param outcome {@code chosen}, {@code unavailable} (a plugin not healthy, disabled or not created),
 *     {@code refused} (the security policy) or {@code failed} ({@code create} threw, timed out or returned null)
 * @param reason why, for operators; null when chosen
 */
public record BackendAttempt(String backend, int priority, Outcome outcome, String reason) {
  public BackendAttempt {
    Objects.requireNonNull(backend, "backend");
    Objects.requireNonNull(outcome, "outcome");
  }

  /** What came of considering a backend. */
  public enum Outcome {
    CHOSEN, UNAVAILABLE, REFUSED, FAILED;

    public String wireName() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  @Override
  public String toString() {
    return backend + " (" + priority + "): " + outcome.wireName() + (reason == null ? "" : ": " + reason);
  }
}
