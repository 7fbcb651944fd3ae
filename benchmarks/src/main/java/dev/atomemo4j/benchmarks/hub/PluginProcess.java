package dev.atomemo4j.benchmarks.hub;

import dev.atomemo4j.runtime.Atomemo4j;
import dev.atomemo4j.runtime.PluginServer;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The child JVM of {@link LoopbackHubHarness}: serves one plugin with the real runtime, connected to the harness's
 * hub, and answers the harness on its standard input, one command a line, one answer line on standard output:
 * {@code gc} → {@code HEAP <bytes used after full GCs>}; {@code resetpeak} → {@code OK}; {@code peak} →
 * {@code PEAK <most heap used seen since resetpeak, sampled every 5 ms>}. End of input stops the plugin and the JVM.
 *
 * <p>Arguments: plugin class, hub base URL, debug API key, working directory. {@code -Datomemo4j.bench.maxInFlight}
 * sets the runtime's in-flight cap (default: the runtime's own).
 */
public final class PluginProcess {

  public static final String MAX_IN_FLIGHT = "atomemo4j.bench.maxInFlight";

  private PluginProcess() {}

  public static void main(String[] args) throws Exception {
    Class<?> pluginClass = Class.forName(args[0]);
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    AtomicLong peak = new AtomicLong();
    Thread sampler = new Thread(() -> {
      while (true) {
        long used = memory.getHeapMemoryUsage().getUsed();
        peak.accumulateAndGet(used, Math::max);
        try {
          Thread.sleep(5);
        } catch (InterruptedException e) {
          return;
        }
      }
    }, "heap-sampler");
    sampler.setDaemon(true);
    sampler.start();

    PluginServer server = start(pluginClass, args[1], args[2], Path.of(args[3]));
    try (BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))) {
      String line;
      while ((line = in.readLine()) != null) {
        switch (line.trim()) {
          case "gc" -> System.out.println("HEAP " + liveHeapAfterGc(memory));
          case "resetpeak" -> {
            peak.set(memory.getHeapMemoryUsage().getUsed());
            System.out.println("OK");
          }
          case "peak" -> System.out.println("PEAK " + peak.get());
          default -> System.out.println("ERROR unknown command " + line);
        }
        System.out.flush();
      }
    } finally {
      server.close();
    }
    System.exit(0);
  }

  /** Starts {@code pluginClass} with the runtime, in debug mode against {@code hubUrl}. */
  static PluginServer start(Class<?> pluginClass, String hubUrl, String apiKey, Path workDir) {
    Atomemo4j.Builder b = Atomemo4j.builder()
        .plugin(pluginClass)
        .environment(Map.of("HUB_MODE", "debug", "HUB_WS_URL", hubUrl, "HUB_DEBUG_API_KEY", apiKey))
        .workingDirectory(workDir)
        .author("Bench", "bench@example.com")
        .shutdownHook(false);
    Integer max = Integer.getInteger(MAX_IN_FLIGHT);
    if (max != null) {
      b.maxInFlight(max);
    }
    return b.start();
  }

  /** Heap used after full GCs, repeated until it stops shrinking (at most 5 rounds). */
  static long liveHeapAfterGc(MemoryMXBean memory) throws InterruptedException {
    long best = Long.MAX_VALUE;
    for (int i = 0; i < 5; i++) {
      System.gc();
      Thread.sleep(100);
      long used = memory.getHeapMemoryUsage().getUsed();
      if (used >= best) {
        break;
      }
      best = used;
    }
    return best;
  }
}
