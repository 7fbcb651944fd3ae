package dev.atomemo4j.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.atomemo4j.annotations.Approval;
import dev.atomemo4j.core.actions.ActionCodes;
import dev.atomemo4j.core.actions.ActionGateway;
import dev.atomemo4j.core.actions.ActionOutcome;
import dev.atomemo4j.core.actions.ActionRefusal;
import dev.atomemo4j.core.actions.ActionState;
import dev.atomemo4j.host.actions.ActionException;
import dev.atomemo4j.host.actions.Approver;
import dev.atomemo4j.host.actions.JdbcActionStore;
import dev.atomemo4j.host.testplugins.ActionsPlugin;
import dev.atomemo4j.host.testplugins.ActionsPluginRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The core ActionGateway a peer front end (MCP) gets from the host: the host's rules hold through it. */
class ActionGatewayTest {
  static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;
  JdbcActionStore store;
  PluginHost host;
  ActionGateway gateway;

  @BeforeEach
  void open() {
    ActionsPlugin.reset();
    store = JdbcActionStore.h2File(dir.resolve("actions"));
    host = PluginHost.builder().plugin(new ActionsPluginRegistry()).actionStore(store).installShutdownHook(false)
        .start();
    gateway = host.actions().gateway("actions");
  }

  @AfterEach
  void close() {
    host.close();
    store.close();
  }

  ActionOutcome proposeWipe() {
    return gateway.propose("wipe_all", JSON.createObjectNode(), "mcp:agent");
  }

  @Test
  void aManualRequestApprovedThroughTheGatewayRunsOnceAsThatIdentity() {
    ActionOutcome p = gateway.propose("open_ticket", JSON.createObjectNode().put("title", "x"), "mcp:agent");
    ActionOutcome done = gateway.approve(p.requestId(), "mcp:agent");

    assertThat(done.state()).isEqualTo(ActionState.SUCCEEDED);
    assertThat(done.result()).isEqualTo("\"T-x\"");
    assertThat(host.actions().request(p.requestId()).orElseThrow().decidedBy()).isEqualTo("mcp:agent");
    assertThat(ActionsPlugin.RUNS.get(p.requestId()).get()).isEqualTo(1);
  }

  @Test
  void aDenialThroughTheGatewayStoresItsReasonUnderTheDeniedCode() {
    ActionOutcome p = gateway.propose("open_ticket", JSON.createObjectNode().put("title", "x"), "mcp:agent");
    ActionOutcome denied = gateway.deny(p.requestId(), "mcp:agent", "the MCP user declined");

    assertThat(denied.state()).isEqualTo(ActionState.DENIED);
    assertThat(denied.errorCode()).isEqualTo(ActionCodes.DENIED);
    assertThat(denied.errorMessage()).isEqualTo("the MCP user declined");
    assertThat(ActionsPlugin.RUNS).doesNotContainKey(p.requestId());
  }

  @Test
  void theGatewayCannotApproveAnAdminOnlyRequest() {
    ActionOutcome p = proposeWipe();

    assertThatThrownBy(() -> gateway.approve(p.requestId(), "mcp:someone-else"))
        .isInstanceOfSatisfying(ActionRefusal.class, e -> assertThat(e.code()).isEqualTo(ActionException.FORBIDDEN));
    assertThat(ActionsPlugin.RUNS).doesNotContainKey(p.requestId());
  }

  @Test
  void awaitReturnsTheAdminsDecisionOnceTheBodyHasRun() throws Exception {
    ActionOutcome p = proposeWipe();
    CompletableFuture<ActionOutcome> waited = CompletableFuture.supplyAsync(() -> {
      try {
        return gateway.await(p.requestId(), Duration.ofMinutes(5));
      } catch (InterruptedException e) {
        throw new IllegalStateException(e);
      }
    });
    host.actions().approve(p.requestId(), Approver.of("root", Approver.ADMIN));

    ActionOutcome done = waited.get(60, TimeUnit.SECONDS);
    assertThat(done.state()).isEqualTo(ActionState.SUCCEEDED);
    assertThat(done.result()).isEqualTo("\"wiped\"");
  }

  @Test
  void awaitWithNoDecisionReturnsThePendingRequest() throws Exception {
    ActionOutcome p = proposeWipe();

    ActionOutcome still = gateway.await(p.requestId(), Duration.ZERO);
    assertThat(still.state()).isEqualTo(ActionState.PENDING);
    assertThat(still.errorCode()).isEqualTo(ActionCodes.PENDING);
  }

  @Test
  void theGatewayReportsTheEffectiveModeOfEachAction() {
    var atlas = new ActionsPluginRegistry().descriptor().atlas();
    assertThat(gateway.mode(atlas.action("ping_auto").orElseThrow())).isEqualTo(Approval.AUTO);
    assertThat(gateway.mode(atlas.action("wipe_all").orElseThrow())).isEqualTo(Approval.ADMIN_ONLY);
  }

  @Test
  void anUnknownActionIsRefusedWithTheHostsCode() {
    assertThatThrownBy(() -> gateway.propose("nope_nope", JSON.createObjectNode(), "mcp:agent"))
        .isInstanceOfSatisfying(ActionRefusal.class, e -> assertThat(e.code()).isEqualTo(ActionException.NOT_FOUND));
  }
}
