package dev.atomemo4j.host;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.atomemo4j.runtime.spi.ConfigViolation;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Resolves {@code ${NAME}} and {@code ${NAME:-default}} in a host file's strings from an environment map, so
 * secrets stay out of the file. {@code $${} writes a literal {@code ${}. A reference yields a string (use it for
 * string and secret fields; host settings such as {@code port} also accept strings). An undefined variable without
 * a default is a problem naming the path and the variable, never a value.
 */
final class EnvReferences {
  static final String UNDEFINED = "host:undefined_variable";
  static final String MALFORMED = "host:invalid_reference";

  private final Map<String, String> env;
  private final Set<String> substituted = new HashSet<>();

  EnvReferences(Map<String, String> env) {
    this.env = Map.copyOf(env);
  }

  /** The paths of the strings a reference was substituted into so far. */
  Set<String> substitutedPaths() {
    return Set.copyOf(substituted);
  }

  /** A copy of {@code node} with every string's references resolved; problems are added with their paths. */
  JsonNode resolve(JsonNode node, String path, List<ConfigViolation> problems) {
    if (node == null) {
      return null;
    }
    if (node.isTextual()) {
      String resolved = resolveText(node.textValue(), path, problems);
      return resolved == null ? node : TextNode.valueOf(resolved);
    }
    if (node.isObject()) {
      ObjectNode out = JsonNodeFactory.instance.objectNode();
      node.properties().forEach(e -> out.set(e.getKey(), resolve(e.getValue(), path + "." + e.getKey(), problems)));
      return out;
    }
    if (node.isArray()) {
      ArrayNode out = JsonNodeFactory.instance.arrayNode();
      for (int i = 0; i < node.size(); i++) {
        out.add(resolve(node.get(i), path + "[" + i + "]", problems));
      }
      return out;
    }
    return node;
  }

  /** The text with references replaced; null (and a problem) when one cannot be resolved. */
  String resolveText(String text, String path, List<ConfigViolation> problems) {
    if (text.indexOf('$') < 0) {
      return text;
    }
    StringBuilder out = new StringBuilder(text.length());
    boolean failed = false;
    int i = 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (c == '$' && text.startsWith("$${", i)) {
        out.append("${");
        i += 3;
        continue;
      }
      if (c != '$' || !text.startsWith("${", i)) {
        out.append(c);
        i++;
        continue;
      }
      int end = text.indexOf('}', i + 2);
      if (end < 0) {
        problems.add(new ConfigViolation(path, MALFORMED, "has a `${` without its closing `}`; write `$${` for a "
            + "literal `${`"));
        return null;
      }
      String body = text.substring(i + 2, end);
      int sep = body.indexOf(":-");
      String name = sep < 0 ? body : body.substring(0, sep);
      String fallback = sep < 0 ? null : body.substring(sep + 2);
      if (!name.matches("[A-Za-z_][A-Za-z0-9_]*")) {
        problems.add(new ConfigViolation(path, MALFORMED, "refers to `${" + name + "}`: a variable name is letters, "
            + "digits and `_`, not starting with a digit"));
        failed = true;
      } else {
        String value = env.get(name);
        if (value == null) {
          value = fallback;
        }
        if (value == null) {
          problems.add(new ConfigViolation(path, UNDEFINED, "refers to the environment variable " + name
              + ", which is not set; set it, or write ${" + name + ":-default}"));
          failed = true;
        } else {
          out.append(value);
          substituted.add(path);
        }
      }
      i = end + 1;
    }
    return failed ? null : out.toString();
  }
}
