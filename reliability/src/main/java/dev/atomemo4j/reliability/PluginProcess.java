package dev.atomemo4j.reliability;

import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@link ChaosPlugin} in a child JVM with a given heap: its stdout and stderr go to a log file (grepped for markers
 * and lost answers), and its {@code HEAP} lines give the peak heap in use.
 */
final class PluginProcess implements Closeable {

  private final Process process;
  private final Path log;
  private final AtomicLong peakHeap = new AtomicLong();
  private final StringBuilder output = new StringBuilder();
  private final Thread reader;

  PluginProcess(String hubUrl, String heap, int maxInFlight, Path log) throws IOException {
    this.log = log;
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx" + heap, "-XX:+ExitOnOutOfMemoryError",
        "-Dorg.slf4j.simpleLogger.showDateTime=true",
        "-cp", System.getProperty("java.class.path"),
        ChaosPlugin.class.getName(), hubUrl, Integer.toString(maxInFlight)));
    this.process = new ProcessBuilder(command).redirectErrorStream(true).start();
    this.reader = new Thread(this::read, "chaos-plugin-output");
    reader.setDaemon(true);
    reader.start();
  }

  private void read() {
    try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(),
        StandardCharsets.UTF_8))) {
      for (String line; (line = in.readLine()) != null; ) {
        if (line.startsWith("HEAP ")) {
          long used = Long.parseLong(line.substring(5).trim());
          peakHeap.accumulateAndGet(used, Math::max);
          continue;
        }
        synchronized (output) {
          output.append(line).append('\n');
        }
      }
    } catch (IOException | NumberFormatException e) {
      // the process ended
    }
  }

  boolean isAlive() {
    return process.isAlive();
  }

  long peakHeapBytes() {
    return peakHeap.get();
  }

  /** SIGTERM, as an operator's stop; waits at most {@code timeoutMillis} for the exit. */
  boolean terminate(long timeoutMillis) throws InterruptedException {
    process.destroy();
    return process.waitFor(timeoutMillis, TimeUnit.MILLISECONDS);
  }

  /** Everything the plugin wrote except the heap reports. */
  String output() throws InterruptedException {
    if (!process.isAlive()) {
      reader.join(5000);
    }
    synchronized (output) {
      return output.toString();
    }
  }

  /** Whether the JVM died of an error rather than being stopped: OOM, a crash. */
  boolean crashed() throws InterruptedException {
    String out = output();
    return out.contains("OutOfMemoryError") || out.contains("Terminating due to") || out.contains("# A fatal error");
  }

  @Override
  public void close() throws IOException {
    if (process.isAlive()) {
      process.destroy();
      try {
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
          process.destroyForcibly();
        }
      } catch (InterruptedException e) {
        process.destroyForcibly();
        Thread.currentThread().interrupt();
      }
    }
    try {
      Files.writeString(log, output());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
