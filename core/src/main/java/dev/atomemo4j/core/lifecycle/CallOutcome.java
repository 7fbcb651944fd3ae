package dev.atomemo4j.core.lifecycle;

import java.time.Duration;
import java.util.Objects;

/**
 * How one lifecycle call ended: with a value, with an exception, or cut at its deadline. Never thrown: the host
 * turns every ending into a result.
 *
 * @param value what the call returned (null for void calls and failures)
 * @param failure what it threw, or null
 * @param timedOut whether the deadline passed first (the work was interrupted)
 * @param latency measured by the host, from the start of the call to its end (or to the deadline)
 * @param deadline the deadline the call ran under
 */
public record CallOutcome<T>(T value, Throwable failure, boolean timedOut, Duration latency, Duration deadline) {

  public CallOutcome {
    Objects.requireNonNull(latency, "latency");
    Objects.requireNonNull(deadline, "deadline");
  }

  static <T> CallOutcome<T> success(T value, Duration latency, Duration deadline) {
    return new CallOutcome<>(value, null, false, latency, deadline);
  }

  static <T> CallOutcome<T> failed(Throwable failure, Duration latency, Duration deadline) {
    return new CallOutcome<>(null, failure, false, latency, deadline);
  }

  static <T> CallOutcome<T> timeout(Duration latency, Duration deadline) {
    return new CallOutcome<>(null, null, true, latency, deadline);
  }

  public boolean ok() {
    return failure == null && !timedOut;
  }

  /**
   * Why the call did not succeed, for statuses and logs: {@code "timed out after 200 ms"} or
   * {@code "IllegalStateException: no connection"}; null when it succeeded.
   */
  public String problem() {
    if (timedOut) {
      return "timed out after " + deadline.toMillis() + " ms";
    }
    if (failure == null) {
      return null;
    }
    String message = failure.getMessage();
    String type = failure.getClass().getSimpleName();
    return message == null || message.isBlank() ? type : type + ": " + message;
  }
}
