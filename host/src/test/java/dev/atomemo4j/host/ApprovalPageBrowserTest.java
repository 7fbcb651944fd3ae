package dev.atomemo4j.host;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.atomemo4j.core.actions.ActionState;
import dev.atomemo4j.host.actions.ActionRequest;
import dev.atomemo4j.host.actions.JdbcActionStore;
import dev.atomemo4j.host.testplugins.ActionsPlugin;
import dev.atomemo4j.host.testplugins.ActionsPluginRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The approval page ({@code GET /actions}) in headless Debian Chromium driven by {@code playwright-core}
 * ({@code approval-page.cjs}): propose → the card shows the summary and the masked input → approve without a user
 * is refused → approve as an approver → the card shows {@code succeeded} and the result; the body ran once.
 *
 * <p>Needs {@code node}, Chromium at {@code /usr/bin/chromium} (or {@code -Datomemo4j.chromium}) and
 * {@code playwright-core} under {@code host/target/node/node_modules} (or {@code -Datomemo4j.node.modules}):
 * {@code npm install --prefix host/target/node --no-audit --no-fund playwright-core@1.65.1}. Skipped without them,
 * except under {@code CI}, where it fails: CI must run it.
 */
class ApprovalPageBrowserTest {
  static final ObjectMapper JSON = new ObjectMapper();
  static final String MARKER = "MARKER-page-0b7d";

  @TempDir
  Path dir;

  @Test
  void proposingShowsTheCardAndApprovingInThePageRunsTheActionOnceAndShowsItsResult() throws Exception {
    Path modules = Path.of(System.getProperty("atomemo4j.node.modules", "target/node/node_modules"));
    Path chromium = Path.of(System.getProperty("atomemo4j.chromium", "/usr/bin/chromium"));
    boolean ready = Files.isDirectory(modules.resolve("playwright-core")) && Files.isExecutable(chromium)
        && onPath("node");
    if (!ready) {
      if (System.getenv("CI") != null) {
        throw new IllegalStateException("CI must run the approval page test: install node, chromium and "
            + "playwright-core (see this class's Javadoc)");
      }
      Assumptions.abort("needs node, " + chromium + " and " + modules.resolve("playwright-core"));
    }
    ActionsPlugin.reset();
    try (JdbcActionStore store = JdbcActionStore.h2File(dir.resolve("page"));
        PluginHost host = PluginHost.builder().plugin(new ActionsPluginRegistry()).actionStore(store).adminPort(0)
            .start()) {
      ActionRequest r = host.actions().propose("actions", "open_ticket",
          JSON.createObjectNode().put("title", "printer").put("token", MARKER), "bob");
      Path script = dir.resolve("approval-page.cjs");
      try (InputStream in = getClass().getResourceAsStream("approval-page.cjs")) {
        Files.copy(in, script);
      }
      Path shots = Files.createDirectories(Path.of("target", "approval-page"));
      Process p = new ProcessBuilder(List.of("node", script.toString(), host.adminUrl().orElseThrow() + "/actions",
          chromium.toString(), modules.toAbsolutePath().toString(), Files.createDirectory(dir.resolve("profile"))
              .toString(), shots.toAbsolutePath().toString()))
          .redirectError(ProcessBuilder.Redirect.INHERIT).start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(p.waitFor(90, TimeUnit.SECONDS)).isTrue();
      JsonNode seen = JSON.readTree(out.lines().reduce((a, b) -> b).orElse("{}"));

      assertThat(seen.path("failure").isMissingNode()).as(seen.path("failure").asText()).isTrue();
      assertThat(seen.get("pageErrors")).isEmpty();
      assertThat(seen.get("cards").asInt()).isEqualTo(1);
      assertThat(seen.get("summary").asText()).isEqualTo("Open ticket: printer (token [REDACTED])");
      assertThat(seen.get("input").get("token").asText()).isEqualTo("[REDACTED]");
      assertThat(seen.get("stateBefore").asText()).isEqualTo("pending");
      assertThat(seen.get("refusal").asText()).startsWith("action:no_user");
      assertThat(seen.get("stateAfter").asText()).isEqualTo("succeeded");
      assertThat(seen.get("result").asText()).contains("T-printer");
      assertThat(seen.get("buttonsLeft").asInt()).isZero();
      assertThat(seen.get("html").asText()).doesNotContain(MARKER);
      assertThat(ActionsPlugin.RUNS.get(r.id())).hasValue(1);
      assertThat(host.actions().request(r.id()).orElseThrow().state()).isEqualTo(ActionState.SUCCEEDED);
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
