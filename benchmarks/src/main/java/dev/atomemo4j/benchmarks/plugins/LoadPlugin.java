package dev.atomemo4j.benchmarks.plugins;

import dev.atomemo4j.annotations.Param;
import dev.atomemo4j.annotations.Plugin;
import dev.atomemo4j.annotations.Tool;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

/**
 * The plugin that measures 1, 2 and 6 serve over the Hub transport (see {@code dev.atomemo4j.benchmarks.hub}): a
 * trivial tool taking a small record, and an I/O-bound tool that completes after 100 ms without holding a thread.
 */
@Plugin(name = "bench-load", displayName = "Bench load", description = "Tools for the transport benchmarks.",
    icon = "🏋", version = "1.0.0", tools = LoadPlugin.LoadTools.class)
public final class LoadPlugin {
  private LoadPlugin() {}

  /** The small record of measure 1's tool. */
  public record Ping(@Param(displayName = "Sequence") long seq, @Param(displayName = "Text") String text) {}

  /** What the trivial tool returns. */
  public record Pong(long seq, int length) {}

  /** The request measure 6's tool takes. */
  public record Nap(@Param(displayName = "Milliseconds", minimum = 0, maximum = 10000) int millis) {}

  /** The tools. */
  public static final class LoadTools {
    public LoadTools() {}

    /** Measure 1 and 2: as little work as a tool can do with a typed input and output. */
    @Tool(name = "echo-small", displayName = "Echo small", description = "Returns the length of a small text.")
    public Pong echo(Ping ping) {
      return new Pong(ping.seq(), ping.text().length());
    }

    /** Measure 6: I/O-bound, completes after {@code millis} without blocking a thread (an async delay). */
    @Tool(name = "sleep-async", displayName = "Sleep async", description = "Completes after a delay.")
    public CompletionStage<Pong> sleepAsync(Nap nap) {
      return CompletableFuture.supplyAsync(() -> new Pong(nap.millis(), 0),
          CompletableFuture.delayedExecutor(nap.millis(), TimeUnit.MILLISECONDS));
    }

    /** Measure 6: I/O-bound and blocking, the way most tools are written (Thread.sleep stands for a blocking call). */
    @Tool(name = "sleep-blocking", displayName = "Sleep blocking", description = "Blocks for a delay.")
    public Pong sleepBlocking(Nap nap) throws InterruptedException {
      Thread.sleep(nap.millis());
      return new Pong(nap.millis(), 0);
    }
  }
}
