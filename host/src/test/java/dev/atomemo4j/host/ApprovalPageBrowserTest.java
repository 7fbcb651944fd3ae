package dev.atomemo4j.host;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.atomemo4j.core.actions.ActionState;
import dev.atomemo4j.host.actions.ActionRequest;
import dev.atomemo4j.host.actions.JdbcActionStore;
import dev.atomemo4j.host.testplugins.ActionsPlugin;
import dev.atomemo4j.host.testplugins.ActionsPluginRegistry;
import dev.atomemo4j.host.testsupport.HeadlessChromium;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The approval page ({@code GET /actions}) in headless Debian Chromium driven by {@code playwright-core}
 * ({@code approval-page.cjs}): propose → the card shows the summary and the masked input → approve without a user
 * is refused → approve as an approver → the card shows {@code succeeded} and the result; the body ran once.
 *
 * <p>Needs what {@link dev.atomemo4j.host.testsupport.HeadlessChromium} needs; skipped without it, except under
 * {@code CI}, where it fails: CI must run it.
 */
class ApprovalPageBrowserTest {
  static final ObjectMapper JSON = new ObjectMapper();
  static final String MARKER = "MARKER-page-0b7d";

  @TempDir
  Path dir;

  @Test
  void proposingShowsTheCardAndApprovingInThePageRunsTheActionOnceAndShowsItsResult() throws Exception {
    HeadlessChromium chromium = HeadlessChromium.requireFor("approval page");
    ActionsPlugin.reset();
    try (JdbcActionStore store = JdbcActionStore.h2File(dir.resolve("page"));
        PluginHost host = PluginHost.builder().plugin(new ActionsPluginRegistry()).actionStore(store).adminPort(0)
            .start()) {
      ActionRequest r = host.actions().propose("actions", "open_ticket",
          JSON.createObjectNode().put("title", "printer").put("token", MARKER), "bob");
      JsonNode seen = chromium.drive(getClass(), "approval-page.cjs",
          host.adminUrl().orElseThrow() + "/actions", dir);

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
}
