package dev.atomemo4j.runtime.internal.hub;

import com.fasterxml.jackson.databind.JsonNode;
import dev.atomemo4j.core.pipeline.SecretPointers;
import dev.atomemo4j.runtime.spi.Shape;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds the values a tool receives as {@code Secret} wherever they sit in its {@code parameters}: a top-level
 * parameter, a record component, a list item, a map value, an optional, a union variant. Those values are secrets of
 * the request like credential values, so they are masked in every message, log line and frame (issue 11, defect 3).
 *
 * <p>Walks the JSON alongside the tool's input shape ({@link SecretPointers}, the core's one walk), and only for tools
 * that have a {@code Secret} anywhere in their input ({@link #mayHoldSecrets}).
 */
final class SecretValues {

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
    return SecretPointers.values(input, parameters);
  }
}
