package dev.atomemo4j.mcp;

import dev.atomemo4j.core.lifecycle.HostedPlugins;
import dev.atomemo4j.core.lifecycle.PluginInstance;
import io.modelcontextprotocol.server.McpServerFeatures;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.ArrayList;
import java.util.List;

/**
 * Context plugins as MCP resources: one text resource {@code atomemo4j://context/<plugin id>} per hosted plugin
 * with a {@code @ContextProvider}, whose contents are what the provider last returned ({@link
 * PluginInstance#contextText()}). The plugins' lifecycle (boot, refresh, teardown) is the core's, run by whoever
 * built the {@link HostedPlugins}; an MCP read never calls the plugin.
 */
final class ContextResources {

  static final String URI_PREFIX = "atomemo4j://context/";

  private ContextResources() {}

  static List<McpServerFeatures.SyncResourceSpecification> of(HostedPlugins hosted) {
    List<McpServerFeatures.SyncResourceSpecification> out = new ArrayList<>();
    for (PluginInstance instance : hosted.all()) {
      if (!instance.providesContext()) {
        continue;
      }
      String uri = URI_PREFIX + instance.id();
      McpSchema.Resource resource = McpSchema.Resource.builder()
          .uri(uri)
          .name(instance.id())
          .title(instance.descriptor().name() + " context")
          .description("What the " + instance.descriptor().name() + " context plugin adds to an agent's prompt")
          .mimeType("text/markdown")
          .build();
      out.add(new McpServerFeatures.SyncResourceSpecification(resource, (exchange, request) -> {
        String text = instance.enabled() ? instance.contextText() : "";
        return new McpSchema.ReadResourceResult(List.of(new McpSchema.TextResourceContents(uri, "text/markdown",
            text == null ? "" : text)));
      }));
    }
    return List.copyOf(out);
  }
}
