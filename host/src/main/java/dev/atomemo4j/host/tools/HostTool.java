package dev.atomemo4j.host.tools;

import dev.atomemo4j.annotations.Approval;
import java.util.Objects;
import java.util.Optional;

/**
 * One tool or action of a hosted plugin, as an agent framework describes it to a model.
 *
 * @param name the name a model calls it by: the tool's own name, or {@code <pluginId>__<name>} when two hosted
 *     plugins declare the same name
 * @param pluginId the plugin that declares it
 * @param toolName its name in the plugin ({@code @Tool(name)} or {@code @Action(name)})
 * @param kind a tool runs when called; an action is proposed to the host's approval gate
 * @param description the English description from the definition ({@code @Tool(description)}), or the action's
 * @param inputSchema the JSON Schema the processor generated for its parameters (JSON text), without the parameters
 *     that name a credential (the host fills those)
 * @param outputSchema the generated JSON Schema of its result (JSON text), when the result is typed
 * @param approval for an action, the mode it runs under on this host (override, declared, else manual); null for a
 *     tool
 */
public record HostTool(
    String name,
    String pluginId,
    String toolName,
    Kind kind,
    String description,
    String inputSchema,
    Optional<String> outputSchema,
    Approval approval) {

  /** A tool runs at once; an action waits for the approval its mode requires. */
  public enum Kind {
    TOOL,
    ACTION
  }

  public HostTool {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(pluginId, "pluginId");
    Objects.requireNonNull(toolName, "toolName");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(inputSchema, "inputSchema");
    Objects.requireNonNull(outputSchema, "outputSchema");
    if ((kind == Kind.ACTION) != (approval != null)) {
      throw new IllegalArgumentException("an action has an approval mode and a tool has none: " + kind + " "
          + approval);
    }
  }

  /** Whether calling it runs nothing until a person approves it (an action whose mode is not {@code auto}). */
  public boolean needsApproval() {
    return kind == Kind.ACTION && approval != Approval.AUTO;
  }
}
