package dev.atomemo4j.cli;

import dev.atomemo4j.mcp.McpCredentials;
import dev.atomemo4j.mcp.McpPluginServer;
import dev.atomemo4j.runtime.spi.PluginDescriptor;
import dev.atomemo4j.runtime.spi.PluginRegistry;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code atomemo4j mcp <module dir | jar> [--http PORT]}: serves a plugin's tools over MCP, on stdio (what desktop
 * assistants and IDE agents start) or streamable HTTP on loopback. In stdio mode standard output carries only
 * the protocol: the build's output and every message of this command go to standard error.
 */
@Command(
    name = "mcp",
    mixinStandardHelpOptions = true,
    header = "Serves a plugin's tools to MCP clients, over stdio or streamable HTTP.",
    description = {
        "Serves a plugin's tools over the Model Context Protocol: on stdio by default, or streamable HTTP at",
        "http://127.0.0.1:PORT/mcp with --http. The plugin is a Maven module (built first) or a jar. Credentials come",
        "from ATOMEMO4J_CREDENTIAL_<NAME> environment variables (JSON objects) and --credentials FILE; they are",
        "never printed. With --host-file host.yaml the plugin runs in a PluginHost booted from that file: its",
        "context plugins are served as resources and its @Actions as tools, approved through the host's store.",
        "Exit status: 0 stopped, 2 bad input (no plugin, several without --plugin, bad credentials or host file)."})
final class McpCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "MODULE_OR_JAR", description = "the plugin's Maven module directory or jar")
  Path source;

  @Option(names = "--http", paramLabel = "PORT", description = "serve streamable HTTP on 127.0.0.1:PORT (0 picks one)")
  Integer httpPort;

  @Option(names = "--host", paramLabel = "ADDRESS", defaultValue = "127.0.0.1",
      description = "the address --http binds (default ${DEFAULT-VALUE}; the endpoint has no authentication)")
  String host;

  @Option(names = "--plugin", paramLabel = "NAME", description = "which plugin, when the class path holds several")
  String pluginName;

  @Option(names = "--credentials", paramLabel = "FILE",
      description = "a JSON file {\"<credential name>\": {values}}; the environment's values take precedence")
  Path credentialsFile;

  @Option(names = "--class-path", paramLabel = "CP", description = "more class path entries for a jar plugin")
  String classPath;

  @Option(names = "--debug", description = "add the plugin exception's stack to tool errors")
  boolean debug;

  // Not --host: that option already names the address --http binds.
  @Option(names = "--host-file", paramLabel = "FILE",
      description = "boot a PluginHost from this host file: its context plugins become resources, the plugin's "
          + "actions tools approved through the host's store (admin API, store and settings as the file says)")
  Path hostFile;

  @Option(names = "--approval-wait", paramLabel = "SECONDS", defaultValue = "60",
      description = "how long an admin-only action call waits for an admin's decision before answering it pending "
          + "(default ${DEFAULT-VALUE})")
  long approvalWaitSeconds;

  @Override
  public Integer call() throws Exception {
    PrintWriter err = spec.commandLine().getErr();
    List<URL> entries;
    try {
      entries = classPath(err);
    } catch (IOException e) {
      err.println("atomemo4j: " + e.getMessage());
      return ExitCodes.BAD_INPUT;
    }
    try (URLClassLoader plugins = new URLClassLoader(entries.toArray(URL[]::new), McpCommand.class.getClassLoader())) {
      Thread.currentThread().setContextClassLoader(plugins);
      List<PluginDescriptor> found = new ArrayList<>();
      for (PluginRegistry r : ServiceLoader.load(PluginRegistry.class, plugins)) {
        found.add(r.descriptor());
      }
      List<PluginDescriptor> chosen = pluginName == null ? found
          : found.stream().filter(d -> d.name().equals(pluginName)).toList();
      if (chosen.size() != 1) {
        String names = found.stream().map(PluginDescriptor::name).collect(Collectors.joining(", "));
        err.println("atomemo4j: " + (found.isEmpty() ? source + " holds no atomemo4j plugin (no generated registry)"
            : chosen.isEmpty() ? "no plugin `" + pluginName + "` in " + source + "; it has: " + names
            : source + " holds several plugins (" + names + "); choose one with --plugin NAME"));
        return ExitCodes.BAD_INPUT;
      }
      PluginDescriptor plugin = chosen.get(0);
      McpCredentials credentials;
      try {
        credentials = credentialsFile == null ? McpCredentials.none() : McpCredentials.fromFile(credentialsFile);
        credentials = credentials.and(McpCredentials.fromEnvironment(plugin, System.getenv()));
      } catch (IOException | IllegalArgumentException e) {
        err.println("atomemo4j: " + e.getMessage());
        return ExitCodes.BAD_INPUT;
      }
      McpPluginServer.Builder builder = McpPluginServer.builder(plugin).credentials(credentials)
          .withStackTraces(debug).approvalWait(java.time.Duration.ofSeconds(Math.max(0, approvalWaitSeconds)));
      try (HostedFrontEnd hosted = hostFile == null ? HostedFrontEnd.NONE : HostedFrontEnd.boot(hostFile, plugin)) {
        hosted.configure(builder);
        if (hostFile != null) {
          err.println("atomemo4j: " + hosted.describe());
        }
        return serve(builder.build(), plugin, credentials, err);
      } catch (HostedFrontEnd.HostFileProblem e) {
        err.println("atomemo4j: " + e.getMessage());
        return ExitCodes.BAD_INPUT;
      }
    }
  }

  private int serve(McpPluginServer server, PluginDescriptor plugin, McpCredentials credentials, PrintWriter err)
      throws Exception {
    if (httpPort == null) {
      err.println("atomemo4j: serving " + plugin.name() + " " + plugin.version() + " over MCP on stdio");
      err.flush();
      try (McpPluginServer.Running running = server.serveStdio(System.in, System.out)) {
        running.awaitClosed();
      }
      return ExitCodes.OK;
    }
    try (McpPluginServer.Running running = server.serveHttp(new InetSocketAddress(host, httpPort))) {
      Runtime.getRuntime().addShutdownHook(new Thread(running::close, "atomemo4j-mcp-shutdown"));
      PrintWriter out = spec.commandLine().getOut();
      out.println("atomemo4j: serving " + plugin.name() + " " + plugin.version() + " over MCP at "
          + running.url().orElseThrow() + " (credentials: " + credentialNames(plugin, credentials) + ")");
      out.println("Stop with Ctrl-C or SIGTERM.");
      out.flush();
      running.awaitClosed();
    }
    return ExitCodes.OK;
  }

  private static String credentialNames(PluginDescriptor plugin, McpCredentials credentials) {
    if (plugin.credentials().isEmpty()) {
      return "none needed";
    }
    return plugin.credentials().stream()
        .map(c -> c.name() + (credentials.valuesOf(c.name()).isPresent() ? " configured" : " missing"))
        .collect(Collectors.joining(", "));
  }

  private List<URL> classPath(PrintWriter err) throws IOException, InterruptedException {
    List<String> paths = new ArrayList<>();
    if (Files.isDirectory(source)) {
      paths.add(build(source, err));
    } else if (Files.isRegularFile(source) && source.toString().endsWith(".jar")) {
      paths.add(source.toAbsolutePath().toString());
    } else {
      throw new IOException(source + " is neither a Maven module directory nor a jar");
    }
    if (classPath != null && !classPath.isBlank()) {
      paths.add(classPath);
    }
    List<URL> urls = new ArrayList<>();
    for (String joined : paths) {
      for (String entry : joined.split(File.pathSeparator)) {
        if (!entry.isBlank()) {
          urls.add(Path.of(entry.trim()).toAbsolutePath().toUri().toURL());
        }
      }
    }
    return urls;
  }

  /**
   * Builds the module as {@code dev} does, but with all of Maven's output on standard error: on stdio, standard
   * output belongs to the protocol.
   */
  private static String build(Path module, PrintWriter err) throws IOException, InterruptedException {
    Path dir = module.toAbsolutePath().normalize();
    if (!Files.isRegularFile(dir.resolve("pom.xml"))) {
      throw new IOException(module + " has no pom.xml; give a Maven module directory or a jar");
    }
    Path checkout = Roots.checkout().toAbsolutePath().normalize();
    List<String> command = new ArrayList<>(List.of("mvn", "-B", "-q"));
    if (dir.startsWith(checkout) && !dir.equals(checkout)) {
      // The processor too, as `dev` does: annotationProcessorPaths are not followed by -am.
      String modules = checkout.relativize(dir).toString();
      if (Files.isRegularFile(checkout.resolve("processor/pom.xml"))) {
        modules = "processor," + modules;
      }
      command.addAll(List.of("-f", checkout.resolve("pom.xml").toString(), "-pl", modules, "-am"));
    } else {
      command.addAll(List.of("-f", dir.resolve("pom.xml").toString()));
    }
    command.addAll(List.of("package", "dependency:build-classpath", "-DskipTests",
        "-Dmdep.outputFile=" + dir.resolve("target/atomemo4j.classpath")));
    err.println("atomemo4j: building " + module + " …");
    err.flush();
    Process p = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectInput(ProcessBuilder.Redirect.PIPE).start();
    p.getOutputStream().close(); // Maven must not read the client's stdin
    try (InputStream output = p.getInputStream()) {
      output.transferTo(System.err);
    }
    if (p.waitFor() != 0) {
      throw new IOException("the build of " + module + " failed (see the Maven output above)");
    }
    return PluginProcess.classPathOf(dir);
  }
}
