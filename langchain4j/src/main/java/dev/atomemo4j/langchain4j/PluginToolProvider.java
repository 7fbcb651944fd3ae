package dev.atomemo4j.langchain4j;

import dev.atomemo4j.host.PluginHost;
import dev.atomemo4j.host.tools.HostTool;
import dev.atomemo4j.host.tools.HostTools;
import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.service.tool.ToolExecutor;
import dev.langchain4j.service.tool.ToolProvider;
import dev.langchain4j.service.tool.ToolProviderRequest;
import dev.langchain4j.service.tool.ToolProviderResult;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * Every tool and action of a {@link PluginHost} as a LangChain4j {@link ToolProvider}, for {@code
 * AiServices.builder(Assistant.class).chatModel(model).toolProvider(PluginToolProvider.of(host))}.
 *
 * <p>Each {@link ToolSpecification} carries the description and the input schema the processor generated,
 * converted to LangChain4j's element model by {@link SchemaElements} (nothing derived by reflection). Each execution
 * goes through {@link HostTools#call}: the model reads the tool's result, or our JSON error object with its stable
 * code ({@code sdk:invalid_parameter} and its problems), or, for an action that needs approval, its pending state and
 * request id — the action has not run, and runs once a person approves it through the host. An executor never
 * throws for the model's or the plugin's mistakes.
 */
public final class PluginToolProvider implements ToolProvider {
  /** The requester of actions when nothing else names one. */
  public static final String DEFAULT_CALLER = "agent";

  private final Map<ToolSpecification, ToolExecutor> tools;

  private PluginToolProvider(Map<ToolSpecification, ToolExecutor> tools) {
    this.tools = tools;
  }

  /** The host's tools; actions are requested by {@link #DEFAULT_CALLER}. */
  public static PluginToolProvider of(PluginHost host) {
    return of(host, DEFAULT_CALLER);
  }

  /** The host's tools; actions are requested by {@code caller}. */
  public static PluginToolProvider of(PluginHost host, String caller) {
    Objects.requireNonNull(caller, "caller");
    return of(host, memoryId -> caller);
  }

  /**
   * The host's tools; an action's requester is {@code callerOfMemory} applied to the chat memory id of the call
   * ({@code @MemoryId}, often the user), which is null when the AI service has none.
   */
  public static PluginToolProvider of(PluginHost host, Function<Object, String> callerOfMemory) {
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(callerOfMemory, "callerOfMemory");
    HostTools hostTools = host.tools();
    Map<ToolSpecification, ToolExecutor> tools = new LinkedHashMap<>();
    for (HostTool t : hostTools.list()) {
      tools.put(specification(t), (request, memoryId) -> {
        String caller = callerOfMemory.apply(memoryId);
        return hostTools.call(t.name(), request.arguments(), caller == null ? DEFAULT_CALLER : caller).text();
      });
    }
    return new PluginToolProvider(java.util.Collections.unmodifiableMap(tools));
  }

  /** The specification a model is given for {@code tool}. */
  public static ToolSpecification specification(HostTool tool) {
    return ToolSpecification.builder()
        .name(tool.name())
        .description(tool.description().isBlank() ? tool.name() : tool.description())
        .parameters(SchemaElements.parameters(tool.inputSchema()))
        .build();
  }

  @Override
  public ToolProviderResult provideTools(ToolProviderRequest request) {
    return ToolProviderResult.builder().addAll(tools).build();
  }

  /** The specifications, in the host's order. */
  public List<ToolSpecification> specifications() {
    return List.copyOf(tools.keySet());
  }
}
