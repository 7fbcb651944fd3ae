package dev.atomemo4j.runtime.internal.hub;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Secret values known for one request: every string inside the request's {@code credentials} and
 * {@code credential} members, and the debug API key. Error messages and logs pass through {@link #scrub}, so that a
 * plugin exception whose message happens to quote a credential value does not carry it to the Hub or into a log.
 *
 * <p>Strings shorter than {@link #MIN_LENGTH} are not scrubbed: masking every {@code "eu"} in a message would make
 * it unreadable and protect nothing.
 */
final class Secrets {

  static final int MIN_LENGTH = 4;
  static final String MASK = "[REDACTED]";
  static final Secrets NONE = new Secrets(List.of());

  /** Longest first, so a secret containing another is masked whole. */
  private final List<String> values;

  private Secrets(List<String> values) {
    this.values = values;
  }

  /** The secrets of a request payload, plus {@code extra} (the api key), if not null. */
  static Secrets of(JsonNode payload, String extra) {
    return of(payload, extra, List.of());
  }

  /** As above, also counting {@code secretValues} (what the tool receives as {@code Secret}) as secrets. */
  static Secrets of(JsonNode payload, String extra, List<String> secretValues) {
    Set<String> found = new LinkedHashSet<>();
    if (extra != null && extra.length() >= MIN_LENGTH) {
      found.add(extra);
    }
    collect(payload.get("credentials"), found, 0);
    collect(payload.get("credential"), found, 0);
    for (String value : secretValues) {
      if (value != null && value.length() >= MIN_LENGTH) {
        found.add(value);
      }
    }
    if (found.isEmpty()) {
      return NONE;
    }
    List<String> sorted = new ArrayList<>(found);
    sorted.sort(Comparator.comparingInt(String::length).reversed());
    return new Secrets(List.copyOf(sorted));
  }

  private static void collect(JsonNode node, Set<String> out, int depth) {
    if (node == null || depth > 32) {
      return;
    }
    if (node.isTextual()) {
      if (node.textValue().length() >= MIN_LENGTH) {
        out.add(node.textValue());
      }
    } else if (node.isContainerNode()) {
      for (Iterator<JsonNode> it = node.elements(); it.hasNext(); ) {
        collect(it.next(), out, depth + 1);
      }
    }
  }

  boolean isEmpty() {
    return values.isEmpty();
  }

  boolean isSecret(String s) {
    return s != null && values.contains(s);
  }

  /**
   * A JSON pointer with every known secret masked, also where the pointer escapes it ({@code ~0}, {@code ~1}): a map
   * key may be a secret.
   */
  String scrubPointer(String pointer) {
    if (pointer == null || values.isEmpty()) {
      return pointer;
    }
    String out = scrub(pointer);
    for (String v : values) {
      String escaped = v.replace("~", "~0").replace("/", "~1");
      if (!escaped.equals(v) && out.contains(escaped)) {
        out = out.replace(escaped, MASK);
      }
    }
    return out;
  }

  /** {@code text} with every known secret replaced by {@value #MASK}; null stays null. */
  String scrub(String text) {
    if (text == null || values.isEmpty()) {
      return text;
    }
    String out = text;
    for (String v : values) {
      if (out.contains(v)) {
        out = out.replace(v, MASK);
      }
    }
    return out;
  }
}
