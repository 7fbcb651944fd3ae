package dev.atomemo4j.mcp;

import dev.atomemo4j.examples.h2.ShopDatasourceRegistry;
import dev.atomemo4j.host.PluginHost;
import java.nio.file.Path;

/**
 * The stdio subprocess of the query tests: a PluginHost booted from the host file {@code args[0]} (the
 * h2-datasource example's), its datasources served as query tools over stdio.
 */
public final class StdioQueryServerMain {
  private StdioQueryServerMain() {}

  public static void main(String[] args) throws Exception {
    try (PluginHost host = PluginHost.fromFile(Path.of(args[0]))) {
      McpPluginServer server = McpPluginServer.builder(new ShopDatasourceRegistry().descriptor())
          .queries(host.datasources().gateway())
          .build();
      server.serveStdio(System.in, System.out).awaitClosed();
    }
    System.exit(0);
  }
}
