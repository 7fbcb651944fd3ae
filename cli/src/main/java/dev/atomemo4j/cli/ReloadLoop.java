package dev.atomemo4j.cli;

import dev.atomemo4j.devhub.BuildStatus;
import dev.atomemo4j.devhub.DevHub;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Save to reload for {@code atomemo4j dev <module>}: compiles the module into a fresh directory of its own, runs the
 * plugin from there, and on every save compiles again; when that compiles, the plugin is restarted from the new
 * directory (it re-registers with the same hub, whose credentials, files and open inspector stay as they are); when
 * it does not, the compiler's lines are printed and reported to the inspector, and the last good plugin keeps running.
 */
final class ReloadLoop implements AutoCloseable {

  /** Finds the module's dependency class path again (after a pom.xml change, through Maven). */
  @FunctionalInterface
  interface Dependencies {
    String classPath() throws Exception;
  }

  /** Starts the plugin's JVM on a class path. */
  @FunctionalInterface
  interface Launcher {
    PluginProcess start(String classPath) throws IOException;
  }

  private final Path module;
  private final Path work;
  private final ModuleCompiler compiler;
  private final Dependencies dependencies;
  private final Launcher launcher;
  private final DevHub hub;
  private final PrintWriter err;
  private final AtomicLong generation = new AtomicLong();
  private final Object lock = new Object();

  private String dependencyClassPath;
  private PluginProcess running;
  private Path runningClasses;
  private SourceWatcher watcher;
  private boolean closed;

  /**
   * @param work where the compiled generations go (one directory each; the one in use is kept)
   * @param initialDependencies the dependency class path the first build found
   */
  ReloadLoop(Path module, Path work, String pluginVersion, String initialDependencies, Dependencies dependencies,
      Launcher launcher, DevHub hub, PrintWriter err) {
    this.module = module.toAbsolutePath().normalize();
    this.work = work.toAbsolutePath().normalize();
    this.compiler = new ModuleCompiler(this.module, pluginVersion);
    this.dependencyClassPath = initialDependencies;
    this.dependencies = dependencies;
    this.launcher = launcher;
    this.hub = hub;
    this.err = err;
  }

  /**
   * Compiles and starts the plugin, then watches the sources.
   *
   * @return whether the first compile succeeded (if not, the plugin starts at the first save that compiles)
   */
  boolean start(Duration quiet) throws IOException {
    ModuleCompiler.deleteTree(work); // generations an earlier session left behind
    boolean compiled = rebuild(Set.of());
    watcher = new SourceWatcher(module, quiet, this::onSave);
    watcher.start();
    return compiled;
  }

  /** The directory the running plugin's classes come from; null when none runs. */
  Path runningClasses() {
    synchronized (lock) {
      return runningClasses;
    }
  }

  private void onSave(Set<Path> changed) {
    err.println("atomemo4j: " + describe(changed) + " changed; recompiling " + module.getFileName() + " …");
    err.flush();
    try {
      rebuild(changed);
    } catch (IOException | RuntimeException e) {
      report(BuildStatus.State.FAILED, List.of("error: " + e.getMessage()));
      err.println("atomemo4j: the rebuild failed: " + e.getMessage() + "; the last good plugin keeps running");
      err.flush();
    }
  }

  private boolean rebuild(Set<Path> changed) throws IOException {
    synchronized (lock) {
      if (closed) {
        return false;
      }
      report(BuildStatus.State.BUILDING, List.of());
      if (changed.contains(module.resolve("pom.xml"))) {
        try {
          dependencyClassPath = dependencies.classPath();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return false;
        } catch (Exception e) {
          return failed(List.of(module.resolve("pom.xml") + ": error: " + e.getMessage()));
        }
      }
      Path classes = work.resolve("build-" + (generation.get() + 1));
      ModuleCompiler.Result result = compiler.compile(classes, dependencyClassPath);
      if (!result.ok()) {
        ModuleCompiler.deleteTree(classes);
        return failed(result.diagnostics());
      }
      result.diagnostics().forEach(err::println);
      PluginProcess previous = running;
      Path previousClasses = runningClasses;
      if (previous != null) {
        previous.close(); // SIGTERM: it answers what it has in flight, leaves and closes 1000
      }
      running = launcher.start(ModuleCompiler.join(classes, dependencyClassPath));
      runningClasses = classes;
      if (previousClasses != null) {
        ModuleCompiler.deleteTree(previousClasses);
      }
      report(BuildStatus.State.OK, List.of());
      err.println(previous == null ? "atomemo4j: compiled; the plugin runs from " + classes
          : "atomemo4j: compiled; the plugin restarted and re-registers");
      err.flush();
      return true;
    }
  }

  private boolean failed(List<String> diagnostics) {
    err.println("atomemo4j: " + module.getFileName() + " does not compile"
        + (running == null ? "" : "; the last good plugin keeps running") + ":");
    diagnostics.forEach(err::println);
    err.flush();
    report(BuildStatus.State.FAILED, diagnostics);
    return false;
  }

  private void report(BuildStatus.State state, List<String> diagnostics) {
    long n = state == BuildStatus.State.BUILDING ? generation.incrementAndGet() : generation.get();
    hub.reportBuild(new BuildStatus(state, module.toString(), diagnostics, n));
  }

  private String describe(Set<Path> changed) {
    if (changed.size() == 1) {
      Path only = changed.iterator().next();
      return only.startsWith(module) ? module.relativize(only).toString() : only.toString();
    }
    return changed.size() + " files";
  }

  /** Stops watching and stops the plugin. */
  @Override
  public void close() {
    if (watcher != null) {
      watcher.close();
    }
    synchronized (lock) {
      closed = true;
      if (running != null) {
        running.close();
        running = null;
      }
    }
  }

  /** The version the module's Maven build gave the plugin (its generated definition says it), else {@code fallback}. */
  static String builtVersion(Path module, String fallback) {
    Path root = module.resolve("target/classes/META-INF/atomemo4j");
    if (!Files.isDirectory(root)) {
      return fallback;
    }
    try (var plugins = Files.list(root)) {
      for (Path dir : (Iterable<Path>) plugins::iterator) {
        Path definition = dir.resolve("definition.json");
        if (Files.isRegularFile(definition)) {
          var version = new com.fasterxml.jackson.databind.ObjectMapper().readTree(Files.readString(definition))
              .path("version");
          if (version.isTextual()) {
            return version.asText();
          }
        }
      }
    } catch (IOException e) {
      return fallback;
    }
    return fallback;
  }
}
