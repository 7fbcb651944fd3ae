package dev.atomemo4j.mcp;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.atomemo4j.annotations.Approval;
import dev.atomemo4j.core.actions.ActionGateway;
import dev.atomemo4j.core.tools.GeneratedSchemas;
import dev.atomemo4j.core.tools.PluginSchemas;
import dev.atomemo4j.runtime.spi.ActionBinding;
import dev.atomemo4j.runtime.spi.PluginDescriptor;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What {@code tools/list} says of each {@code @Action}: its name, its description followed by the approval it needs
 * on this host, the generated input schema, and hints from {@code reversible}: an action is never read-only, and it
 * is destructive unless it is reversible. No output schema: a call may answer a stored request still waiting for
 * an admin instead of the action's result, and both come back as structured content.
 */
final class ActionSpecs {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};

  /** One action as MCP lists it, with the mode the host resolved when the server was built. */
  record Spec(ActionBinding binding, McpSchema.Tool tool, Approval mode) {}

  private ActionSpecs() {}

  static List<Spec> of(PluginDescriptor plugin, ActionGateway gateway) {
    List<Spec> out = new ArrayList<>();
    PluginSchemas schemas = PluginSchemas.read(plugin);
    for (ActionBinding a : plugin.atlas().actions()) {
      Approval mode = gateway.mode(a);
      ObjectNode input = GeneratedSchemas.input(schemas, a.inputSchemaResource(), List.of());
      McpSchema.Tool tool = McpSchema.Tool.builder()
          .name(a.name())
          .title(a.name())
          .description(a.description() + " " + approvalSentence(mode))
          .inputSchema(JSON.convertValue(input, MAP))
          .annotations(new McpSchema.ToolAnnotations(null, false, !a.reversible(), null, null, null))
          .build();
      out.add(new Spec(a, tool, mode));
    }
    return List.copyOf(out);
  }

  /** The sentence the description ends with: what happens to a call, so an agent knows before it calls. */
  static String approvalSentence(Approval mode) {
    return switch (mode) {
      case AUTO -> "(An action: it runs at once, without approval, and is recorded on the host.)";
      case MANUAL -> "(An action: it runs only after the user approves it when asked; a client that cannot ask"
          + " its user gets it denied.)";
      case ADMIN_ONLY -> "(An action: it runs only after an admin approves it on the host; the call may answer"
          + " a pending request id instead of the result.)";
    };
  }
}
