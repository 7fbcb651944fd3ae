package dev.atomemo4j.host.explore;

import static dev.atomemo4j.host.explore.SandboxPlugins.sandbox;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.atomemo4j.host.PluginHost;
import dev.atomemo4j.host.testsupport.HeadlessChromium;
import dev.atomemo4j.runtime.HealthResult;
import dev.atomemo4j.runtime.sandbox.ExecResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The explore console ({@code GET /explore}) in headless Debian Chromium driven by {@code playwright-core}
 * ({@code explore-page.cjs}): the settings line, a command run on the chosen backend with its output shown as text
 * (markup in it is not rendered), and a refused command's code. Needs what {@code HeadlessChromium} needs;
 * skipped without it, except under {@code CI}, where it fails.
 */
class ExplorePageBrowserTest {
  @TempDir Path dir;

  @Test
  void theConsoleRunsACommandShowsItsOutputAsTextAndShowsARefusalsCode() throws Exception {
    HeadlessChromium chromium = HeadlessChromium.requireFor("explore console");
    Path semantic = Files.createDirectory(dir.resolve("semantic"));
    try (PluginHost host = PluginHost.builder().adminPort(0)
        .exploreSettings(ExploreSettings.defaults().withSemanticRoot(semantic).withBuiltIns(Set.of()))
        .plugin(sandbox("box").health(p -> HealthResult.ok())
            .exec(command -> new ExecResult("seen: " + command, "", 0)).registry())
        .start()) {
      JsonNode seen = chromium.drive(getClass(), "explore-page.cjs",
          host.adminUrl().orElseThrow() + "/explore", dir);

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
}
