package dev.atomemo4j.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.atomemo4j.annotations.Approval;
import dev.atomemo4j.core.actions.ActionState;
import dev.atomemo4j.core.lifecycle.InvalidConfigException;
import dev.atomemo4j.host.actions.ActionRequest;
import dev.atomemo4j.host.actions.Approver;
import dev.atomemo4j.host.testplugins.ActionsPlugin;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The host file's {@code actions:} section and per-plugin {@code credentials:}. */
class ActionsHostFileTest {
  static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  Path dir;

  @BeforeEach
  void reset() {
    ActionsPlugin.reset();
  }

  String file(String actions) {
    return "actions:\n" + actions
        + "plugins:\n"
        + "  - registry: dev.atomemo4j.host.testplugins.ActionsPluginRegistry\n"
        + "    credentials:\n"
        + "      ticket_api:\n"
        + "        api_key: ${TICKET_KEY}\n";
  }

  PluginHost start(String actions) {
    return HostFile.parse(file(actions), "host.yaml", Map.of("TICKET_KEY", "key-123456",
        "DIR", dir.toString()), getClass().getClassLoader()).toBuilder().start();
  }

  @Test
  void theFileOpensTheDatabaseAndItsApprovalOverridesBeatTheDeclaredDefaults() {
    try (PluginHost host = start("  database: jdbc:h2:file:${DIR}/actions\n"
        + "  hostId: host-7\n"
        + "  approval:\n"
        + "    actions/ping_auto: manual\n"
        + "    actions/data.wipe: auto\n")) {
      ActionRequest ping = host.actions().propose("actions", "ping_auto", JSON.createObjectNode().put("n", "1"),
          "bob");
      ActionRequest wipe = host.actions().propose("actions", "wipe_all", null, "bob");

      assertThat(ping.mode()).isEqualTo(Approval.MANUAL);
      assertThat(ping.state()).isEqualTo(ActionState.PENDING);
      assertThat(wipe.state()).isEqualTo(ActionState.SUCCEEDED);
      assertThat(host.actions().audit(wipe.id())).anyMatch(e -> "host-7".equals(e.actor()));
    }
    assertThat(dir.resolve("actions.mv.db")).exists();
  }

  @Test
  void credentialsFromTheFileReachActionsThatRequireThem() {
    try (PluginHost host = start("  database: jdbc:h2:file:${DIR}/actions\n")) {
      ActionRequest r = host.actions().propose("actions", "with_credential", null, "bob");

      assertThat(host.actions().approve(r.id(), Approver.of("alice", Approver.APPROVER)).state())
          .isEqualTo(ActionState.SUCCEEDED);
    }
  }

  @Test
  void badActionSettingsAreReportedTogetherWithoutQuotingTheKey() {
    assertThatThrownBy(() -> start("  database: jdbc:h2:file:${DIR}/actions\n"
        + "  secretKey: not-a-key-SECRET\n"
        + "  approval:\n"
        + "    actions/ping_auto: sometimes\n"
        + "    ping_auto: auto\n"))
        .isInstanceOf(InvalidConfigException.class)
        .hasMessageContaining("actions.secretKey").hasMessageContaining("actions.approval.actions/ping_auto")
        .hasMessageContaining("actions.approval.ping_auto")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("not-a-key-SECRET"));
  }
}
