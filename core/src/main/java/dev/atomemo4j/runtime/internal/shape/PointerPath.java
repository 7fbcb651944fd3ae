package dev.atomemo4j.runtime.internal.shape;

import java.util.Arrays;

/**
 * The decoder's current position as a stack of keys and indexes, turned into an RFC 6901 pointer only when a
 * problem is reported, so a clean decode builds no strings.
 */
final class PointerPath {
  private String[] keys = new String[16];
  private int[] indexes = new int[16];
  private int depth;

  int depth() {
    return depth;
  }

  void push(String key) {
    grow();
    keys[depth] = key;
    depth++;
  }

  void push(int index) {
    grow();
    keys[depth] = null;
    indexes[depth] = index;
    depth++;
  }

  void pop() {
    depth--;
  }

  private void grow() {
    if (depth == keys.length) {
      keys = Arrays.copyOf(keys, depth * 2);
      indexes = Arrays.copyOf(indexes, depth * 2);
    }
  }

  String pointer() {
    if (depth == 0) {
      return "";
    }
    StringBuilder sb = new StringBuilder(depth * 8);
    for (int i = 0; i < depth; i++) {
      sb.append('/');
      if (keys[i] == null) {
        sb.append(indexes[i]);
      } else {
        appendEscaped(sb, keys[i]);
      }
    }
    return sb.toString();
  }

  String pointer(String childKey) {
    StringBuilder sb = new StringBuilder(pointer());
    sb.append('/');
    appendEscaped(sb, childKey);
    return sb.toString();
  }

  String pointer(int childIndex) {
    return pointer() + "/" + childIndex;
  }

  static void appendEscaped(StringBuilder sb, String key) {
    for (int i = 0; i < key.length(); i++) {
      char c = key.charAt(i);
      if (c == '~') {
        sb.append("~0");
      } else if (c == '/') {
        sb.append("~1");
      } else {
        sb.append(c);
      }
    }
  }
}
