package dev.atomemo4j.core.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import dev.atomemo4j.runtime.spi.Shape;
import dev.atomemo4j.runtime.spi.ToolBinding;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Secret values known for one request: credential values, Secret-typed parameters, an api key. Error messages and
 * logs pass through {@link #scrub}, so that a plugin exception whose message happens to quote a credential value
 * does not carry it to the caller or into a log. The front end collects them ({@link #builder()}), since only it
 * knows everything it received. For front ends, not for plugin authors.
 *
 * <p>Strings shorter than {@link #MIN_LENGTH} are not scrubbed: masking every {@code "eu"} in a message would make
 * it unreadable and protect nothing.
 */
public final class Secrets {

  public static final int MIN_LENGTH = 4;
  public static final String MASK = "[REDACTED]";
  public static final Secrets NONE = new Secrets(List.of());

  /** How deep {@link Builder#allStringsOf} descends: request trees are shallow; a hostile one must not recurse. */
  private static final int MAX_DEPTH = 32;

  /** Longest first, so a secret containing another is masked whole. */
  private final List<String> values;

  private Secrets(List<String> values) {
    this.values = values;
  }

  public static Builder builder() {
    return new Builder();
  }

  /**
   * The names of {@code tool}'s Secret-typed parameters (optional or not): their values are secrets of the request
   * like credential values.
   */
  public static List<String> secretParameters(ToolBinding tool) {
    List<String> names = new ArrayList<>();
    for (Shape.Field field : tool.input().fields()) {
      Shape shape = field.shape();
      if (shape instanceof Shape.Opt) {
        shape = ((Shape.Opt) shape).inner();
      }
      if (shape instanceof Shape.SecretStr) {
        names.add(field.name());
      }
    }
    return List.copyOf(names);
  }

  public boolean isEmpty() {
    return values.isEmpty();
  }

  public boolean isSecret(String s) {
    return s != null && values.contains(s);
  }

  /**
   * A JSON pointer with every known secret masked, also where the pointer escapes it ({@code ~0}, {@code ~1}): a map
   * key may be a secret.
   */
  public String scrubPointer(String pointer) {
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
  public String scrub(String text) {
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

  /** Collects the secrets of one request. Not thread-safe; build once per request. */
  public static final class Builder {
    private final Set<String> found = new LinkedHashSet<>();

    private Builder() {}

    /** One secret value (an api key); null and values shorter than {@link #MIN_LENGTH} are ignored. */
    public Builder value(String secret) {
      if (secret != null && secret.length() >= MIN_LENGTH) {
        found.add(secret);
      }
      return this;
    }

    /** Every string inside {@code tree} (credential values); null is ignored. */
    public Builder allStringsOf(JsonNode tree) {
      collect(tree, 0);
      return this;
    }

    private void collect(JsonNode node, int depth) {
      if (node == null || depth > MAX_DEPTH) {
        return;
      }
      if (node.isTextual()) {
        value(node.textValue());
      } else if (node.isContainerNode()) {
        for (Iterator<JsonNode> it = node.elements(); it.hasNext(); ) {
          collect(it.next(), depth + 1);
        }
      }
    }

    public Secrets build() {
      if (found.isEmpty()) {
        return NONE;
      }
      List<String> sorted = new ArrayList<>(found);
      sorted.sort(Comparator.comparingInt(String::length).reversed());
      return new Secrets(List.copyOf(sorted));
    }
  }
}
