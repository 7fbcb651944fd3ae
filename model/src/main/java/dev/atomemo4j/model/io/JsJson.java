package dev.atomemo4j.model.io;

import dev.atomemo4j.model.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Prints a {@link JsonValue} exactly as ECMAScript {@code JSON.stringify(value, null, 2)} would: two-space
 * indent, {@code "key": value}, LF only, no trailing newline, lower-case {@code \\u00xx} escapes, lone surrogates
 * escaped, everything else literal, and integer-like keys of every object first in ascending order.
 */
public final class JsJson {
  private JsJson() {}

  /** Pretty-printed text with a two-space indent. */
  public static String stringify(JsonValue value) {
    StringBuilder out = new StringBuilder();
    write(value, out, "");
    return out.toString();
  }

  /** Compact text, as {@code JSON.stringify(value)}. */
  public static String compact(JsonValue value) {
    StringBuilder out = new StringBuilder();
    write(value, out, null);
    return out.toString();
  }

  private static void write(JsonValue value, StringBuilder out, String indent) {
    if (value instanceof JsonValue.Text t) {
      quote(t.value(), out);
    } else if (value instanceof JsonValue.Num n) {
      out.append(JsNumbers.format(n.doubleValue()));
    } else if (value instanceof JsonValue.Bool b) {
      out.append(b.value());
    } else if (value instanceof JsonValue.Array a) {
      writeArray(a.items(), out, indent);
    } else if (value instanceof JsonValue.Obj o) {
      writeObject(o.members(), out, indent);
    } else {
      out.append("null");
    }
  }

  private static void writeArray(List<JsonValue> items, StringBuilder out, String indent) {
    if (items.isEmpty()) {
      out.append("[]");
      return;
    }
    out.append('[');
    String inner = indent == null ? null : indent + "  ";
    for (int i = 0; i < items.size(); i++) {
      if (i > 0) {
        out.append(',');
      }
      if (inner != null) {
        out.append('\n').append(inner);
      }
      write(items.get(i), out, inner);
    }
    if (indent != null) {
      out.append('\n').append(indent);
    }
    out.append(']');
  }

  private static void writeObject(Map<String, JsonValue> members, StringBuilder out, String indent) {
    if (members.isEmpty()) {
      out.append("{}");
      return;
    }
    out.append('{');
    String inner = indent == null ? null : indent + "  ";
    boolean first = true;
    for (String key : jsKeyOrder(members.keySet())) {
      if (!first) {
        out.append(',');
      }
      first = false;
      if (inner != null) {
        out.append('\n').append(inner);
      }
      quote(key, out);
      out.append(inner == null ? ":" : ": ");
      write(members.get(key), out, inner);
    }
    if (indent != null) {
      out.append('\n').append(indent);
    }
    out.append('}');
  }

  /**
   * JavaScript's own-property order: canonical array indices ("0" … "4294967294") ascending, then the other
   * keys in insertion order.
   */
  static List<String> jsKeyOrder(Iterable<String> keys) {
    List<Long> indices = new ArrayList<>();
    List<String> others = new ArrayList<>();
    for (String key : keys) {
      long index = arrayIndex(key);
      if (index >= 0) {
        indices.add(index);
      } else {
        others.add(key);
      }
    }
    if (indices.isEmpty()) {
      return others;
    }
    indices.sort(null);
    List<String> ordered = new ArrayList<>(indices.size() + others.size());
    for (long index : indices) {
      ordered.add(Long.toString(index));
    }
    ordered.addAll(others);
    return ordered;
  }

  /** The array index a key denotes, or -1 when it is not a canonical index below 2^32 - 1. */
  static long arrayIndex(String key) {
    int length = key.length();
    if (length == 0 || length > 10) {
      return -1;
    }
    if (length > 1 && key.charAt(0) == '0') {
      return -1;
    }
    long value = 0;
    for (int i = 0; i < length; i++) {
      char c = key.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      value = value * 10 + (c - '0');
    }
    return value <= 4294967294L ? value : -1;
  }

  /** Writes {@code s} as a JSON string literal with JSON.stringify's escapes. */
  public static void quote(String s, StringBuilder out) {
    out.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\b' -> out.append("\\b");
        case '\t' -> out.append("\\t");
        case '\n' -> out.append("\\n");
        case '\f' -> out.append("\\f");
        case '\r' -> out.append("\\r");
        default -> {
          if (c < 0x20) {
            hexEscape(c, out);
          } else if (Character.isHighSurrogate(c)) {
            if (i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
              out.append(c).append(s.charAt(++i));
            } else {
              hexEscape(c, out);
            }
          } else if (Character.isLowSurrogate(c)) {
            hexEscape(c, out); // a low surrogate here has no high surrogate before it
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
  }

  private static void hexEscape(char c, StringBuilder out) {
    String hex = Integer.toHexString(c);
    out.append("\\u").append("0".repeat(4 - hex.length())).append(hex);
  }
}
