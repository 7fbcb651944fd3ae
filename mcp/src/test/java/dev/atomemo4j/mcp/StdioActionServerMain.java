package dev.atomemo4j.mcp;

import dev.atomemo4j.host.PluginHost;
import dev.atomemo4j.host.actions.JdbcActionStore;
import dev.atomemo4j.mcp.fixture.DeskRegistry;
import java.nio.file.Path;

/**
 * The stdio subprocess of the action tests: the front-desk plugin in a PluginHost whose store is the H2 file
 * {@code args[0]}, its actions served over stdio; the host and the store are closed before exit, so the test reads
 * the file afterwards.
 */
public final class StdioActionServerMain {
  private StdioActionServerMain() {}

  public static void main(String[] args) throws Exception {
    try (JdbcActionStore store = JdbcActionStore.h2File(Path.of(args[0]));
        PluginHost host = PluginHost.builder().plugin(new DeskRegistry()).actionStore(store)
            .installShutdownHook(false).start()) {
      McpPluginServer server = McpPluginServer.builder(new DeskRegistry().descriptor())
          .actions(host.actions().gateway("front-desk"))
          .build();
      server.serveStdio(System.in, System.out).awaitClosed();
    }
    System.exit(0);
  }
}
