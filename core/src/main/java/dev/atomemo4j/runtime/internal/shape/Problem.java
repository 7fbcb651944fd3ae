package dev.atomemo4j.runtime.internal.shape;

import java.util.Objects;

/**
 * One thing wrong with an incoming value.
 *
 * @param pointer RFC 6901 JSON pointer of the offending value, relative to the decoded document (for tool input:
 *     the {@code parameters} object, so {@code ""} is the whole object and {@code /tags/2} the third tag)
 * @param message what is wrong, phrased to follow the pointer: {@code "is required"}, {@code "must be an integer
 *     between 1 and 100, got 250"}
 */
public record Problem(String pointer, String message) {
  public Problem {
    Objects.requireNonNull(pointer, "pointer");
    Objects.requireNonNull(message, "message");
  }

  /** {@code /page: must be …}, or {@code (root): …} for the empty pointer. */
  @Override
  public String toString() {
    return (pointer.isEmpty() ? "(root)" : pointer) + ": " + message;
  }
}
