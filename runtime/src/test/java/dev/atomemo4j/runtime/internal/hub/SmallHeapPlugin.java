package dev.atomemo4j.runtime.internal.hub;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The {@link TestPlugin} as a process of its own, for tests that need a small heap: {@code java -Xmx48m ...
 * SmallHeapPlugin ws://127.0.0.1:port}. Serves until the Hub closes the connection or the process is stopped.
 */
final class SmallHeapPlugin {

  private SmallHeapPlugin() {}

  public static void main(String[] args) throws Exception {
    Path dir = Files.createTempDirectory("small-heap-plugin");
    HubServer server = HubServer.start(new HubOptions()
        .registry(new TestPlugin())
        .environment(Map.of())
        .override("HUB_WS_URL", args[0])
        .override("HUB_DEBUG_API_KEY", "K3y")
        .override("DEBUG", "false")
        .workingDirectory(dir)
        .userHome(dir)
        .author("Jane Doe", "jane@example.com"));
    server.awaitTermination();
  }
}
