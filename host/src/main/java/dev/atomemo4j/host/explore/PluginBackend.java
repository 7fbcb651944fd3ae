package dev.atomemo4j.host.explore;

import dev.atomemo4j.runtime.sandbox.ExecResult;
import dev.atomemo4j.runtime.sandbox.ExploreBackend;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A sandbox plugin's backend under the host's limits. The plugin's {@code exec} runs on its own thread: at the time
 * limit that thread is interrupted and the result is {@code timedOut} with no output (the plugin gave none) and exit
 * code -1; an answer over the output limit is cut to it ({@code truncated}). The backend cannot be killed from
 * here, so it should enforce limits of its own too.
 */
final class PluginBackend implements RunningBackend {
  private final String pluginId;
  private final ExploreBackend backend;

  PluginBackend(String pluginId, ExploreBackend backend) {
    this.pluginId = pluginId;
    this.backend = backend;
  }

  @Override
  public ProcessOutput exec(String command, ExploreLimits limits) throws Exception {
    CompletableFuture<ExecResult> answer = new CompletableFuture<>();
    Thread thread = new Thread(() -> {
      try {
        answer.complete(backend.exec(command));
      } catch (Throwable t) {
        answer.completeExceptionally(t);
      }
    }, "atomemo4j-" + pluginId + "-explore");
    thread.setDaemon(true);
    thread.start();
    ExecResult result;
    try {
      result = answer.get(limits.timeout().toNanos(), TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      thread.interrupt();
      return new ProcessOutput("", "", -1, true, false);
    } catch (InterruptedException e) {
      thread.interrupt();
      throw e;
    } catch (ExecutionException e) {
      throw e.getCause() instanceof Exception x ? x : new IllegalStateException(e.getCause());
    }
    if (result == null) {
      throw new IllegalStateException("the backend's exec returned null");
    }
    return cut(result, limits.maxOutputBytes());
  }

  /** stdout first, then stderr, within {@code max} UTF-8 bytes together. */
  static ProcessOutput cut(ExecResult result, int max) {
    byte[] out = result.stdout().getBytes(StandardCharsets.UTF_8);
    byte[] err = result.stderr().getBytes(StandardCharsets.UTF_8);
    if (out.length + (long) err.length <= max) {
      return new ProcessOutput(result.stdout(), result.stderr(), result.exitCode(), false, false);
    }
    int keepOut = Math.min(out.length, max);
    int keepErr = Math.min(err.length, max - keepOut);
    return new ProcessOutput(new String(out, 0, keepOut, StandardCharsets.UTF_8),
        new String(err, 0, keepErr, StandardCharsets.UTF_8), result.exitCode(), false, true);
  }

  @Override
  public void close() throws Exception {
    backend.close();
  }
}
