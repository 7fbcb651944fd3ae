package dev.atomemo4j.cli;

import dev.atomemo4j.core.lifecycle.PluginInstance;
import dev.atomemo4j.host.PluginHost;
import dev.atomemo4j.mcp.McpPluginServer;
import dev.atomemo4j.runtime.spi.PluginDescriptor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/**
 * {@code atomemo4j mcp --host-file}: a PluginHost booted from a host file, composed with the MCP server here in the
 * CLI (the host and the MCP front end are peers and never import each other): the host's context plugins become
 * resources, the served plugin's actions become tools, through the host's approval store, and every datasource
 * of the host becomes a query tool, through the host's query path.
 */
final class HostedFrontEnd implements AutoCloseable {
  static final HostedFrontEnd NONE = new HostedFrontEnd(null, null);

  private final PluginHost host;
  private final PluginInstance served;

  private HostedFrontEnd(PluginHost host, PluginInstance served) {
    this.host = host;
    this.served = served;
  }

  /** A host file that cannot be read, validated or booted, or that does not run the served plugin. */
  static final class HostFileProblem extends Exception {
    private static final long serialVersionUID = 1L;

    HostFileProblem(String message) {
      super(message, null, false, false);
    }
  }

  /** Boots the host of {@code file}; the plugin served over MCP must be among its plugins. */
  static HostedFrontEnd boot(Path file, PluginDescriptor plugin) throws HostFileProblem {
    if (!Files.isRegularFile(file)) {
      throw new HostFileProblem("no host file " + file);
    }
    PluginHost host;
    try {
      host = PluginHost.fromFile(file);
    } catch (RuntimeException e) { // InvalidConfigException, LifecycleException: messages hold no secret
      throw new HostFileProblem("the host file " + file + " cannot start: " + e.getMessage());
    }
    List<PluginInstance> matching = host.plugins().stream()
        .filter(p -> p.descriptor().name().equals(plugin.name()))
        .toList();
    if (matching.isEmpty()) {
      String ids = host.plugins().stream().map(PluginInstance::id).collect(Collectors.joining(", "));
      host.close();
      throw new HostFileProblem("the host file " + file + " does not run plugin `" + plugin.name() + "` (it runs: "
          + (ids.isEmpty() ? "none" : ids) + ")");
    }
    return new HostedFrontEnd(host, matching.get(0));
  }

  /** Adds the host's context plugins and, when the served plugin declares actions, its actions. */
  void configure(McpPluginServer.Builder builder) {
    if (host == null) {
      return;
    }
    builder.contexts(host.hosted());
    if (!served.descriptor().atlas().actions().isEmpty()) {
      builder.actions(host.actions().gateway(served.id()));
    }
    if (!host.datasources().list().isEmpty()) {
      builder.queries(host.datasources().gateway()); // every datasource of the host, one query tool each
    }
  }

  String describe() {
    if (host == null) {
      return "no host file";
    }
    long contexts = host.plugins().stream().filter(PluginInstance::providesContext).count();
    return "host booted: " + host.plugins().size() + " plugin(s), " + contexts + " context resource(s), "
        + served.descriptor().atlas().actions().size() + " action(s) of " + served.id()
        + ", " + host.datasources().list().size() + " query tool(s)"
        + host.adminUrl().map(u -> "; admin API " + u).orElse("");
  }

  @Override
  public void close() {
    if (host != null) {
      host.close();
    }
  }
}
