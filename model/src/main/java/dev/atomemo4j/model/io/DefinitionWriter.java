package dev.atomemo4j.model.io;

import dev.atomemo4j.model.JsonValue;
import dev.atomemo4j.model.PluginDefinition;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes {@code definition.json} byte for byte as the official JS SDK does
 * ({@code JSON.stringify(definition, null, 2)} of the schema-normalized object, UTF-8, no BOM, no final newline).
 */
public final class DefinitionWriter {
  private DefinitionWriter() {}

  public static String toJson(PluginDefinition definition) {
    return JsJson.stringify(DefinitionEncoder.encode(definition));
  }

  public static byte[] toBytes(PluginDefinition definition) {
    return toJson(definition).getBytes(StandardCharsets.UTF_8);
  }

  /**
   * As {@link #toJson(PluginDefinition)}, with the plugin object's members in the author's order, as the JS SDK
   * writes them: the members the author declared ({@code name} … {@code locales}) in the order of
   * {@code pluginMemberOrder} (names it does not list follow in the schema's order), then {@code author},
   * {@code email}, {@code version}, {@code credentials}, {@code models}, {@code tools}, which the SDK appends.
   * Every other object keeps the schema's order.
   */
  public static String toJson(PluginDefinition definition, List<String> pluginMemberOrder) {
    JsonValue.Obj canonical = DefinitionEncoder.encode(definition);
    Map<String, JsonValue> ordered = new LinkedHashMap<>();
    for (String name : pluginMemberOrder) {
      if (!APPENDED.contains(name) && canonical.members().containsKey(name)) {
        ordered.put(name, canonical.get(name));
      }
    }
    canonical.members().forEach((name, value) -> {
      if (!APPENDED.contains(name)) {
        ordered.putIfAbsent(name, value);
      }
    });
    for (String name : APPENDED) {
      if (canonical.members().containsKey(name)) {
        ordered.put(name, canonical.get(name));
      }
    }
    return JsJson.stringify(new JsonValue.Obj(ordered));
  }

  public static byte[] toBytes(PluginDefinition definition, List<String> pluginMemberOrder) {
    return toJson(definition, pluginMemberOrder).getBytes(StandardCharsets.UTF_8);
  }

  /** Plugin members the JS SDK adds after the author's own, always in this order. */
  private static final List<String> APPENDED = List.of("author", "email", "version", "credentials", "models",
      "tools");

  /** The compact form, as sent in the {@code register_plugin} payload. */
  public static String toCompactJson(PluginDefinition definition) {
    return JsJson.compact(DefinitionEncoder.encode(definition));
  }
}
