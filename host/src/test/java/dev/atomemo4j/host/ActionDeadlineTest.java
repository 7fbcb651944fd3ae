package dev.atomemo4j.host;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.atomemo4j.core.actions.ActionCodes;
import dev.atomemo4j.core.actions.ActionState;
import dev.atomemo4j.core.lifecycle.CallKind;
import dev.atomemo4j.host.actions.ActionRequest;
import dev.atomemo4j.host.actions.Approver;
import dev.atomemo4j.host.actions.AuditEntry;
import dev.atomemo4j.host.actions.JdbcActionStore;
import dev.atomemo4j.host.testplugins.ActionsPlugin;
import dev.atomemo4j.host.testplugins.ActionsPluginRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An approved action body runs under its deadline ({@code @Action(timeoutMs)}, else the host's {@code action}
 * default, capped at the maximum): hold_on's body waits on a latch nobody releases, so only the deadline ends it.
 */
class ActionDeadlineTest {
  static final ObjectMapper JSON = new ObjectMapper();
  static final Approver ALICE = Approver.of("alice", Approver.APPROVER);

  @TempDir Path dir;
  JdbcActionStore store;
  PluginHost host;

  @BeforeEach
  void open() {
    ActionsPlugin.reset();
    store = JdbcActionStore.h2File(dir.resolve("actions"));
  }

  @AfterEach
  void close() {
    if (host != null) {
      host.close();
    }
    store.close();
  }

  ActionRequest approvedHoldOn(PluginHost.Builder builder) {
    host = builder.plugin(new ActionsPluginRegistry()).actionStore(store).installShutdownHook(false).start();
    ActionRequest r = host.actions().propose("actions", "hold_on", JSON.createObjectNode(), "bob");
    return host.actions().approve(r.id(), ALICE);
  }

  @Test
  void aBodyPastItsDeadlineEndsFailedWithTheTimeoutCode() {
    ActionRequest done = approvedHoldOn(PluginHost.builder());

    assertThat(done.state()).isEqualTo(ActionState.FAILED);
    assertThat(done.error()).startsWith(ActionCodes.TIMEOUT + ": ").contains("200 ms");
  }

  @Test
  void theBodyIsInterruptedAtItsDeadline() throws Exception {
    approvedHoldOn(PluginHost.builder());

    assertThat(ActionsPlugin.holdInterrupted.await(30, TimeUnit.SECONDS)).as("the body saw the interrupt").isTrue();
  }

  @Test
  void theTimeoutIsAuditedAsTheHostsMoveFromExecutingToFailed() {
    ActionRequest done = approvedHoldOn(PluginHost.builder());

    assertThat(store.audit(done.id())).extracting(AuditEntry::from, AuditEntry::to, AuditEntry::actor)
        .endsWith(Tuple.tuple(ActionState.EXECUTING, ActionState.FAILED, "host"));
    assertThat(ActionsPlugin.RUNS.get(done.id()).get()).isEqualTo(1);
  }

  @Test
  void theHostMaximumCapsTheDeclaredDeadline() {
    host = PluginHost.builder().plugin(new ActionsPluginRegistry()).actionStore(store)
        .maxDeadline(Duration.ofMinutes(3)).installShutdownHook(false).start();

    assertThat(host.plugin("actions").actionDeadline(Duration.ofMinutes(30))).isEqualTo(Duration.ofMinutes(3));
  }

  @Test
  void anActionWithoutADeclaredDeadlineGetsTheHostsActionDefault() {
    host = PluginHost.builder().plugin(new ActionsPluginRegistry()).actionStore(store)
        .deadline(CallKind.ACTION, Duration.ofSeconds(7)).installShutdownHook(false).start();

    assertThat(host.plugin("actions").actionDeadline(null)).isEqualTo(Duration.ofSeconds(7));
    assertThat(host.plugin("actions").actionDeadline(Duration.ofMillis(200))).isEqualTo(Duration.ofMillis(200));
  }

  @Test
  void aHostFileSetsAPluginsActionDeadlineUnderTimeouts() {
    HostFile file = HostFile.parse(String.join("\n",
        "plugins:",
        "  - registry: " + ActionsPluginRegistry.class.getName(),
        "    timeouts:",
        "      action: 3s"), "host.yaml", java.util.Map.of(), getClass().getClassLoader());
    host = file.toBuilder().actionStore(store).installShutdownHook(false).start();

    assertThat(host.plugin("actions").actionDeadline(null)).isEqualTo(Duration.ofSeconds(3));
  }

  @Test
  void theDefaultActionDeadlineIsSixtySeconds() {
    assertThat(CallKind.ACTION.defaultDeadline()).isEqualTo(Duration.ofSeconds(60));
  }
}
