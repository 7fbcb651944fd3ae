package dev.atomemo4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.atomemo4j.devhub.BuildStatus;
import dev.atomemo4j.devhub.DevHub;
import dev.atomemo4j.devhub.RequestOutcome;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Save to reload, for real: a copy of {@code examples/get-current-time} in a temporary directory, compiled by the
 * loop with the processor, run in its own JVM against an in-process dev hub over a real WebSocket, and edited on disk
 * as an editor would. Each wait polls the hub's catalogue or build status until it holds (or a generous timeout ends
 * the test); nothing is asserted about how long anything took.
 */
class ReloadLoopTest {
  private static final Path EXAMPLE = Path.of(System.getProperty("atomemo4j.root", ".."))
      .resolve("examples/get-current-time").toAbsolutePath().normalize();
  private static final String PLUGIN = "get-current-time";
  private static final String DESCRIPTION =
      "description = \"Get the current date and time, optionally in a specified timezone and format.\",";

  @TempDir Path dir;

  private DevHub hub;
  private ReloadLoop loop;
  private Path module;
  private Path tools;
  private final StringWriter terminal = new StringWriter();
  private final java.util.concurrent.atomic.AtomicInteger dependencyLookups =
      new java.util.concurrent.atomic.AtomicInteger();

  @BeforeEach
  void startHubAndLoop() throws Exception {
    module = dir.resolve("get-current-time");
    copyTree(EXAMPLE.resolve("src/main"), module.resolve("src/main"));
    Files.copy(EXAMPLE.resolve("pom.xml"), module.resolve("pom.xml"));
    tools = module.resolve("src/main/java/dev/atomemo4j/examples/time/TimeTools.java");
    hub = DevHub.builder().port(0).dataDirectory(dir.resolve("hub")).build();
    hub.start();
    Path log = dir.resolve("plugin.log");
    String dependencies = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    ReloadLoop.Launcher launcher = classPath -> PluginProcess.start(classPath, Map.of(
        "HUB_MODE", "debug",
        "HUB_WS_URL", hub.wsUrl().toString(),
        "HUB_DEBUG_API_KEY", hub.apiKey(),
        "ATOMEMO4J_AUTHOR", "reload-test",
        "ATOMEMO4J_EMAIL", "reload-test@dev.local"), module, Files.exists(log) ? log.resolveSibling(
            "plugin-" + System.nanoTime() + ".log") : log);
    loop = new ReloadLoop(module, dir.resolve("hub/reload/get-current-time"), "0.1.0", dependencies,
        () -> {
          dependencyLookups.incrementAndGet();
          return dependencies;
        }, launcher, hub, new PrintWriter(terminal, true));

    assertThat(loop.start(Duration.ofMillis(100))).as("the first compile: %s", terminal).isTrue();
    hub.whenPluginReady(PLUGIN).get(60, TimeUnit.SECONDS);
  }

  @AfterEach
  void stop() {
    if (loop != null) {
      loop.close();
    }
    if (hub != null) {
      hub.close();
    }
  }

  @Test
  void thePluginRunsFromTheLoopsOwnDirectoryNotTargetClasses() {
    assertThat(loop.runningClasses()).startsWith(dir.resolve("hub/reload/get-current-time"));
    assertThat(module.resolve("target/classes")).doesNotExist();
  }

  @Test
  void aSavedNewToolIsCompiledAndRegisteredByTheRestartedPlugin() throws Exception {
    edit(tools, "  public TimeTools() {", """
          @Tool(name = "what-zone", displayName = "What Zone", description = "Names the plugin's time zone.")
          public Map<String, Object> whatZone() {
            return Map.of("zone", "reloaded");
          }

          public TimeTools() {""");

    awaitThat(() -> toolNames().contains("what-zone"), "the new tool registered");
    RequestOutcome answer = hub.invokeTool(PLUGIN, "what-zone", new ObjectMapper().createObjectNode())
        .get(30, TimeUnit.SECONDS);
    assertThat(answer.ok()).as("%s", answer).isTrue();
    assertThat(answer.data().path("zone").asText()).isEqualTo("reloaded");
  }

  @Test
  void aSavedDescriptionChangeReachesTheHubsCatalogue() throws Exception {
    edit(tools, DESCRIPTION, "description = \"Tells the time, reloaded.\",");

    awaitThat(() -> "Tells the time, reloaded.".equals(toolDescription()), "the new description registered");
  }

  @Test
  void aSaveThatDoesNotCompileIsReportedWithTheCompilersLinesAndTheLastGoodPluginKeepsServing() throws Exception {
    edit(tools, "  public TimeTools() {", "  int broken = ;\n\n  public TimeTools() {");

    awaitThat(() -> state() == BuildStatus.State.FAILED, "the failed build reported");
    assertThat(hub.lastBuild().diagnostics())
        .anySatisfy(line -> assertThat(line).matches(".*TimeTools\\.java:\\d+: error: .*"));
    assertThat(terminal.toString()).containsPattern("TimeTools\\.java:\\d+: error: ")
        .contains("the last good plugin keeps running");
    RequestOutcome answer = hub.invokeTool(PLUGIN, PLUGIN, new ObjectMapper().readTree("{\"timezone\":\"UTC\"}"))
        .get(30, TimeUnit.SECONDS);
    assertThat(answer.ok()).as("%s", answer).isTrue();
    assertThat(answer.data().path("timezone").asText()).isEqualTo("UTC");
  }

  @Test
  void aPomChangeLooksTheDependenciesUpAgainBeforeCompiling() throws Exception {
    Path pom = module.resolve("pom.xml");
    Files.writeString(pom, Files.readString(pom) + "\n<!-- a dependency was added -->\n");

    awaitThat(() -> hub.lastBuild().generation() >= 2 && state() == BuildStatus.State.OK, "the rebuild after the pom");
    assertThat(dependencyLookups).hasValue(1);
  }

  @Test
  void aSourceChangeDoesNotLookTheDependenciesUpAgain() throws Exception {
    edit(tools, DESCRIPTION, "description = \"Only a source changed.\",");

    awaitThat(() -> "Only a source changed.".equals(toolDescription()), "the new description registered");
    assertThat(dependencyLookups).hasValue(0);
  }

  @Test
  void aProcessorErrorIsReportedOnItsElement() throws Exception {
    // Upper-case letters are not allowed in a tool name: the processor's own diagnostic, on the method's file.
    edit(tools, "name = \"get-current-time\",", "name = \"Get Current Time!\",");

    awaitThat(() -> state() == BuildStatus.State.FAILED, "the failed build reported");
    assertThat(hub.lastBuild().diagnostics())
        .anySatisfy(line -> assertThat(line).matches(".*TimeTools\\.java:\\d+: error: .*\\[atomemo4j:.*"));
  }

  @Test
  void aSourceFixedAfterABrokenSaveIsRegisteredAgain() throws Exception {
    String original = Files.readString(tools);
    edit(tools, "  public TimeTools() {", "  int broken = ;\n\n  public TimeTools() {");
    awaitThat(() -> state() == BuildStatus.State.FAILED, "the failed build reported");

    Files.writeString(tools, original.replace(DESCRIPTION, "description = \"Fixed and reloaded.\","));

    awaitThat(() -> "Fixed and reloaded.".equals(toolDescription()), "the fixed definition registered");
    assertThat(state()).isEqualTo(BuildStatus.State.OK);
    assertThat(hub.lastBuild().diagnostics()).isEmpty();
  }

  // ---- helpers --------------------------------------------------------------------------------------------------

  private BuildStatus.State state() {
    BuildStatus build = hub.lastBuild();
    return build == null ? null : build.state();
  }

  private JsonNode plugin() {
    for (JsonNode p : hub.plugins()) {
      if (p.path("name").asText().equals(PLUGIN) && p.path("connected").asBoolean()) {
        return p;
      }
    }
    return null;
  }

  private java.util.List<String> toolNames() {
    JsonNode p = plugin();
    return p == null ? java.util.List.of() : p.path("tools").findValuesAsText("name");
  }

  private String toolDescription() {
    JsonNode p = plugin();
    return p == null ? null : p.path("tools").path(0).path("description").asText(null);
  }

  private static void edit(Path file, String anchor, String replacement) throws IOException {
    String text = Files.readString(file);
    assertThat(text).contains(anchor);
    Files.writeString(file, text.replaceFirst(java.util.regex.Pattern.quote(anchor),
        java.util.regex.Matcher.quoteReplacement(replacement)));
  }

  /** Polls until the condition holds; fails (naming what was awaited, and the terminal) after a minute. */
  private void awaitThat(BooleanSupplier condition, String what) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("not seen: " + what + "; the loop printed:\n" + terminal);
      }
      Thread.sleep(50); // a poll interval, not a synchronisation: the condition decides
    }
  }

  private static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> walk = Files.walk(from)) {
      for (Path p : (Iterable<Path>) walk::iterator) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.copy(p, target);
        }
      }
    }
  }
}
