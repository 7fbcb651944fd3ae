package dev.atomemo4j.runtime.internal.shape;

import java.util.List;
import java.util.Objects;

/** The outcome of {@link ShapeDecoder}: the decoded value, or every problem found (never both). */
public final class Decoded {
  private final Object value;
  private final List<Problem> problems;

  private Decoded(Object value, List<Problem> problems) {
    this.value = value;
    this.problems = problems;
  }

  /** A successful decode; {@code value} may be null (a nullable value that was null). */
  public static Decoded ok(Object value) {
    return new Decoded(value, List.of());
  }

  /** A failed decode; {@code problems} must not be empty. */
  public static Decoded failed(List<Problem> problems) {
    Objects.requireNonNull(problems, "problems");
    if (problems.isEmpty()) {
      throw new IllegalArgumentException("a failed decode needs at least one problem");
    }
    return new Decoded(null, List.copyOf(problems));
  }

  public boolean isOk() {
    return problems.isEmpty();
  }

  /** The decoded value. */
  public Object value() {
    if (!problems.isEmpty()) {
      throw new IllegalStateException("decoding failed: " + describe());
    }
    return value;
  }

  /** The problems, in document order; empty when {@link #isOk()}. */
  public List<Problem> problems() {
    return problems;
  }

  /**
   * One line for an error message: {@code "2 problems: /page: must be …; /tags/2: must be a string, got 3"}, or
   * {@code "ok"}.
   */
  public String describe() {
    if (problems.isEmpty()) {
      return "ok";
    }
    StringBuilder sb = new StringBuilder();
    sb.append(problems.size()).append(problems.size() == 1 ? " problem: " : " problems: ");
    for (int i = 0; i < problems.size(); i++) {
      if (i > 0) {
        sb.append("; ");
      }
      sb.append(problems.get(i));
    }
    return sb.toString();
  }

  @Override
  public String toString() {
    return isOk() ? "Decoded[ok]" : "Decoded[" + describe() + "]";
  }
}
