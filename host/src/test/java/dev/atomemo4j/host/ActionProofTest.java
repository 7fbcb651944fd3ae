package dev.atomemo4j.host;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.atomemo4j.core.actions.ActionState;
import dev.atomemo4j.host.actions.ActionException;
import dev.atomemo4j.host.actions.ActionRequest;
import dev.atomemo4j.host.actions.ActionSettings;
import dev.atomemo4j.host.actions.Approver;
import dev.atomemo4j.host.actions.AuditEntry;
import dev.atomemo4j.host.actions.HostActions;
import dev.atomemo4j.host.actions.JdbcActionStore;
import dev.atomemo4j.host.actions.StoreDump;
import dev.atomemo4j.host.testplugins.ActionsPlugin;
import dev.atomemo4j.host.testplugins.ActionsPluginRegistry;
import dev.atomemo4j.host.testsupport.MutableClock;
import dev.atomemo4j.host.testsupport.RecordingLogs;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The proof: exactly-once under random decisions and races, restart semantics, masked secrets. */
class ActionProofTest {
  static final ObjectMapper JSON = new ObjectMapper();
  static final String MARKER = "MARKER-s3cr3t-9f27c1";

  @TempDir
  Path dir;

  @BeforeEach
  void reset() {
    ActionsPlugin.reset();
  }

  static int runs(String id) {
    var n = ActionsPlugin.RUNS.get(id);
    return n == null ? 0 : n.get();
  }

  private enum Decision { APPROVE, DOUBLE_APPROVE, DENY, APPROVE_AND_DENY, EXPIRE }

  @Test
  void underRandomDecisionsAndRacesExecutionsEqualApprovalsAndEachApprovedRequestRunsOnce() throws Exception {
    long seed = System.nanoTime();
    Random random = new Random(seed);
    MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
    try (JdbcActionStore store = JdbcActionStore.h2File(dir.resolve("random"));
        PluginHost host = PluginHost.builder().plugin(new ActionsPluginRegistry()).actionStore(store)
            .actionSettings(ActionSettings.defaults().withClock(clock).withExpiry(Duration.ofHours(1))).start()) {
      HostActions actions = host.actions();
      int n = 1_000;
      Map<String, Decision> plan = new ConcurrentHashMap<>();
      // The ones to expire are proposed first; the clock then moves so that only they pass their expiry.
      List<Decision> decisions = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        decisions.add(Decision.values()[random.nextInt(Decision.values().length)]);
      }
      decisions.sort((a, b) -> Boolean.compare(b == Decision.EXPIRE, a == Decision.EXPIRE));
      for (Decision d : decisions) {
        if (d != Decision.EXPIRE && clock.instant().equals(Instant.parse("2026-01-01T00:00:00Z"))) {
          clock.advance(Duration.ofMinutes(30));
        }
        ActionRequest r = actions.propose("actions", "open_ticket", JSON.createObjectNode().put("title", "t"),
            "requester");
        plan.put(r.id(), d);
      }
      clock.advance(Duration.ofMinutes(31)); // the first batch is now 61 minutes old, the rest 31
      assertThat(actions.expireDue()).isEqualTo(plan.values().stream().filter(d -> d == Decision.EXPIRE).count());

      ExecutorService pool = Executors.newFixedThreadPool(6);
      List<Future<?>> work = new ArrayList<>();
      try {
        for (Map.Entry<String, Decision> e : plan.entrySet()) {
          String id = e.getKey();
          Approver a = Approver.of("approver-" + random.nextInt(3), Approver.APPROVER);
          Approver b = Approver.of("approver-" + (3 + random.nextInt(3)), Approver.APPROVER);
          switch (e.getValue()) {
            case APPROVE -> work.add(pool.submit(() -> attempt(() -> actions.approve(id, a))));
            case DOUBLE_APPROVE -> {
              work.add(pool.submit(() -> attempt(() -> actions.approve(id, a))));
              work.add(pool.submit(() -> attempt(() -> actions.approve(id, b))));
              work.add(pool.submit(() -> attempt(() -> actions.execute(id))));
            }
            case DENY -> work.add(pool.submit(() -> attempt(() -> actions.deny(id, a))));
            case APPROVE_AND_DENY -> {
              work.add(pool.submit(() -> attempt(() -> actions.approve(id, a))));
              work.add(pool.submit(() -> attempt(() -> actions.deny(id, b))));
            }
            case EXPIRE -> work.add(pool.submit(() -> attempt(() -> actions.approve(id, a))));
          }
        }
        for (Future<?> f : work) {
          f.get(2, TimeUnit.MINUTES);
        }
      } finally {
        pool.shutdownNow();
      }

      long approvals = 0;
      for (Map.Entry<String, Decision> e : plan.entrySet()) {
        String id = e.getKey();
        List<AuditEntry> audit = actions.audit(id);
        boolean approved = audit.stream().anyMatch(x -> x.to() == ActionState.APPROVED);
        ActionState state = actions.request(id).orElseThrow().state();
        String why = "seed " + seed + ", request " + id + " (" + e.getValue() + ")";
        if (approved) {
          approvals++;
          assertThat(runs(id)).as(why).isEqualTo(1);
          assertThat(state).as(why).isEqualTo(ActionState.SUCCEEDED);
        } else {
          assertThat(runs(id)).as(why).isZero();
          assertThat(state).as(why).isIn(ActionState.DENIED, ActionState.EXPIRED);
        }
        assertThat(audit.stream().filter(x -> x.to() == ActionState.APPROVED).count()).as(why).isLessThanOrEqualTo(1);
        if (e.getValue() == Decision.EXPIRE) {
          assertThat(state).as(why).isEqualTo(ActionState.EXPIRED);
        }
      }
      assertThat((long) ActionsPlugin.totalRuns()).as("seed " + seed).isEqualTo(approvals);
      assertThat(plan.values().stream().collect(Collectors.groupingBy(d -> d, Collectors.counting())))
          .as("every kind of decision was exercised (seed " + seed + ")").hasSize(Decision.values().length);
    }
  }

  private static void attempt(Runnable call) {
    try {
      call.run();
    } catch (ActionException refused) {
      // a lost race or a refused decision: what the assertions then check
    }
  }

  @Test
  void pendingRequestsSurviveARestartAndRunOnceWhenApprovedAfterIt() {
    Path db = dir.resolve("restart");
    String id;
    try (JdbcActionStore store = JdbcActionStore.h2File(db);
        PluginHost first = PluginHost.builder().plugin(new ActionsPluginRegistry()).actionStore(store).start()) {
      id = first.actions().propose("actions", "open_ticket", JSON.createObjectNode().put("title", "t"), "bob").id();
    }
    try (JdbcActionStore store = JdbcActionStore.h2File(db);
        PluginHost second = PluginHost.builder().plugin(new ActionsPluginRegistry()).actionStore(store).start()) {
      assertThat(second.actions().request(id).orElseThrow().state()).isEqualTo(ActionState.PENDING);

      assertThat(second.actions().approve(id, Approver.of("alice", Approver.APPROVER)).state())
          .isEqualTo(ActionState.SUCCEEDED);
      assertThat(runs(id)).isEqualTo(1);
    }
  }

  @Test
  void aRequestCaughtExecutingIsInterruptedAfterARestartAndNeverRerun() throws Exception {
    Path db = dir.resolve("interrupted");
    byte[] key = new byte[32];
    ActionSettings settings = ActionSettings.defaults().withHostId("host-1").withSecretKey(key);
    JdbcActionStore firstStore = JdbcActionStore.h2File(db);
    PluginHost first = PluginHost.builder().plugin(new ActionsPluginRegistry()).actionStore(firstStore)
        .actionSettings(settings).start();
    String id = first.actions().propose("actions", "open_ticket", JSON.createObjectNode().put("title", "t"), "bob")
        .id();
    ActionsPlugin.hold = new CountDownLatch(1);
    ActionsPlugin.started = new CountDownLatch(1);
    ExecutorService approver = Executors.newSingleThreadExecutor();
    Future<?> approval = approver.submit(() -> first.actions().approve(id, Approver.of("alice", "approver")));
    try {
      assertThat(ActionsPlugin.started.await(30, TimeUnit.SECONDS)).as("the body started").isTrue();

      // The host "dies" mid-execution; the same host id comes back on the same database.
      try (JdbcActionStore store = JdbcActionStore.h2File(db);
          PluginHost second = PluginHost.builder().plugin(new ActionsPluginRegistry()).actionStore(store)
              .actionSettings(settings).start()) {
        ActionRequest after = second.actions().request(id).orElseThrow();
        assertThat(after.state()).isEqualTo(ActionState.INTERRUPTED);
        assertThat(after.error()).startsWith("action:interrupted");
        assertThat(second.actions().execute(id)).as("an interrupted request is not re-run").isFalse();
        assertThat(second.actions().audit(id)).extracting(AuditEntry::to).endsWith(ActionState.EXECUTING,
            ActionState.INTERRUPTED);
      }
      ActionsPlugin.hold.countDown();
      approval.get(30, TimeUnit.SECONDS);
      assertThat(runs(id)).isEqualTo(1);
    } finally {
      ActionsPlugin.hold.countDown();
      approver.shutdownNow();
      first.close();
      firstStore.close();
    }
    try (JdbcActionStore store = JdbcActionStore.h2File(db)) {
      assertThat(store.find(id).orElseThrow().state()).as("the late finish does not overwrite interrupted")
          .isEqualTo(ActionState.INTERRUPTED);
    }
  }

  @Test
  void aSecretInputIsMaskedInTheStoredRequestTheAuditTheApiAndTheLogsButReachesTheBody() throws Exception {
    try (JdbcActionStore store = JdbcActionStore.h2File(dir.resolve("secrets"));
        PluginHost host = PluginHost.builder().plugin(new ActionsPluginRegistry()).actionStore(store).start()) {
      HostActions actions = host.actions();
      ActionRequest r = actions.propose("actions", "open_ticket",
          JSON.createObjectNode().put("title", "printer").put("token", MARKER), "bob");
      ActionRequest done = actions.approve(r.id(), Approver.of("alice", Approver.APPROVER));

      assertThat(ActionsPlugin.TOKENS.get(r.id())).as("the body got the real value").isEqualTo(MARKER);
      assertThat(done.state()).isEqualTo(ActionState.SUCCEEDED);
      assertThat(done.input()).contains("\"token\":\"[REDACTED]\"").doesNotContain(MARKER);
      assertThat(done.summary()).doesNotContain(MARKER);
      assertThat(done.toString()).doesNotContain(MARKER);
      assertThat(actions.list(ActionState.SUCCEEDED).toString()).doesNotContain(MARKER);
      assertThat(actions.audit(r.id()).toString()).doesNotContain(MARKER);
      assertThat(String.join("\n", StoreDump.of(store))).doesNotContain(MARKER);
      assertThat(RecordingLogs.all()).contains(r.id()).doesNotContain(MARKER);
    }
  }

  @Test
  void aSecretInsideARecordInputIsMaskedEverywhereItIsStoredButReachesTheBody() throws Exception {
    try (JdbcActionStore store = JdbcActionStore.h2File(dir.resolve("nested-secrets"));
        PluginHost host = PluginHost.builder().plugin(new ActionsPluginRegistry()).actionStore(store).start()) {
      HostActions actions = host.actions();
      var input = JSON.createObjectNode();
      input.putObject("account").put("user", "ada").put("password", MARKER);
      ActionRequest r = actions.propose("actions", "log_in", input, "bob");
      ActionRequest done = actions.approve(r.id(), Approver.of("alice", Approver.APPROVER));

      assertThat(done.state()).isEqualTo(ActionState.SUCCEEDED);
      assertThat(ActionsPlugin.TOKENS.get(r.id())).as("the body got the real value").isEqualTo(MARKER);
      assertThat(done.input()).contains("\"user\":\"ada\"").contains("\"password\":\"[REDACTED]\"")
          .doesNotContain(MARKER);
      assertThat(done.summary()).as("a placeholder naming a record that holds a secret").doesNotContain(MARKER);
      assertThat(actions.audit(r.id()).toString()).doesNotContain(MARKER);
      assertThat(String.join("\n", StoreDump.of(store))).doesNotContain(MARKER);
      assertThat(RecordingLogs.all()).contains(r.id()).doesNotContain(MARKER);
    }
  }

  @Test
  void aRequestWhoseSecretsWereSealedWithAnotherKeyFailsWithoutRunningTheBody() {
    Path db = dir.resolve("keys");
    String id;
    try (JdbcActionStore store = JdbcActionStore.h2File(db);
        PluginHost first = PluginHost.builder().plugin(new ActionsPluginRegistry()).actionStore(store)
            .actionSettings(ActionSettings.defaults().withSecretKey(new byte[32])).start()) {
      id = first.actions().propose("actions", "open_ticket",
          JSON.createObjectNode().put("title", "t").put("token", MARKER), "bob").id();
    }
    byte[] otherKey = new byte[32];
    otherKey[0] = 1;
    try (JdbcActionStore store = JdbcActionStore.h2File(db);
        PluginHost second = PluginHost.builder().plugin(new ActionsPluginRegistry()).actionStore(store)
            .actionSettings(ActionSettings.defaults().withSecretKey(otherKey)).start()) {
      ActionRequest after = second.actions().approve(id, Approver.of("alice", Approver.APPROVER));

      assertThat(after.state()).isEqualTo(ActionState.FAILED);
      assertThat(after.error()).startsWith("action:unsealable").doesNotContain(MARKER);
      assertThat(runs(id)).isZero();
      assertThat(second.actions().execute(id)).isFalse();
    }
  }
}
