package dev.atomemo4j.host.explore;

import static dev.atomemo4j.host.explore.SandboxPlugins.sandbox;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.atomemo4j.host.PluginHost;
import dev.atomemo4j.runtime.HealthResult;
import dev.atomemo4j.runtime.sandbox.ExecResult;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The explore console ({@code GET /explore}) in headless Debian Chromium driven by {@code playwright-core}
 * ({@code explore-page.cjs}): the settings line, a command run on the chosen backend with its output shown as text
 * (markup in it is not rendered), and a refused command's code. Needs what {@code ApprovalPageBrowserTest} needs;
 * skipped without it, except under {@code CI}, where it fails.
 */
class ExplorePageBrowserTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  @Test
  void theConsoleRunsACommandShowsItsOutputAsTextAndShowsARefusalsCode() throws Exception {
    Path modules = Path.of(System.getProperty("atomemo4j.node.modules", "target/node/node_modules"));
    Path chromium = Path.of(System.getProperty("atomemo4j.chromium", "/usr/bin/chromium"));
    boolean ready = Files.isDirectory(modules.resolve("playwright-core")) && Files.isExecutable(chromium)
        && onPath("node");
    if (!ready) {
      if (System.getenv("CI") != null) {
        throw new IllegalStateException("CI must run the explore console test: install node, chromium and "
            + "playwright-core (see ApprovalPageBrowserTest's Javadoc)");
      }
      Assumptions.abort("needs node, " + chromium + " and " + modules.resolve("playwright-core"));
    }
    Path semantic = Files.createDirectory(dir.resolve("semantic"));
    try (PluginHost host = PluginHost.builder().adminPort(0)
        .exploreSettings(ExploreSettings.defaults().withSemanticRoot(semantic).withBuiltIns(Set.of()))
        .plugin(sandbox("box").health(p -> HealthResult.ok())
            .exec(command -> new ExecResult("seen: " + command, "", 0)).registry())
        .start()) {
      Path script = dir.resolve("explore-page.cjs");
      try (InputStream in = getClass().getResourceAsStream("explore-page.cjs")) {
        Files.copy(in, script);
      }
      Path shots = Files.createDirectories(Path.of("target", "explore-page"));
      Process p = new ProcessBuilder(List.of("node", script.toString(), host.adminUrl().orElseThrow() + "/explore",
          chromium.toString(), modules.toAbsolutePath().toString(), Files.createDirectory(dir.resolve("profile"))
              .toString(), shots.toAbsolutePath().toString()))
          .redirectError(ProcessBuilder.Redirect.INHERIT).start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(p.waitFor(90, TimeUnit.SECONDS)).isTrue();
      JsonNode seen = JSON.readTree(out.lines().reduce((a, b) -> b).orElse("{}"));

      assertThat(seen.path("failure").isMissingNode()).as(seen.path("failure").asText()).isTrue();
      assertThat(seen.get("pageErrors")).isEmpty();
      assertThat(seen.get("stateBefore").asText()).contains("backend (chosen on the first command)");
      assertThat(seen.get("summary").asText()).startsWith("exit 0 on box · ran: cat <b>report</b>");
      assertThat(seen.get("stdout").asText()).isEqualTo("seen: cat <b>report</b>");
      assertThat(seen.get("boldElements").asInt()).as("markup in output is text").isZero();
      assertThat(seen.get("stateAfter").asText()).contains("backend box");
      assertThat(seen.get("error").asText()).startsWith("explore:invalid_command: the command is empty");
    }
  }

  private static boolean onPath(String command) {
    try {
      return new ProcessBuilder(command, "--version").start().waitFor(10, TimeUnit.SECONDS);
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
