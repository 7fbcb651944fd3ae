package dev.atomemo4j.springai;

import dev.atomemo4j.host.tools.HostTool;
import dev.atomemo4j.host.tools.HostTools;
import java.util.Objects;
import org.springframework.ai.chat.model.ToolContext;
import org.springframework.ai.tool.ToolCallback;
import org.springframework.ai.tool.definition.ToolDefinition;

/**
 * One tool or action of a hosted plugin as a Spring AI {@link ToolCallback}. Its {@link ToolDefinition} carries the
 * input schema the processor generated, as it is (Spring AI derives nothing by reflection here), and the
 * definition's description. A call goes through {@link HostTools#call}: what the model reads is the tool's result,
 * or our JSON error object with its stable code ({@code sdk:invalid_parameter} and its problems), or, for an action
 * that needs approval, its pending state and request id — the action has not run. Never throws for the model's or
 * the plugin's mistakes, so Spring AI's tool-calling loop hands every outcome back to the model.
 *
 * <p>The caller (an action's requester) is {@link #CALLER} from Spring AI's tool context when the application put
 * one there ({@code chatClient.prompt().toolContext(Map.of(CALLER, userId))}), else the provider's default.
 */
public final class PluginToolCallback implements ToolCallback {
  /** The tool-context key of who the agent acts for. */
  public static final String CALLER = "atomemo4j.caller";

  private final HostTools tools;
  private final HostTool tool;
  private final String defaultCaller;
  private final ToolDefinition definition;

  PluginToolCallback(HostTools tools, HostTool tool, String defaultCaller) {
    this.tools = Objects.requireNonNull(tools, "tools");
    this.tool = Objects.requireNonNull(tool, "tool");
    this.defaultCaller = Objects.requireNonNull(defaultCaller, "defaultCaller");
    this.definition = ToolDefinition.builder()
        .name(tool.name())
        .description(tool.description().isBlank() ? tool.name() : tool.description())
        .inputSchema(tool.inputSchema())
        .build();
  }

  /** The hosted tool or action this callback calls. */
  public HostTool hostTool() {
    return tool;
  }

  @Override
  public ToolDefinition getToolDefinition() {
    return definition;
  }

  @Override
  public String call(String toolInput) {
    return tools.call(tool.name(), toolInput, defaultCaller).text();
  }

  @Override
  public String call(String toolInput, ToolContext toolContext) {
    Object caller = toolContext == null ? null : toolContext.getContext().get(CALLER);
    String who = caller instanceof String s && !s.isBlank() ? s : defaultCaller;
    return tools.call(tool.name(), toolInput, who).text();
  }

  @Override
  public String toString() {
    return "PluginToolCallback[" + tool.pluginId() + "/" + tool.toolName() + "]";
  }
}
