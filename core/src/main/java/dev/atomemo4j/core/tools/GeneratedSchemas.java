package dev.atomemo4j.core.tools;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.atomemo4j.runtime.spi.PluginDescriptor;
import dev.atomemo4j.runtime.spi.Shape;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads what the processor generated for a tool or action: its input and output JSON Schemas (classpath resources
 * beside the plugin's registry) and the English texts of {@code definition.json}. Front ends read them once, when
 * they build their tool list, never per call.
 */
public final class GeneratedSchemas {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String INPUT_SUFFIX = ".input.json";

  private GeneratedSchemas() {}

  /**
   * The input schema at {@code resource} with the {@code hidden} parameters taken out of its properties and its
   * required list; an empty object schema when none was generated. A fresh tree each call: callers may change it.
   */
  public static ObjectNode input(PluginDescriptor plugin, String resource, List<CredentialParameter> hidden) {
    return input(PluginSchemas.files(plugin), resource, hidden);
  }

  /** As {@link #input(PluginDescriptor, String, List)}, from schemas read once for the whole tool list. */
  public static ObjectNode input(PluginSchemas schemas, String resource, List<CredentialParameter> hidden) {
    JsonNode read = parse(schemas, resource);
    ObjectNode schema = read instanceof ObjectNode o ? o : JSON.createObjectNode().put("type", "object");
    JsonNode properties = schema.get("properties");
    JsonNode required = schema.get("required");
    for (CredentialParameter c : hidden) {
      if (properties instanceof ObjectNode p) {
        p.remove(c.parameter());
      }
      if (required instanceof ArrayNode r) {
        for (int i = r.size() - 1; i >= 0; i--) {
          if (c.parameter().equals(r.get(i).asText())) {
            r.remove(i);
          }
        }
      }
    }
    return schema;
  }

  /** The output schema beside an input schema ({@code <tool>.input.json} → {@code <tool>.output.json}). */
  public static Optional<JsonNode> output(PluginDescriptor plugin, String inputResource) {
    return output(PluginSchemas.files(plugin), inputResource);
  }

  /** As {@link #output(PluginDescriptor, String)}, from schemas read once for the whole tool list. */
  public static Optional<JsonNode> output(PluginSchemas schemas, String inputResource) {
    if (inputResource == null || !inputResource.endsWith(INPUT_SUFFIX)) {
      return Optional.empty();
    }
    String path = inputResource.substring(0, inputResource.length() - INPUT_SUFFIX.length()) + ".output.json";
    return Optional.ofNullable(parse(schemas, path));
  }

  /** The parameters of {@code input} whose shape is a credential reference (optional ones are not required). */
  public static List<CredentialParameter> credentialParameters(Shape.Obj input) {
    List<CredentialParameter> out = new ArrayList<>();
    for (Shape.Field f : input.fields()) {
      Shape s = f.shape();
      boolean optional = s instanceof Shape.Opt;
      if (optional) {
        s = ((Shape.Opt) s).inner();
      }
      if (s instanceof Shape.CredentialRef ref) {
        out.add(new CredentialParameter(f.name(), ref.credentialName(), f.required() && !optional));
      }
    }
    return List.copyOf(out);
  }

  /** The plugin's generated {@code definition.json}, parsed. */
  public static JsonNode definition(PluginDescriptor plugin) {
    try {
      return JSON.readTree(plugin.definitionJson());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot parse the generated definition.json of " + plugin.name(), e);
    }
  }

  /** The English text of an i18n object ({@code en_US}, else its first value); empty when absent. */
  public static Optional<String> english(JsonNode i18n) {
    if (i18n == null || i18n.isNull() || i18n.isMissingNode()) {
      return Optional.empty();
    }
    if (i18n.isTextual()) {
      return Optional.of(i18n.textValue());
    }
    JsonNode en = i18n.get("en_US");
    if (en != null && en.isTextual()) {
      return Optional.of(en.textValue());
    }
    var values = i18n.elements();
    return values.hasNext() ? Optional.of(values.next().asText()) : Optional.empty();
  }

  private static JsonNode parse(PluginSchemas schemas, String path) {
    byte[] bytes = schemas.bytes(path).orElse(null);
    if (bytes == null) {
      return null;
    }
    try {
      return JSON.readTree(bytes);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot parse the generated " + path + " of " + schemas.plugin().name(), e);
    }
  }

  /** The generated resource at {@code path} in the plugin's class loader, parsed; null when there is none. */
  public static JsonNode resource(PluginDescriptor plugin, String path) {
    ClassLoader loader = plugin.anchor().getClassLoader();
    if (loader == null) {
      return null; // a hand-made descriptor anchored on a JDK class: nothing was generated for it
    }
    try (InputStream in = loader.getResourceAsStream(path)) {
      return in == null ? null : JSON.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the generated " + path, e);
    }
  }
}
