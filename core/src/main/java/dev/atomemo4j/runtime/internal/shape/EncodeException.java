package dev.atomemo4j.runtime.internal.shape;

import java.util.ArrayDeque;

/**
 * A tool result that cannot be turned into JSON: a {@code Secret}, a type the encoder does not know, a cycle. The
 * pointer says where inside the result; it is collected while the exception unwinds, so encoding that succeeds
 * tracks no path at all.
 */
public final class EncodeException extends RuntimeException {
  private final String reason;
  /** Pointer segments, outermost first: String keys or Integer indexes. */
  private final ArrayDeque<Object> segments = new ArrayDeque<>();

  EncodeException(String reason) {
    super(reason);
    this.reason = reason;
  }

  EncodeException(String reason, Throwable cause) {
    super(reason, cause);
    this.reason = reason;
  }

  /** Adds the member name of the enclosing object while unwinding. */
  EncodeException at(String key) {
    segments.addFirst(key);
    return this;
  }

  /** Adds the index within the enclosing array while unwinding. */
  EncodeException at(int index) {
    segments.addFirst(index);
    return this;
  }

  /** What is wrong, without the position. */
  public String reason() {
    return reason;
  }

  /** RFC 6901 pointer of the offending value within the result; {@code ""} for the result itself. */
  public String pointer() {
    StringBuilder sb = new StringBuilder();
    for (Object s : segments) {
      sb.append('/');
      if (s instanceof String) {
        PointerPath.appendEscaped(sb, (String) s);
      } else {
        sb.append(s);
      }
    }
    return sb.toString();
  }

  /** {@code at /items/2: <reason>}, or the reason alone for the result itself. */
  @Override
  public String getMessage() {
    String pointer = pointer();
    return pointer.isEmpty() ? reason : "at " + pointer + ": " + reason;
  }
}
