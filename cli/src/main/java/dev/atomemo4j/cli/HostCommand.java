package dev.atomemo4j.cli;

import dev.atomemo4j.core.lifecycle.InvalidConfigException;
import dev.atomemo4j.core.lifecycle.LifecycleException;
import dev.atomemo4j.core.lifecycle.PluginInstance;
import dev.atomemo4j.host.HostFile;
import dev.atomemo4j.host.PluginHost;
import dev.atomemo4j.runtime.spi.ConfigViolation;
import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code atomemo4j host host.yaml}: runs Atlas plugins in a {@link PluginHost}, in this JVM, with their classes
 * loaded beside it (a module built first, as {@code dev} does, or jars). Every plugin's config is checked before
 * anything starts, and every problem is printed at once. SIGTERM or Ctrl-C tears the plugins down, last first.
 */
@Command(
    name = "host",
    mixinStandardHelpOptions = true,
    header = "Runs Atlas plugins in a PluginHost from a host file, until Ctrl-C or SIGTERM.",
    description = {
        "Runs the Atlas plugins a host file lists, with their lifecycle, health checks and admin HTTP API, until",
        "SIGTERM or Ctrl-C. The plugins come from --module (a Maven module, built first) or --jar; without either,",
        "the host file's own directory when it is a Maven module. Exit status: 0 stopped, 1 a required plugin",
        "failed to start, 2 bad host file or config (every problem listed)."})
final class HostCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "FILE", description = "the host file (YAML; see host/API.md)")
  Path file;

  @Option(names = "--module", paramLabel = "DIR", description = "a plugin's Maven module; repeatable")
  List<Path> modules = new ArrayList<>();

  @Option(names = "--jar", paramLabel = "JAR", description = "a plugin jar; repeatable")
  List<Path> jars = new ArrayList<>();

  @Option(names = "--class-path", paramLabel = "CP", description = "more class path entries for --jar plugins")
  String classPath;

  @Option(names = "--port", paramLabel = "P",
      description = "the admin API's port, overriding the file's http.port (0 picks a free one)")
  Integer port;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (!Files.isRegularFile(file)) {
      err.println("atomemo4j: " + file + (Files.exists(file) ? " is not a file" : " does not exist"));
      return ExitCodes.BAD_INPUT;
    }
    List<URL> entries;
    try {
      entries = pluginClassPath(err);
    } catch (IOException | InitCommand.Maven.NotFound e) {
      err.println("atomemo4j: " + e.getMessage());
      return ExitCodes.BAD_INPUT;
    }
    Thread current = Thread.currentThread();
    ClassLoader previous = current.getContextClassLoader();
    // Parent first: the host's own core classes are the plugins' too, so a plugin and its host agree on every type.
    try (URLClassLoader plugins = new URLClassLoader(entries.toArray(URL[]::new), HostCommand.class.getClassLoader())) {
      current.setContextClassLoader(plugins);
      PluginHost host;
      try {
        PluginHost.Builder builder = HostFile.read(file, System.getenv()).toBuilder().installShutdownHook(true);
        if (port != null) {
          builder.adminPort(port);
        }
        host = builder.start();
      } catch (InvalidConfigException e) {
        List<ConfigViolation> problems = e.problems();
        err.println("atomemo4j: " + file + " cannot start: " + problems.size()
            + (problems.size() == 1 ? " problem" : " problems") + " [" + e.code() + "]");
        for (ConfigViolation p : problems) {
          err.println("  " + p.path() + ": " + p.message() + " [" + p.code() + "]");
        }
        return ExitCodes.BAD_INPUT;
      } catch (LifecycleException e) {
        err.println("atomemo4j: the host did not start: " + e.getMessage() + " [" + e.code() + "]");
        return ExitCodes.INVALID;
      }
      printStarted(host, out);
      // SIGTERM runs the host's shutdown hook (LIFO teardown, logged); the JVM ends when it is done.
      host.awaitClosed();
      return ExitCodes.OK;
    } finally {
      current.setContextClassLoader(previous);
    }
  }

  private static void printStarted(PluginHost host, PrintWriter out) {
    out.println("atomemo4j host is running " + host.plugins().size() + " plugin(s)");
    for (PluginInstance p : host.plugins()) {
      out.println("  " + p.id() + " " + p.descriptor().version() + ": " + p.status().wireName()
          + (p.enabled() ? "" : " (disabled)")
          + p.lastHealth().map(h -> " — " + (h.healthy() ? "healthy" : "unhealthy")
              + (h.message() == null ? "" : ": " + h.message())).orElse(""));
    }
    host.adminUrl().ifPresent(url -> out.println("  admin API:  " + url + " (GET /health, /api/plugins, "
        + "/api/context)"));
    for (PluginInstance p : host.plugins()) {
      if (p.types().contains(dev.atomemo4j.annotations.PluginType.INTERACTION)) {
        host.pluginUrl(p.id()).ifPresent(url -> out.println("  routes:     " + url));
      }
    }
    if (!host.datasources().list().isEmpty()) {
      out.println("  datasources: " + String.join(", ", host.datasources().list().stream()
          .map(d -> d.id() + " (" + d.dbType() + (d.connected() ? "" : ", not connected") + ")").toList())
          + host.adminUrl().map(url -> "; query console " + url.resolve("/datasources")).orElse(""));
    }
    String context = host.context();
    out.println("  context:    " + (context.isEmpty() ? "none" : context.length() + " characters"));
    out.println("Stop with Ctrl-C or SIGTERM.");
    out.flush();
  }

  /** The plugins' classes: the modules (built), the jars, or the host file's directory when it is a module. */
  private List<URL> pluginClassPath(PrintWriter err)
      throws IOException, InterruptedException, InitCommand.Maven.NotFound {
    List<String> paths = new ArrayList<>();
    List<Path> toBuild = new ArrayList<>(modules);
    Path fileDir = file.toAbsolutePath().normalize().getParent();
    if (toBuild.isEmpty() && jars.isEmpty() && fileDir != null && Files.isRegularFile(fileDir.resolve("pom.xml"))) {
      toBuild.add(fileDir);
    }
    for (Path module : toBuild) {
      if (!Files.isDirectory(module)) {
        throw new IOException("--module " + module + " is not a directory");
      }
      paths.add(DevCommand.build(module, err));
    }
    for (Path jar : jars) {
      if (!Files.isRegularFile(jar) || !jar.toString().endsWith(".jar")) {
        throw new IOException("--jar " + jar + " is not a jar file");
      }
      paths.add(jar.toAbsolutePath().toString());
    }
    if (classPath != null && !classPath.isBlank()) {
      paths.add(classPath);
    }
    List<URL> urls = new ArrayList<>();
    for (String joined : paths) {
      for (String entry : joined.split(File.pathSeparator)) {
        if (!entry.isBlank()) {
          urls.add(url(Path.of(entry.trim())));
        }
      }
    }
    return urls;
  }

  private static URL url(Path entry) throws MalformedURLException {
    return entry.toAbsolutePath().toUri().toURL();
  }
}
