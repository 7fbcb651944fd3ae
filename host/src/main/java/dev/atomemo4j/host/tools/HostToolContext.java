package dev.atomemo4j.host.tools;

import dev.atomemo4j.core.tools.HublessToolContext;
import dev.atomemo4j.runtime.ToolContext;

/**
 * The {@link ToolContext} of a tool called through the host: a request id for logs, no organization, and no Hub
 * file storage or models (a tool that uses them gets {@link HostTools#UNSUPPORTED_HELPER}, as it would over MCP).
 */
final class HostToolContext extends HublessToolContext {

  HostToolContext(String requestId) {
    super(requestId, HostTools.UNSUPPORTED_HELPER, "a PluginHost");
  }
}
