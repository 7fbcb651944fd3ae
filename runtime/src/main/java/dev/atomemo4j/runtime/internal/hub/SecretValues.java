package dev.atomemo4j.runtime.internal.hub;

import com.fasterxml.jackson.databind.JsonNode;
import dev.atomemo4j.runtime.spi.Shape;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds the values a tool receives as {@code Secret} wherever they sit in its {@code parameters}: a top-level
 * parameter, a record component, a list item, a map value, an optional, a union variant. Those values are secrets of
 * the request like credential values, so they are masked in every message, log line and frame (issue 11, defect 3).
 *
 * <p>Walks the JSON alongside the tool's input shape, so it costs nothing for tools without a {@code Secret}
 * anywhere in their input ({@link #mayHoldSecrets}).
 */
final class SecretValues {

  /** Deep enough for any real input; deeper values are not walked (the decoder refuses them anyway). */
  private static final int MAX_DEPTH = 64;

  private SecretValues() {}

  /** Whether a {@code Secret} occurs anywhere in {@code shape}. */
  static boolean mayHoldSecrets(Shape shape) {
    return holds(shape, new IdentityHashMap<>());
  }

  private static boolean holds(Shape shape, Map<Shape, Boolean> seen) {
    if (shape instanceof Shape.SecretStr) {
      return true;
    }
    if (seen.put(shape, Boolean.TRUE) != null) {
      return false; // a recursive shape: already being looked at
    }
    if (shape instanceof Shape.Opt o) {
      return holds(o.inner(), seen);
    }
    if (shape instanceof Shape.Arr a) {
      return holds(a.items(), seen);
    }
    if (shape instanceof Shape.MapOf m) {
      return holds(m.values(), seen);
    }
    if (shape instanceof Shape.Obj o) {
      for (Shape.Field f : o.fields()) {
        if (holds(f.shape(), seen)) {
          return true;
        }
      }
      return false;
    }
    if (shape instanceof Shape.Union u) {
      for (Shape.Obj variant : u.variants().values()) {
        if (holds(variant, seen)) {
          return true;
        }
      }
    }
    return false;
  }

  /** The strings in {@code parameters} at the places {@code input} declares a {@code Secret}. */
  static List<String> in(Shape.Obj input, JsonNode parameters) {
    List<String> found = new ArrayList<>();
    collect(input, parameters, found, 0);
    return found;
  }

  private static void collect(Shape shape, JsonNode node, List<String> out, int depth) {
    if (node == null || node.isNull() || depth > MAX_DEPTH) {
      return;
    }
    if (shape instanceof Shape.SecretStr) {
      if (node.isTextual()) {
        out.add(node.textValue());
      } else if (node.isValueNode()) {
        out.add(node.asText()); // the wrong type, but still what the user meant as a secret
      }
    } else if (shape instanceof Shape.Opt o) {
      collect(o.inner(), node, out, depth + 1);
    } else if (shape instanceof Shape.Arr a && node.isArray()) {
      for (JsonNode item : node) {
        collect(a.items(), item, out, depth + 1);
      }
    } else if (shape instanceof Shape.MapOf m && node.isObject()) {
      for (Map.Entry<String, JsonNode> e : node.properties()) {
        collect(m.values(), e.getValue(), out, depth + 1);
      }
    } else if (shape instanceof Shape.Obj o && node.isObject()) {
      for (Shape.Field f : o.fields()) {
        collect(f.shape(), node.get(f.name()), out, depth + 1);
      }
    } else if (shape instanceof Shape.Union u && node.isObject()) {
      JsonNode tag = node.get(u.discriminator());
      Shape.Obj variant = tag != null && tag.isTextual() ? u.variants().get(tag.textValue()) : null;
      if (variant != null) {
        collect(variant, node, out, depth + 1);
      } else {
        for (Shape.Obj any : u.variants().values()) { // unknown variant: mask what any variant calls secret
          collect(any, node, out, depth + 1);
        }
      }
    }
  }
}
