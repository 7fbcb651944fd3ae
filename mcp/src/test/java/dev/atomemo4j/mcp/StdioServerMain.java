package dev.atomemo4j.mcp;

import dev.atomemo4j.runtime.spi.PluginRegistry;

/** Runs a registry's plugin as an MCP stdio server: the subprocess the node client starts in the stdio tests. */
public final class StdioServerMain {
  private StdioServerMain() {}

  public static void main(String[] args) throws Exception {
    PluginRegistry registry = (PluginRegistry) Class.forName(args[0]).getDeclaredConstructor().newInstance();
    McpPluginServer server = McpPluginServer.builder(registry)
        .credentials(McpCredentials.fromEnvironment(registry.descriptor(), System.getenv()))
        .build();
    server.serveStdio(System.in, System.out).awaitClosed();
    System.exit(0);
  }
}
