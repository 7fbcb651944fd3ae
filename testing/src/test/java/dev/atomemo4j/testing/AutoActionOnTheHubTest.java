package dev.atomemo4j.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atomemo4j.testing.fixture.Stamper;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * An Atlas action plugin served to the dev hub over the real socket: its auto action is a tool there (listed in the
 * generated definition.json), its manual action is not, and a call naming it never runs its body.
 */
@PluginTest(Stamper.class)
class AutoActionOnTheHubTest {

  @Test
  void theAutoActionIsCalledAsAToolAndRunsOnce(PluginClient client) {
    int before = Stamper.STAMPS.get();

    ToolResult r = client.invoke("stamp_form", Map.of("form", "F-9"));

    assertThat(r.assertOk().data().asText()).isEqualTo("stamped F-9");
    assertThat(Stamper.STAMPS.get() - before).isEqualTo(1);
  }

  @Test
  void theGeneratedDefinitionListsTheAutoActionAndNotTheManualOne() {
    String definition = Definitions.generated(Stamper.class);

    assertThat(definition).contains("\"stamp_form\"").doesNotContain("shred_forms");
  }

  @Test
  void theManualActionIsNoToolOnTheHubAndItsBodyNeverRuns(PluginClient client) {
    ToolResult r = client.invoke("shred_forms", Map.of());

    // Not in the registered definition, so the hub does not even send it (the plugin's own refusal of a manual
    // action, sdk:approval_required, is RequestsTest's).
    r.assertError("devhub:unknown_tool");
    assertThat(Stamper.SHREDS.get()).isZero();
  }
}
