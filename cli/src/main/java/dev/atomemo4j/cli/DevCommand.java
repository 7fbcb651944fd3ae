package dev.atomemo4j.cli;

import dev.atomemo4j.devhub.DevHub;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
    name = "dev",
    mixinStandardHelpOptions = true,
    header = "Runs the local dev hub and its inspector, and a plugin against it.",
    description = {
        "Starts the local dev hub and its inspector, and prints their URL and the debug API key. Given a plugin (a",
        "Maven module directory, or a jar with --class-path), builds it and runs it against the hub. A module is",
        "watched: a save recompiles it and restarts the plugin; a compile error is shown and the last good plugin",
        "keeps running. Ctrl-C stops everything."})
final class DevCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Parameters(arity = "0..1", paramLabel = "PLUGIN", description = "a plugin module directory or jar")
  Path plugin;

  @Option(names = "--port", defaultValue = "4000", description = "the hub's port (default 4000; 0 picks a free one)")
  int port;

  @Option(names = "--api-key", description = "the debug API key (default: generated once and kept)")
  String apiKey;

  @Option(names = "--data", defaultValue = ".atomemo4j-devhub", description = "the hub's data directory")
  Path data;

  @Option(names = "--class-path", description = "the plugin jar's dependencies, when PLUGIN is a jar")
  String classPath;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    String pluginClassPath = null;
    String pluginName = null;
    if (plugin != null) {
      try {
        pluginClassPath = Files.isDirectory(plugin) ? build(plugin, err) : jarClassPath(plugin);
        pluginName = describePlugin(plugin);
      } catch (IOException | InitCommand.Maven.NotFound e) {
        err.println("atomemo4j: " + e.getMessage());
        return ExitCodes.BAD_INPUT;
      }
    }
    DevHub.Builder builder = DevHub.builder().port(port).dataDirectory(data);
    if (apiKey != null) {
      builder.apiKey(apiKey);
    }
    DevHub hub = builder.build();
    try {
      hub.start();
    } catch (IOException e) {
      err.println("atomemo4j: the dev hub cannot start on port " + port + ": " + e.getMessage()
          + " (use --port 0 for a free port)");
      return ExitCodes.INVALID;
    }
    HubFile.write(data, hub.url().toString(), hub.apiKey());
    out.println("atomemo4j dev hub is running");
    out.println("  inspector:         " + hub.inspectorUrl());
    out.println("  HUB_WS_URL=" + hub.wsUrl());
    out.println("  HUB_DEBUG_API_KEY=" + hub.apiKey());
    out.flush();

    PluginProcess process = null;
    ReloadLoop reload = null;
    if (pluginClassPath != null) {
      Map<String, String> environment = Map.of(
          "HUB_MODE", "debug",
          "HUB_WS_URL", hub.wsUrl().toString(),
          "HUB_DEBUG_API_KEY", hub.apiKey(),
          // The local hub has no Atomemo login to look the author up in; the real Hub does (see the README).
          "ATOMEMO4J_AUTHOR", envOr("ATOMEMO4J_AUTHOR", System.getProperty("user.name", "developer")),
          "ATOMEMO4J_EMAIL", envOr("ATOMEMO4J_EMAIL", System.getProperty("user.name", "developer") + "@dev.local"));
      if (Files.isDirectory(plugin)) {
        // Save to reload: the plugin runs from classes of our own, rebuilt on every save (see ReloadLoop).
        Path module = plugin.toAbsolutePath().normalize();
        ReloadLoop.Launcher launcher = classPath -> {
          PluginProcess started = PluginProcess.start(classPath, environment, module, null);
          started.onExit(status -> {
            err.println("atomemo4j: the plugin exited with status " + status
                + "; the hub keeps running (save a source to start it again, Ctrl-C to stop)");
            err.flush();
          });
          return started;
        };
        reload = new ReloadLoop(module, data.resolve("reload").resolve(module.getFileName().toString()),
            ReloadLoop.builtVersion(module, "0.0.0"), dependencyClassPath(module),
            () -> {
              build(module, err);
              return dependencyClassPath(module);
            }, launcher, hub, err);
        boolean compiled = reload.start(SourceWatcher.DEFAULT_QUIET);
        out.println("  plugin:            " + pluginName + (compiled ? " (started; its output follows)"
            : " (does not compile; it starts at the first save that does)"));
        out.println("  watching:          " + module.resolve("src/main") + " and pom.xml (a save recompiles and"
            + " restarts the plugin)");
        out.flush();
      } else {
        process = PluginProcess.start(pluginClassPath, environment, Path.of("").toAbsolutePath(), null);
        out.println("  plugin:            " + pluginName + " (started; its output follows)");
        out.flush();
        process.onExit(status -> {
          err.println("atomemo4j: the plugin exited with status " + status
              + "; the hub keeps running (Ctrl-C stops it)");
          err.flush();
        });
      }
    }
    CountDownLatch stopped = new CountDownLatch(1);
    PluginProcess running = process;
    ReloadLoop watching = reload;
    Thread hook = new Thread(() -> {
      if (running != null) {
        running.close();
      }
      if (watching != null) {
        watching.close();
      }
      hub.close();
      HubFile.delete(data);
      stopped.countDown();
    }, "atomemo4j-dev-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    stopped.await();
    return ExitCodes.OK;
  }

  /** The dependencies the module's Maven build listed (everything but its own classes, which we compile). */
  private static String dependencyClassPath(Path module) throws IOException {
    return Files.readString(module.resolve("target/atomemo4j.classpath")).trim();
  }

  private static String envOr(String name, String fallback) {
    String v = System.getenv(name);
    return v == null || v.isBlank() ? fallback : v;
  }

  /**
   * {@code get-current-time (examples/get-current-time)}: the plugin's name, as the hub and the inspector show it,
   * and where it came from; the path alone when the build holds no generated definition.
   */
  static String describePlugin(Path plugin) throws IOException {
    Path built = Files.isDirectory(plugin) ? plugin.resolve("target/classes") : plugin;
    List<String> names = PluginNames.in(built);
    String where = plugin.toString().equals(".") ? plugin.toAbsolutePath().normalize().getFileName() + "/"
        : plugin.toString();
    return names.isEmpty() ? where + " (no generated definition.json found in " + built + ")"
        : String.join(", ", names) + " (" + where + ")";
  }

  /** Builds a Maven module with its class path listed, inside the atomemo4j checkout or on its own. */
  static String build(Path module, PrintWriter err)
      throws IOException, InterruptedException, InitCommand.Maven.NotFound {
    Path dir = module.toAbsolutePath().normalize();
    if (!Files.isRegularFile(dir.resolve("pom.xml"))) {
      throw new IOException(module + " has no pom.xml; give a Maven module directory or a jar");
    }
    Path checkout = Roots.checkout().toAbsolutePath().normalize();
    List<String> command = new ArrayList<>(List.of("-B", "-q"));
    if (dir.startsWith(checkout) && !dir.equals(checkout)) {
      // The processor too: modules name it only in annotationProcessorPaths, which -am does not follow, and without
      // `mvn install` it can only come from this reactor.
      String modules = checkout.relativize(dir).toString();
      if (Files.isRegularFile(checkout.resolve("processor/pom.xml"))) {
        modules = "processor," + modules;
      }
      command.addAll(List.of("-f", checkout.resolve("pom.xml").toString(), "-pl", modules, "-am"));
    } else {
      command.addAll(List.of("-f", dir.resolve("pom.xml").toString()));
    }
    // No javadoc or sources jars: a dev run needs classes only.
    command.addAll(List.of("package", "dependency:build-classpath", "-DskipTests", "-Dmaven.javadoc.skip=true",
        "-Dmaven.source.skip=true",
        "-Dmdep.outputFile=" + dir.resolve("target/atomemo4j.classpath")));
    err.println("atomemo4j: building " + module + " …");
    err.flush();
    // Maven's lines go through us, without the colour codes some Maven builds print even in batch mode.
    int status = InitCommand.Maven.onPath(System.getenv()).run(dir, command, line -> {
      err.println(line);
      err.flush();
    });
    if (status != 0) {
      throw new IOException("the build of " + module + " failed (see the Maven output above)");
    }
    return PluginProcess.classPathOf(dir);
  }

  private String jarClassPath(Path jar) throws IOException {
    if (!Files.isRegularFile(jar) || !jar.toString().endsWith(".jar")) {
      throw new IOException(jar + " is neither a module directory nor a jar");
    }
    return jar.toAbsolutePath() + (classPath == null ? "" : java.io.File.pathSeparator + classPath);
  }
}
