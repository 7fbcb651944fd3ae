package dev.atomemo4j.model.io;

import dev.atomemo4j.model.PluginDefinition;
import java.nio.charset.StandardCharsets;

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

  /** The compact form, as sent in the {@code register_plugin} payload. */
  public static String toCompactJson(PluginDefinition definition) {
    return JsJson.compact(DefinitionEncoder.encode(definition));
  }
}
