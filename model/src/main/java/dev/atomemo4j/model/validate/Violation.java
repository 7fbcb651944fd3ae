package dev.atomemo4j.model.validate;

import java.util.Objects;

/**
 * One problem with a definition: where (an RFC 6901 JSON pointer such as {@code /tools/3/parameters/1/enum}),
 * which rule (a stable code), and a message a person can act on.
 */
public record Violation(String pointer, ViolationCode code, String message) {

  public Violation {
    Objects.requireNonNull(pointer, "pointer");
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(message, "message");
  }

  public Severity severity() {
    return code.severity();
  }

  public boolean isError() {
    return code.severity() == Severity.ERROR;
  }

  /** {@code <pointer> [<code>] <message>}, the line format the CLI prints. */
  @Override
  public String toString() {
    return (pointer.isEmpty() ? "/" : pointer) + " [" + code.slug() + "] " + message;
  }
}
