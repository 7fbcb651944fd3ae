package dev.atomemo4j.mcp;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.atomemo4j.core.tools.CredentialParameter;
import dev.atomemo4j.core.tools.GeneratedSchemas;
import dev.atomemo4j.core.tools.PluginSchemas;
import dev.atomemo4j.runtime.spi.PluginDescriptor;
import dev.atomemo4j.runtime.spi.ToolBinding;
import io.modelcontextprotocol.spec.McpSchema;
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

  private ToolSpecs() {}

  static List<Spec> of(PluginDescriptor plugin) {
    JsonNode definition = GeneratedSchemas.definition(plugin);
    Map<String, JsonNode> definedTools = new LinkedHashMap<>();
    for (JsonNode t : definition.path("tools")) {
      definedTools.put(t.path("name").asText(), t);
    }
    List<Spec> specs = new ArrayList<>();
    PluginSchemas schemas = PluginSchemas.read(plugin);
    for (ToolBinding binding : plugin.tools()) {
      specs.add(spec(schemas, binding, definedTools.getOrDefault(binding.name(), JSON.createObjectNode())));
    }
    return List.copyOf(specs);
  }

  private static Spec spec(PluginSchemas schemas, ToolBinding binding, JsonNode defined) {
    List<CredentialParameter> credentials = GeneratedSchemas.credentialParameters(binding.input());
    ObjectNode input = GeneratedSchemas.input(schemas, binding.inputSchemaResource(), credentials);
    McpSchema.Tool.Builder tool = McpSchema.Tool.builder()
        .name(binding.name())
        .title(GeneratedSchemas.english(defined.get("display_name")).orElse(null))
        .description(GeneratedSchemas.english(defined.get("description")).orElse(null))
        .inputSchema(JSON.convertValue(input, MAP));
    ToolBinding.Hints hints = binding.hints();
    if (!hints.isEmpty()) {
      tool.annotations(new McpSchema.ToolAnnotations(null, hints.readOnly(), hints.destructive(), hints.idempotent(),
          hints.openWorld(), null));
    }
    boolean wraps = false;
    JsonNode output = GeneratedSchemas.output(schemas, binding.inputSchemaResource()).orElse(null);
    if (output != null && binding.output() != null) {
      if (!"object".equals(output.path("type").asText())) {
        wraps = true;
        output = wrapped((ObjectNode) output);
      }
      tool.outputSchema(JSON.convertValue(output, MAP));
    }
    return new Spec(binding, tool.build(), wraps, credentials);
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
}
