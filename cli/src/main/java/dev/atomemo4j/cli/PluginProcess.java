package dev.atomemo4j.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A plugin running in its own JVM ({@code dev.atomemo4j.runtime.Main} on the plugin's class path), pointed at a
 * hub through the same environment variables a real deployment uses. Stopping it sends SIGTERM, so the plugin's
 * graceful shutdown runs (in-flight requests answered, leave, close 1000).
 */
final class PluginProcess implements AutoCloseable {
  private final Process process;
  private final Path log;

  private PluginProcess(Process process, Path log) {
    this.process = process;
    this.log = log;
  }

  /**
   * Starts the plugin.
   *
   * @param classPath the plugin's classes and all its dependencies
   * @param workingDirectory the plugin's working directory (its .env, relative files)
   * @param log where its output goes; null to inherit this process's output
   */
  static PluginProcess start(String classPath, Map<String, String> environment, Path workingDirectory, Path log)
      throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-cp");
    command.add(classPath);
    command.add("dev.atomemo4j.runtime.Main");
    ProcessBuilder pb = new ProcessBuilder(command).directory(workingDirectory.toFile());
    pb.environment().putAll(environment);
    if (log == null) {
      pb.inheritIO();
    } else {
      pb.redirectErrorStream(true).redirectOutput(log.toFile());
    }
    return new PluginProcess(pb.start(), log);
  }

  /** The class path of a plugin module built by Maven: its classes plus the file the build wrote. */
  static String classPathOf(Path module) throws IOException {
    Path classes = module.resolve("target/classes");
    Path listed = module.resolve("target/atomemo4j.classpath");
    if (!Files.isDirectory(classes) || !Files.isRegularFile(listed)) {
      throw new IOException(module + " is not built: expected " + classes + " and " + listed);
    }
    return classes + java.io.File.pathSeparator + Files.readString(listed).trim();
  }

  /** Calls {@code listener} with the exit status when the plugin's JVM ends (not when it is stopped by us). */
  void onExit(java.util.function.IntConsumer listener) {
    process.onExit().thenAccept(p -> {
      if (!stopping) {
        listener.accept(p.exitValue());
      }
    });
  }

  private volatile boolean stopping;

  boolean isAlive() {
    return process.isAlive();
  }

  /** What the plugin printed, for error messages; empty when its output was inherited. */
  String output() {
    try {
      return log == null || !Files.exists(log) ? "" : Files.readString(log);
    } catch (IOException e) {
      return "";
    }
  }

  @Override
  public void close() {
    stopping = true;
    process.destroy(); // SIGTERM: the plugin shuts down gracefully
    try {
      if (!process.waitFor(20, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }
}
