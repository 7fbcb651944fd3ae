package dev.atomemo4j.springai.autoconfigure;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.atomemo4j.runtime.spi.ConfigBinding;
import dev.atomemo4j.runtime.spi.Shape;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.PropertySource;

/**
 * The config of each plugin from the application's properties: {@code atomemo4j.plugins.<plugin id>.<key>}, keys
 * as the config record's component names ({@code apiUrl}), values with their placeholders resolved ({@code
 * ${TICKET_API_KEY}}: secrets stay out of files). Read by name from the property sources rather than through
 * Spring's relaxed binding, so a plugin id such as {@code json_reader} and a key's case reach the validator exactly
 * as written. A text value of a numeric or boolean field (a {@code .properties} file has only text) is read as that
 * type; anything else goes to the generated validator as it is, which reports every problem at once.
 */
final class PluginProperties {
  static final String PREFIX = "atomemo4j.plugins.";
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private final Map<String, Map<String, Object>> byPlugin;

  private PluginProperties(Map<String, Map<String, Object>> byPlugin) {
    this.byPlugin = byPlugin;
  }

  static PluginProperties read(ConfigurableEnvironment environment) {
    Map<String, Map<String, Object>> found = new LinkedHashMap<>();
    // Property sources in precedence order: the first one naming a key wins, as Spring's own lookup does.
    for (PropertySource<?> source : environment.getPropertySources()) {
      if (!(source instanceof EnumerablePropertySource<?> enumerable)) {
        continue;
      }
      for (String name : enumerable.getPropertyNames()) {
        if (!name.startsWith(PREFIX)) {
          continue;
        }
        String rest = name.substring(PREFIX.length());
        int dot = rest.indexOf('.');
        if (dot <= 0 || dot == rest.length() - 1) {
          continue;
        }
        String plugin = rest.substring(0, dot);
        String key = rest.substring(dot + 1);
        Map<String, Object> keys = found.computeIfAbsent(plugin, p -> new LinkedHashMap<>());
        if (!keys.containsKey(key)) {
          keys.put(key, value(environment, name));
        }
      }
    }
    return new PluginProperties(found);
  }

  /**
   * The value with its placeholders resolved; null when one cannot be (an unset {@code ${TICKET_API_KEY}}), so the
   * validator reports the field as missing with the others, and the message never quotes the text.
   */
  private static Object value(ConfigurableEnvironment environment, String name) {
    try {
      return environment.getProperty(name, Object.class);
    } catch (IllegalArgumentException unresolvable) {
      return null;
    }
  }

  /** Whether the properties name this plugin at all. */
  boolean has(String pluginId) {
    return byPlugin.containsKey(pluginId);
  }

  /** The plugin's config as a JSON object, typed by {@code binding}'s fields where the value is text. */
  ObjectNode config(String pluginId, ConfigBinding binding) {
    ObjectNode out = NODES.objectNode();
    Map<String, Shape> fields = new LinkedHashMap<>();
    if (binding != null) {
      for (Shape.Field f : binding.shape().fields()) {
        fields.put(f.name(), f.shape() instanceof Shape.Opt o ? o.inner() : f.shape());
      }
    }
    byPlugin.getOrDefault(pluginId, Map.of()).forEach((key, value) -> out.set(key, node(value, fields.get(key))));
    return out;
  }

  private static JsonNode node(Object value, Shape shape) {
    if (value == null) {
      return NODES.nullNode();
    }
    if (value instanceof Boolean b) {
      return NODES.booleanNode(b);
    }
    if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
      return NODES.numberNode(((Number) value).longValue());
    }
    if (value instanceof Number n) {
      return NODES.numberNode(new BigDecimal(n.toString()));
    }
    String text = value.toString();
    String trimmed = text.trim();
    if (shape instanceof Shape.Bool && (trimmed.equals("true") || trimmed.equals("false"))) {
      return NODES.booleanNode(Boolean.parseBoolean(trimmed));
    }
    if (shape instanceof Shape.Int && trimmed.matches("[-+]?\\d{1,18}")) {
      return NODES.numberNode(Long.parseLong(trimmed));
    }
    if (shape instanceof Shape.Num && trimmed.matches("[-+]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][-+]?\\d+)?")) {
      return NODES.numberNode(new BigDecimal(trimmed));
    }
    return NODES.textNode(text);
  }
}
