package dev.atomemo4j.springai;

import dev.atomemo4j.host.PluginHost;
import dev.atomemo4j.host.tools.HostTool;
import dev.atomemo4j.host.tools.HostTools;
import java.util.List;
import java.util.Objects;
import org.springframework.ai.tool.ToolCallback;
import org.springframework.ai.tool.ToolCallbackProvider;

/**
 * Every tool and action of a {@link PluginHost} as Spring AI tool callbacks, for {@code
 * ChatClient.builder(model).defaultToolCallbacks(provider)} or as a bean the Spring AI starters pick up.
 *
 * <pre>{@code
 * ChatClient chat = ChatClient.builder(chatModel)
 *     .defaultToolCallbacks(PluginToolCallbackProvider.of(host, "agent"))
 *     .build();
 * }</pre>
 */
public final class PluginToolCallbackProvider implements ToolCallbackProvider {
  /** The requester of actions when the tool context names nobody. */
  public static final String DEFAULT_CALLER = "agent";

  private final List<PluginToolCallback> callbacks;

  private PluginToolCallbackProvider(List<PluginToolCallback> callbacks) {
    this.callbacks = List.copyOf(callbacks);
  }

  /** The host's tools and actions; actions are requested by {@link #DEFAULT_CALLER} unless the context says. */
  public static PluginToolCallbackProvider of(PluginHost host) {
    return of(host, DEFAULT_CALLER);
  }

  /** The host's tools and actions; actions are requested by {@code defaultCaller} unless the context says. */
  public static PluginToolCallbackProvider of(PluginHost host, String defaultCaller) {
    Objects.requireNonNull(host, "host");
    HostTools tools = host.tools();
    return new PluginToolCallbackProvider(tools.list().stream()
        .map(t -> new PluginToolCallback(tools, t, defaultCaller))
        .toList());
  }

  @Override
  public ToolCallback[] getToolCallbacks() {
    return callbacks.toArray(new ToolCallback[0]);
  }

  /** The callbacks, as their own type (the hosted tool each one calls). */
  public List<PluginToolCallback> callbacks() {
    return callbacks;
  }

  /** The callback a model calls {@code name}. */
  public java.util.Optional<PluginToolCallback> callback(String name) {
    return callbacks.stream().filter(c -> c.hostTool().name().equals(name)).findFirst();
  }

  @Override
  public String toString() {
    return "PluginToolCallbackProvider" + callbacks.stream().map(PluginToolCallback::hostTool)
        .map(HostTool::name).toList();
  }
}
