package dev.atomemo4j.host.testplugins;

import dev.atomemo4j.host.PluginHost;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.CountDownLatch;

/**
 * The child JVM of the SIGTERM tests: hosts three plugins whose teardowns append their id to a file, with the
 * shutdown hook installed, prints READY, and waits to be killed. With the argument {@code hang-in-boot} the second
 * plugin's initialize prints INITIALIZING and blocks, so the signal arrives during boot.
 */
public final class SigtermMain {
  private SigtermMain() {}

  public static void main(String[] args) throws Exception {
    Path out = Path.of(args[0]);
    boolean hangInBoot = args.length > 1 && args[1].equals("hang-in-boot");
    PluginHost.Builder builder = PluginHost.builder().installShutdownHook(true);
    for (String id : new String[] {"first", "second", "third"}) {
      HandWrittenRegistry plugin = HandWrittenRegistry.plugin(id).teardown(p -> append(out, id));
      if (hangInBoot && id.equals("second")) {
        plugin.initialize((p, context) -> {
          System.out.println("INITIALIZING");
          System.out.flush();
          new CountDownLatch(1).await();
        });
      }
      builder.plugin(plugin.registry());
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
