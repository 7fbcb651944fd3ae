package dev.atomemo4j.mcp;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.atomemo4j.runtime.spi.PluginDescriptor;
import dev.atomemo4j.runtime.spi.Shape;
import dev.atomemo4j.runtime.spi.ToolBinding;
import io.modelcontextprotocol.spec.McpSchema;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What {@code tools/list} says of each tool, from what the processor generated: name; title and description from
 * {@code definition.json} (English); the input schema from the tool's generated schema resource, without its
 * credential parameters (the server fills those from its configuration); the output schema from the generated
 * output schema; the tool annotations from the hints the author declared on {@code @Tool} (none when none were).
 * MCP wants an object at the root of an output schema, so a tool returning anything else (a list,
 * a string) has its result wrapped as {@code {"result": …}} ({@link #WRAP_MEMBER}).
 */
final class ToolSpecs {

  /** The member a non-object result is wrapped in, in structured content and the output schema. */
  static final String WRAP_MEMBER = "result";

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};

  /** One tool as MCP lists it, and how its results are shaped. */
  record Spec(ToolBinding binding, McpSchema.Tool tool, boolean wrapsResult, List<CredentialParameter> credentials) {
    boolean hasOutputSchema() {
      return tool.outputSchema() != null;
    }
  }

  /** A parameter that names a credential: filled by the server, hidden from the client. */
  record CredentialParameter(String parameter, String credential, boolean required) {}

  private ToolSpecs() {}

  static List<Spec> of(PluginDescriptor plugin) {
    JsonNode definition = read(plugin.definitionJson(), "definition.json of " + plugin.name());
    Map<String, JsonNode> definedTools = new LinkedHashMap<>();
    for (JsonNode t : definition.path("tools")) {
      definedTools.put(t.path("name").asText(), t);
    }
    List<Spec> specs = new ArrayList<>();
    for (ToolBinding binding : plugin.tools()) {
      specs.add(spec(plugin, binding, definedTools.getOrDefault(binding.name(), JSON.createObjectNode())));
    }
    return List.copyOf(specs);
  }

  private static Spec spec(PluginDescriptor plugin, ToolBinding binding, JsonNode defined) {
    List<CredentialParameter> credentials = credentialParameters(binding);
    ObjectNode input = binding.inputSchemaResource() == null ? null
        : (ObjectNode) resource(plugin, binding.inputSchemaResource());
    if (input == null) {
      input = JSON.createObjectNode().put("type", "object");
    }
    hide(input, credentials);
    McpSchema.Tool.Builder tool = McpSchema.Tool.builder()
        .name(binding.name())
        .title(english(defined.get("display_name")))
        .description(english(defined.get("description")))
        .inputSchema(JSON.convertValue(input, MAP));
    ToolBinding.Hints hints = binding.hints();
    if (!hints.isEmpty()) {
      tool.annotations(new McpSchema.ToolAnnotations(null, hints.readOnly(), hints.destructive(), hints.idempotent(),
          hints.openWorld(), null));
    }
    boolean wraps = false;
    JsonNode output = binding.inputSchemaResource() == null ? null
        : resource(plugin, outputResource(binding.inputSchemaResource()));
    if (output != null && binding.output() != null) {
      if (!"object".equals(output.path("type").asText())) {
        wraps = true;
        output = wrapped((ObjectNode) output);
      }
      tool.outputSchema(JSON.convertValue(output, MAP));
    }
    return new Spec(binding, tool.build(), wraps, credentials);
  }

  /** {@code …/schemas/<tool>.input.json} → {@code …/schemas/<tool>.output.json}, the processor's naming. */
  static String outputResource(String inputResource) {
    return inputResource.endsWith(".input.json")
        ? inputResource.substring(0, inputResource.length() - ".input.json".length()) + ".output.json"
        : inputResource + ".output";
  }

  static ObjectNode wrapped(ObjectNode schema) {
    ObjectNode root = JSON.createObjectNode();
    JsonNode dialect = schema.remove("$schema");
    if (dialect != null) {
      root.set("$schema", dialect);
    }
    JsonNode title = schema.remove("title");
    if (title != null) {
      root.set("title", title);
    }
    root.put("type", "object");
    root.putObject("properties").set(WRAP_MEMBER, schema);
    root.putArray("required").add(WRAP_MEMBER);
    root.put("additionalProperties", false);
    return root;
  }

  private static List<CredentialParameter> credentialParameters(ToolBinding binding) {
    List<CredentialParameter> out = new ArrayList<>();
    for (Shape.Field f : binding.input().fields()) {
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

  private static void hide(ObjectNode schema, List<CredentialParameter> credentials) {
    if (credentials.isEmpty()) {
      return;
    }
    JsonNode properties = schema.get("properties");
    JsonNode required = schema.get("required");
    for (CredentialParameter c : credentials) {
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
  }

  /** The English text of an i18n object ({@code en_US}, else its first value); null when absent. */
  private static String english(JsonNode i18n) {
    if (i18n == null || i18n.isNull()) {
      return null;
    }
    if (i18n.isTextual()) {
      return i18n.textValue();
    }
    JsonNode en = i18n.get("en_US");
    if (en != null && en.isTextual()) {
      return en.textValue();
    }
    var values = i18n.elements();
    return values.hasNext() ? values.next().asText() : null;
  }

  static JsonNode resource(PluginDescriptor plugin, String path) {
    try (InputStream in = plugin.anchor().getClassLoader().getResourceAsStream(path)) {
      return in == null ? null : JSON.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the generated " + path, e);
    }
  }

  private static JsonNode read(String text, String what) {
    try {
      return JSON.readTree(text);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot parse the generated " + what, e);
    }
  }
}
