package dev.atomemo4j.runtime.internal.phoenix;

/**
 * Makes a string from the network safe to put into a log line or an error message: control characters (newlines,
 * NULs, escape sequences, the Unicode line separators) are escaped, so a value cannot forge log lines or drive a
 * terminal, and long values are cut, so a 3 MiB {@code tool_name} does not become a 3 MiB log line.
 */
public final class LogText {

  /** Longest value echoed whole. */
  public static final int MAX_ECHO = 120;

  private LogText() {}

  /** {@code s} escaped and cut to {@link #MAX_ECHO} characters; {@code "null"} for null. */
  public static String safe(String s) {
    return safe(s, MAX_ECHO);
  }

  /** {@code s} escaped and cut to {@code max} characters, saying how long it really was. */
  public static String safe(String s, int max) {
    if (s == null) {
      return "null";
    }
    int end = Math.min(s.length(), max);
    if (end < s.length() && end > 0 && Character.isHighSurrogate(s.charAt(end - 1))) {
      end--;
    }
    StringBuilder out = null;
    for (int i = 0; i < end; i++) {
      char c = s.charAt(i);
      String escape = escape(c);
      if (escape != null && out == null) {
        out = new StringBuilder(end + 16).append(s, 0, i);
      }
      if (out != null) {
        out.append(escape != null ? escape : String.valueOf(c));
      }
    }
    String head = out == null ? s.substring(0, end) : out.toString();
    return end < s.length() ? head + "…(" + s.length() + " chars)" : head;
  }

  private static String escape(char c) {
    switch (c) {
      case '\n':
        return "\\n";
      case '\r':
        return "\\r";
      case '\t':
        return "\\t";
      case '\u2028':
        return "\\u2028";
      case '\u2029':
        return "\\u2029";
      default:
        if (c < 0x20 || (c >= 0x7f && c < 0xa0)) {
          return String.format("\\u%04x", (int) c);
        }
        return null;
    }
  }
}
