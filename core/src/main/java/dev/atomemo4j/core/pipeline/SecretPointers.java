package dev.atomemo4j.core.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import dev.atomemo4j.runtime.spi.Shape;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Where a request's {@code Secret} values sit: the JSON pointers (RFC 6901) of every value that the input shape
 * declares a {@code Secret}, wherever it is — a parameter, a record component, a list item, a map value, an
 * optional, a union variant. Front ends mask, seal or collect exactly these, so a secret nested in a record is as
 * secret as a top-level one. For front ends, not for plugin authors.
 */
public final class SecretPointers {

  /** Deep enough for any real input; deeper values are not walked (the decoder refuses them anyway). */
  private static final int MAX_DEPTH = 64;

  private SecretPointers() {}

  /** The pointers, in document order, without duplicates; empty when {@code parameters} holds no secret. */
  public static List<String> in(Shape.Obj input, JsonNode parameters) {
    Set<String> out = new LinkedHashSet<>();
    walk(input, parameters, "", out, 0);
    return List.copyOf(out);
  }

  /** The secret strings themselves (a value of the wrong type still counts: it is what the user meant). */
  public static List<String> values(Shape.Obj input, JsonNode parameters) {
    List<String> out = new ArrayList<>();
    for (String pointer : in(input, parameters)) {
      JsonNode v = parameters.at(pointer);
      if (v.isValueNode() && !v.isNull()) {
        out.add(v.isTextual() ? v.textValue() : v.asText());
      }
    }
    return out;
  }

  private static void walk(Shape shape, JsonNode node, String at, Set<String> out, int depth) {
    if (node == null || node.isNull() || depth > MAX_DEPTH) {
      return;
    }
    if (shape instanceof Shape.SecretStr) {
      if (node.isValueNode()) {
        out.add(at);
      }
    } else if (shape instanceof Shape.Opt o) {
      walk(o.inner(), node, at, out, depth + 1);
    } else if (shape instanceof Shape.Arr a && node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        walk(a.items(), node.get(i), at + "/" + i, out, depth + 1);
      }
    } else if (shape instanceof Shape.MapOf m && node.isObject()) {
      for (Map.Entry<String, JsonNode> e : node.properties()) {
        walk(m.values(), e.getValue(), at + "/" + escape(e.getKey()), out, depth + 1);
      }
    } else if (shape instanceof Shape.Obj o && node.isObject()) {
      for (Shape.Field f : o.fields()) {
        walk(f.shape(), node.get(f.name()), at + "/" + escape(f.name()), out, depth + 1);
      }
    } else if (shape instanceof Shape.Union u && node.isObject()) {
      JsonNode tag = node.get(u.discriminator());
      Shape.Obj variant = tag != null && tag.isTextual() ? u.variants().get(tag.textValue()) : null;
      if (variant != null) {
        walk(variant, node, at, out, depth + 1);
      } else {
        for (Shape.Obj any : u.variants().values()) { // an unknown variant: what any variant calls secret
          walk(any, node, at, out, depth + 1);
        }
      }
    }
  }

  private static String escape(String key) {
    return key.replace("~", "~0").replace("/", "~1");
  }
}
