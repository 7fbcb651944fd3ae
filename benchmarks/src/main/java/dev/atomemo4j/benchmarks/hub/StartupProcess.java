package dev.atomemo4j.benchmarks.hub;

import dev.atomemo4j.runtime.PluginServer;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;

/**
 * The child JVM of measure 8: serves one plugin with the real runtime and nothing else (no heap sampler, no
 * management beans, unlike {@link PluginProcess}), so that its start-up is a plugin's start-up. End of standard input
 * stops the plugin and the JVM, normally, so that a class-data archive requested with {@code -XX:ArchiveClassesAtExit}
 * or {@code -XX:AOTCacheOutput} is written.
 *
 * <p>Arguments: plugin class, hub base URL, debug API key, working directory.
 */
public final class StartupProcess {

  private StartupProcess() {}

  public static void main(String[] args) throws Exception {
    PluginServer server = PluginProcess.start(Class.forName(args[0]), args[1], args[2], Path.of(args[3]));
    try {
      drain(System.in);
    } finally {
      server.close();
    }
    System.exit(0);
  }

  private static void drain(InputStream in) throws IOException {
    byte[] buffer = new byte[256];
    while (in.read(buffer) >= 0) {
      // nothing is asked of this process; it waits for the end of its input
    }
  }
}
