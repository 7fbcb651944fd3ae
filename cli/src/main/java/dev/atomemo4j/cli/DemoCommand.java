package dev.atomemo4j.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.atomemo4j.devhub.DevHub;
import dev.atomemo4j.devhub.RequestOutcome;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    header = "Runs an example plugin against a local dev hub end to end, then stops.",
    description = {
        "Shows atomemo4j working end to end, with no Atomemo account: starts a local dev hub on a free port, runs",
        "examples/get-current-time against it in its own JVM, invokes its tool, prints the result and stops.",
        "The ./atomemo4j launcher builds the example first."})
final class DemoCommand implements Callable<Integer> {
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
  static final String PLUGIN = "get-current-time";

  @Spec CommandSpec spec;

  @Option(names = "--root", description = "the atomemo4j checkout (default: found from the launcher)")
  Path root;

  @Option(names = "--timeout", defaultValue = "60", description = "seconds to wait for the plugin (default 60)")
  long timeoutSeconds;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Path repo = root != null ? root : Roots.checkout();
    Path module = repo.resolve("examples").resolve(PLUGIN);
    String classPath;
    try {
      classPath = PluginProcess.classPathOf(module);
    } catch (java.io.IOException e) {
      err.println("atomemo4j: " + e.getMessage() + "; run the demo through ./atomemo4j, which builds it");
      return ExitCodes.BAD_INPUT;
    }
    Path work = Files.createTempDirectory("atomemo4j-demo");
    try (DevHub hub = DevHub.builder().port(0).dataDirectory(work.resolve("hub"))
        .requestTimeout(Duration.ofSeconds(30)).build()) {
      hub.start();
      out.println("dev hub:  " + hub.url() + " (inspector " + hub.inspectorUrl() + ")");
      Path workingDirectory = Files.createDirectories(work.resolve("plugin"));
      try (PluginProcess plugin = PluginProcess.start(classPath, Map.of(
          "HUB_MODE", "debug",
          "HUB_WS_URL", hub.wsUrl().toString(),
          "HUB_DEBUG_API_KEY", hub.apiKey(),
          "ATOMEMO4J_AUTHOR", "atomemo4j demo",
          "ATOMEMO4J_EMAIL", "demo@atomemo4j.dev"), workingDirectory, work.resolve("plugin.log"))) {
        out.println("plugin:   " + PLUGIN + " (" + module + ")");
        out.flush();
        try {
          hub.whenPluginReady(PLUGIN).get(timeoutSeconds, TimeUnit.SECONDS);
        } catch (Exception e) {
          err.println("atomemo4j: the plugin did not register within " + timeoutSeconds + " s"
              + (plugin.isAlive() ? "" : " (it exited)") + "; its output:\n" + plugin.output());
          return ExitCodes.INVALID;
        }
        out.println("registered with the dev hub");
        Map<String, Object> parameters = Map.of("timezone", "UTC", "format", "iso");
        out.println("invoke:   " + PLUGIN + " " + JSON.writer().without(SerializationFeature.INDENT_OUTPUT)
            .writeValueAsString(parameters));
        RequestOutcome result = hub.invokeTool(PLUGIN, PLUGIN, JSON.valueToTree(parameters))
            .get(timeoutSeconds, TimeUnit.SECONDS);
        if (!result.ok()) {
          err.println("atomemo4j: the tool answered an error: " + result.error());
          return ExitCodes.INVALID;
        }
        out.println("result (" + result.elapsedMs() + " ms):");
        out.println(JSON.writeValueAsString(result.data()));
      }
      out.println("stopped.");
      return ExitCodes.OK;
    } finally {
      Roots.deleteQuietly(work);
    }
  }
}
