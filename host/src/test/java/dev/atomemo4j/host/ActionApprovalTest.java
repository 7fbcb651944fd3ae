package dev.atomemo4j.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.atomemo4j.annotations.Approval;
import dev.atomemo4j.core.actions.ActionState;
import dev.atomemo4j.core.pipeline.ErrorCodes;
import dev.atomemo4j.core.pipeline.Exchange;
import dev.atomemo4j.core.pipeline.PipelineRequest;
import dev.atomemo4j.core.pipeline.RequestFailure;
import dev.atomemo4j.core.pipeline.RequestPipeline;
import dev.atomemo4j.core.pipeline.Secrets;
import dev.atomemo4j.host.actions.ActionException;
import dev.atomemo4j.host.actions.ActionRequest;
import dev.atomemo4j.host.actions.ActionSettings;
import dev.atomemo4j.host.actions.Approver;
import dev.atomemo4j.host.actions.AuditEntry;
import dev.atomemo4j.host.actions.HostActions;
import dev.atomemo4j.host.actions.JdbcActionStore;
import dev.atomemo4j.host.testplugins.ActionsPlugin;
import dev.atomemo4j.host.testplugins.ActionsPluginRegistry;
import dev.atomemo4j.host.testsupport.MutableClock;
import dev.atomemo4j.runtime.ToolContext;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The approval gate on an H2 file: modes, roles, expiry, credentials, audit, masking. */
class ActionApprovalTest {
  static final ObjectMapper JSON = new ObjectMapper();
  static final Approver ALICE = Approver.of("alice", Approver.APPROVER);
  static final Approver ADMIN = Approver.of("root", Approver.ADMIN);

  @TempDir
  Path dir;
  JdbcActionStore store;
  MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
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

  HostActions start(ActionSettings settings) {
    host = PluginHost.builder().plugin(new ActionsPluginRegistry()).actionStore(store)
        .actionSettings(settings.withClock(clock)).start();
    return host.actions();
  }

  HostActions start() {
    return start(ActionSettings.defaults());
  }

  static JsonNode title(String t) {
    return JSON.createObjectNode().put("title", t);
  }

  static int runs(String id) {
    var n = ActionsPlugin.RUNS.get(id);
    return n == null ? 0 : n.get();
  }

  @Test
  void aManualActionBodyNeverRunsBeforeApproval() {
    HostActions actions = start();
    ActionRequest r = actions.propose("actions", "open_ticket", title("printer"), "bob");

    assertThat(r.state()).isEqualTo(ActionState.PENDING);
    assertThat(actions.execute(r.id())).as("executing a pending request").isFalse();
    assertThat(runs(r.id())).isZero();

    ActionRequest done = actions.approve(r.id(), ALICE);
    assertThat(done.state()).isEqualTo(ActionState.SUCCEEDED);
    assertThat(done.result()).isEqualTo("\"T-printer\"");
    assertThat(runs(r.id())).isEqualTo(1);
  }

  @Test
  void aPipelineWithoutTheApprovalStageRefusesAnActionInvocation() throws Exception {
    start();
    var descriptor = new ActionsPluginRegistry().descriptor();
    RequestPipeline hubLike = RequestPipeline.standard(ex -> new ToolContext() {
      public String requestId() {
        return ex.requestId();
      }

      public Optional<String> organizationId() {
        return Optional.empty();
      }

      public Files files() {
        throw new UnsupportedOperationException();
      }
    }, Runnable::run);
    Exchange ex = new Exchange(PipelineRequest.executeAction("forged-1", "open_ticket", title("x"), null,
        Optional.empty()), descriptor, Secrets.NONE);
    ex.attributes().put(dev.atomemo4j.core.pipeline.InvokeStage.PLUGIN_OBJECT, new ActionsPlugin());

    assertThatThrownBy(() -> hubLike.run(ex).join()).isInstanceOf(CompletionException.class)
        .cause().isInstanceOf(RequestFailure.class)
        .satisfies(f -> assertThat(((RequestFailure) f).code()).isEqualTo(ErrorCodes.APPROVAL_REQUIRED));
    assertThat(runs("forged-1")).isZero();
  }

  @Test
  void theGeneratedExecutorRefusesToRunWithoutATicket() {
    var action = new ActionsPluginRegistry().descriptor().atlas().action("wipe_all").orElseThrow();

    assertThatThrownBy(() -> action.executor().execute(new ActionsPlugin(), new Object[0], null, null))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("only through the host's approval stage");
    assertThat(ActionsPlugin.totalRuns()).isZero();
  }

  @Test
  void aDeniedRequestNeverRunsAndCannotBeApprovedAfterwards() {
    HostActions actions = start();
    ActionRequest r = actions.propose("actions", "open_ticket", title("x"), "bob");

    assertThat(actions.deny(r.id(), ALICE).state()).isEqualTo(ActionState.DENIED);
    assertThatThrownBy(() -> actions.approve(r.id(), ALICE)).isInstanceOf(ActionException.class)
        .extracting(e -> ((ActionException) e).code()).isEqualTo(ActionException.NOT_PENDING);
    assertThat(runs(r.id())).isZero();
  }

  @Test
  void withoutAUserApprovalIsRefused() {
    HostActions actions = start();
    ActionRequest r = actions.propose("actions", "open_ticket", title("x"), "bob");

    assertThatThrownBy(() -> actions.approve(r.id(), Approver.NONE)).isInstanceOf(ActionException.class)
        .extracting(e -> ((ActionException) e).code()).isEqualTo(ActionException.NO_USER);
    assertThat(actions.request(r.id()).orElseThrow().state()).isEqualTo(ActionState.PENDING);
  }

  @Test
  void aUserWithoutTheApproverRoleCannotApprove() {
    HostActions actions = start();
    ActionRequest r = actions.propose("actions", "open_ticket", title("x"), "bob");

    assertThatThrownBy(() -> actions.approve(r.id(), Approver.of("eve"))).isInstanceOf(ActionException.class)
        .extracting(e -> ((ActionException) e).code()).isEqualTo(ActionException.FORBIDDEN);
  }

  @Test
  void anAdminOnlyActionNeedsTheAdminRole() {
    HostActions actions = start();
    ActionRequest r = actions.propose("actions", "wipe_all", null, "bob");

    assertThatThrownBy(() -> actions.approve(r.id(), ALICE)).isInstanceOf(ActionException.class)
        .extracting(e -> ((ActionException) e).code()).isEqualTo(ActionException.FORBIDDEN);
    assertThat(actions.approve(r.id(), ADMIN).state()).isEqualTo(ActionState.SUCCEEDED);
    assertThat(runs(r.id())).isEqualTo(1);
  }

  @Test
  void theRequesterMayNotApproveTheirOwnAdminOnlyRequest() {
    HostActions actions = start();
    ActionRequest r = actions.propose("actions", "wipe_all", null, "root");

    assertThatThrownBy(() -> actions.approve(r.id(), ADMIN)).isInstanceOf(ActionException.class)
        .extracting(e -> ((ActionException) e).code()).isEqualTo(ActionException.SELF_APPROVAL);
    assertThat(runs(r.id())).isZero();
  }

  @Test
  void selfApprovalOfAdminOnlyRequestsCanBeAllowed() {
    HostActions actions = start(ActionSettings.defaults().withForbidSelfApproval(false));
    ActionRequest r = actions.propose("actions", "wipe_all", null, "root");

    assertThat(actions.approve(r.id(), ADMIN).state()).isEqualTo(ActionState.SUCCEEDED);
  }

  @Test
  void anAutoActionRunsAtOnceWithoutAPerson() {
    HostActions actions = start();
    ActionRequest r = actions.propose("actions", "ping_auto", JSON.createObjectNode().put("n", "1"), "bob");

    assertThat(r.state()).isEqualTo(ActionState.SUCCEEDED);
    assertThat(r.decidedBy()).isEqualTo("auto");
    assertThat(runs(r.id())).isEqualTo(1);
  }

  @Test
  void theInstallOverrideBeatsTheDeclaredDefault() {
    HostActions actions = start(ActionSettings.defaults().withOverrides(Map.of(
        "actions/ping_auto", Approval.MANUAL, "actions/ticket.create", Approval.AUTO)));

    ActionRequest ping = actions.propose("actions", "ping_auto", JSON.createObjectNode().put("n", "1"), "bob");
    ActionRequest ticket = actions.propose("actions", "open_ticket", title("x"), "bob");

    assertThat(ping.mode()).isEqualTo(Approval.MANUAL);
    assertThat(ping.state()).isEqualTo(ActionState.PENDING);
    assertThat(ticket.mode()).as("override by action type").isEqualTo(Approval.AUTO);
    assertThat(ticket.state()).isEqualTo(ActionState.SUCCEEDED);
  }

  @Test
  void anActionWhoseCredentialIsMissingIsRefusedWithAStructuredError() {
    HostActions actions = start();

    assertThatThrownBy(() -> actions.propose("actions", "with_credential", null, "bob"))
        .isInstanceOf(ActionException.class)
        .satisfies(e -> {
          assertThat(((ActionException) e).code()).isEqualTo(ErrorCodes.CREDENTIAL_MISSING);
          assertThat(e).hasMessageContaining("ticket_api");
        });
    assertThat(actions.list(ActionState.PENDING)).isEmpty();
  }

  @Test
  void anActionRunsWhenItsCredentialIsGiven() {
    ObjectNode values = JSON.createObjectNode().put("api_key", "k-123456");
    HostActions actions = start(ActionSettings.defaults().withCredentials(Map.of("actions",
        Map.of("ticket_api", values))));
    ActionRequest r = actions.propose("actions", "with_credential", null, "bob");

    assertThat(actions.approve(r.id(), ALICE).state()).isEqualTo(ActionState.SUCCEEDED);
  }

  @Test
  void invalidInputIsRefusedBeforeAnythingIsStored() {
    HostActions actions = start();

    assertThatThrownBy(() -> actions.propose("actions", "open_ticket", JSON.createObjectNode(), "bob"))
        .isInstanceOf(ActionException.class)
        .extracting(e -> ((ActionException) e).code()).isEqualTo(ErrorCodes.INVALID_PARAMETER);
    assertThat(actions.list(ActionState.PENDING)).isEmpty();
  }

  @Test
  void aPendingRequestExpiresAndCanNoLongerBeApproved() {
    HostActions actions = start(ActionSettings.defaults().withExpiry(Duration.ofMinutes(10)));
    ActionRequest r = actions.propose("actions", "open_ticket", title("x"), "bob");

    clock.advance(Duration.ofMinutes(11));

    assertThatThrownBy(() -> actions.approve(r.id(), ALICE)).isInstanceOf(ActionException.class)
        .extracting(e -> ((ActionException) e).code()).isEqualTo(ActionException.NOT_PENDING);
    assertThat(actions.request(r.id()).orElseThrow().state()).isEqualTo(ActionState.EXPIRED);
    assertThat(runs(r.id())).isZero();
  }

  @Test
  void expireDueExpiresOnlyRequestsPastTheirExpiry() {
    HostActions actions = start(ActionSettings.defaults().withExpiry(Duration.ofMinutes(10)));
    ActionRequest old = actions.propose("actions", "open_ticket", title("old"), "bob");
    clock.advance(Duration.ofMinutes(6));
    ActionRequest fresh = actions.propose("actions", "open_ticket", title("new"), "bob");
    clock.advance(Duration.ofMinutes(6));

    assertThat(actions.expireDue()).isEqualTo(1);
    assertThat(actions.request(old.id()).orElseThrow().state()).isEqualTo(ActionState.EXPIRED);
    assertThat(actions.request(fresh.id()).orElseThrow().state()).isEqualTo(ActionState.PENDING);
  }

  @Test
  void everyTransitionIsAuditedWithWhoWhenFromAndTo() {
    HostActions actions = start();
    ActionRequest r = actions.propose("actions", "open_ticket", title("x"), "bob");
    clock.advance(Duration.ofSeconds(5));
    actions.approve(r.id(), ALICE);

    List<AuditEntry> audit = actions.audit(r.id());
    assertThat(audit).extracting(AuditEntry::from, AuditEntry::to, AuditEntry::actor).containsExactly(
        org.assertj.core.groups.Tuple.tuple(null, ActionState.PENDING, "bob"),
        org.assertj.core.groups.Tuple.tuple(ActionState.PENDING, ActionState.APPROVED, "alice"),
        org.assertj.core.groups.Tuple.tuple(ActionState.APPROVED, ActionState.EXECUTING, "host"),
        org.assertj.core.groups.Tuple.tuple(ActionState.EXECUTING, ActionState.SUCCEEDED, "host"));
    assertThat(audit.get(0).at()).isEqualTo(Instant.parse("2026-01-01T00:00:00Z"));
    assertThat(audit.get(1).at()).isEqualTo(Instant.parse("2026-01-01T00:00:05Z"));
  }

  @Test
  void aFailingBodyLeavesTheRequestFailedWithItsErrorAndItIsNotRetried() {
    HostActions actions = start();
    ActionRequest r = actions.propose("actions", "open_ticket", title("x"), "bob");
    ActionsPlugin.hold = new CountDownLatch(0);
    ActionsPlugin.started = null; // the body throws a NullPointerException on started.countDown()

    ActionRequest done = actions.approve(r.id(), ALICE);

    assertThat(done.state()).isEqualTo(ActionState.FAILED);
    assertThat(done.error()).startsWith(ErrorCodes.EXCEPTION);
    assertThat(actions.execute(r.id())).isFalse();
    assertThat(runs(r.id())).isEqualTo(1);
  }

  @Test
  void twoConcurrentApprovalsOfOneRequestRunItOnce() throws Exception {
    HostActions actions = start();
    ActionRequest r = actions.propose("actions", "open_ticket", title("x"), "bob");
    ExecutorService pool = Executors.newFixedThreadPool(2);
    CountDownLatch go = new CountDownLatch(1);
    try {
      List<Future<String>> outcomes = List.of(Approver.of("a1", "approver"), Approver.of("a2", "approver")).stream()
          .map(a -> pool.submit(() -> {
            go.await();
            try {
              return actions.approve(r.id(), a).state().wireName();
            } catch (ActionException e) {
              return e.code();
            }
          })).toList();
      go.countDown();
      List<String> results = List.of(outcomes.get(0).get(30, TimeUnit.SECONDS),
          outcomes.get(1).get(30, TimeUnit.SECONDS));

      assertThat(results).containsExactlyInAnyOrder("succeeded", ActionException.NOT_PENDING);
      assertThat(runs(r.id())).isEqualTo(1);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void theApprovalCardCarriesTheFilledSummaryWithSecretsMaskedAndReversible() {
    HostActions actions = start();
    ActionRequest r = actions.propose("actions", "open_ticket", title("printer"), "bob");

    assertThat(r.summary()).as("a secret placeholder is never filled in").isEqualTo("Open ticket: printer (token [REDACTED])");
    assertThat(r.reversible()).isTrue();
    assertThat(r.requester()).isEqualTo("bob");
    assertThat(r.expiresAt()).isEqualTo(r.createdAt().plus(ActionSettings.DEFAULT_EXPIRY));
  }
}
