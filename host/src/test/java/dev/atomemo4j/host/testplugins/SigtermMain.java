package dev.atomemo4j.host.testplugins;

import dev.atomemo4j.host.PluginHost;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The child JVM of the SIGTERM test: hosts three plugins whose teardowns append their id to a file, with the
 * shutdown hook installed, prints READY, and waits to be killed.
 */
public final class SigtermMain {
  private SigtermMain() {}

  public static void main(String[] args) throws Exception {
    Path out = Path.of(args[0]);
    PluginHost.Builder builder = PluginHost.builder().installShutdownHook(true);
    for (String id : new String[] {"first", "second", "third"}) {
      builder.plugin(HandWrittenRegistry.plugin(id).teardown(p -> append(out, id)).registry());
    }
    PluginHost host = builder.start();
    System.out.println("READY");
    System.out.flush();
    host.awaitClosed();
  }

  private static void append(Path out, String line) {
    try {
      Files.writeString(out, line + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE,
          StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
