package dev.atomemo4j.runtime.internal.phoenix;

import java.util.regex.Pattern;

/**
 * Removes the debug {@code api_key} from text before it reaches a log or an exception message (hub-protocol.md §2.2:
 * the key is a credential that travels in the socket URL).
 */
public final class Redaction {

  static final String MASK = "REDACTED";

  // The value runs to the next '&', '#', whitespace or '"'. encodeURIComponent escapes all four, so an encoded key
  // never contains them and is always masked whole; over-masking a trailing '}' or ')' of a message is harmless.
  private static final Pattern API_KEY = Pattern.compile("(?i)(\\bapi_key=)[^&#\\s\"]*");

  private Redaction() {}

  /** {@code text} with every {@code api_key=value} replaced by {@code api_key=REDACTED}; null stays null. */
  public static String redact(String text) {
    if (text == null || text.isEmpty()) {
      return text;
    }
    return API_KEY.matcher(text).replaceAll("$1" + MASK);
  }

  /**
   * A stand-in for {@code t} that is safe to hand to a logger: its message is {@link #describe(Throwable)} and its
   * stack trace is {@code t}'s, but it has no cause, so no unredacted message is printed further down.
   */
  static RuntimeException loggable(Throwable t) {
    RuntimeException safe = new RuntimeException(describe(t));
    safe.setStackTrace(t.getStackTrace());
    return safe;
  }

  /** A throwable's class and message chain, redacted, without a stack trace (which may carry the raw URL). */
  public static String describe(Throwable t) {
    StringBuilder out = new StringBuilder();
    int depth = 0;
    for (Throwable cur = t; cur != null && depth < 5; cur = cur.getCause(), depth++) {
      if (depth > 0) {
        out.append(" caused by "); // a leading space: the mask of a key ending the message stops there
      }
      out.append(cur.getClass().getName());
      if (cur.getMessage() != null) {
        out.append(": ").append(cur.getMessage());
      }
      if (cur.getCause() == cur) {
        break;
      }
    }
    return redact(out.toString());
  }
}
