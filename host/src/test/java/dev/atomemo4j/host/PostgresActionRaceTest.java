package dev.atomemo4j.host;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.atomemo4j.core.actions.ActionState;
import dev.atomemo4j.host.actions.ActionException;
import dev.atomemo4j.host.actions.ActionSettings;
import dev.atomemo4j.host.actions.Approver;
import dev.atomemo4j.host.actions.AuditEntry;
import dev.atomemo4j.host.actions.JdbcActionStore;
import dev.atomemo4j.host.testplugins.ActionsPlugin;
import dev.atomemo4j.host.testplugins.ActionsPluginRegistry;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Two hosts on one real PostgreSQL ({@code .ci/postgres.sh} starts Debian's server; its URL comes in
 * {@code ATOMEMO4J_TEST_POSTGRES_URL} or the system property {@code atomemo4j.test.postgres.url}). Skipped, with
 * the reason, only when no URL is given and not on CI ({@code CI} set): there a missing database fails the test.
 */
class PostgresActionRaceTest {
  static final ObjectMapper JSON = new ObjectMapper();

  String url;
  String base;
  String schema;

  @BeforeEach
  void database() throws Exception {
    base = System.getProperty("atomemo4j.test.postgres.url", System.getenv("ATOMEMO4J_TEST_POSTGRES_URL"));
    if (base == null || base.isBlank()) {
      if (System.getenv("CI") != null) {
        throw new IllegalStateException("CI must run the PostgreSQL tests: run eval \"$(.ci/postgres.sh)\" first");
      }
      Assumptions.abort("no PostgreSQL: set ATOMEMO4J_TEST_POSTGRES_URL (eval \"$(.ci/postgres.sh)\" starts one)");
    }
    // A schema of its own per test, so runs never see each other's requests.
    schema = "race_" + UUID.randomUUID().toString().replace("-", "");
    try (Connection c = DriverManager.getConnection(base); Statement s = c.createStatement()) {
      s.execute("CREATE SCHEMA " + schema);
    }
    url = base + (base.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    ActionsPlugin.reset();
  }

  @org.junit.jupiter.api.AfterEach
  void dropSchema() throws Exception {
    if (schema != null) {
      try (Connection c = DriverManager.getConnection(base); Statement s = c.createStatement()) {
        s.execute("DROP SCHEMA " + schema + " CASCADE");
      }
    }
  }

  @Test
  void twoHostsRacingToApproveAndExecuteTheSameRequestsRunEachExactlyOnce() throws Exception {
    byte[] sharedKey = new byte[32];
    new java.security.SecureRandom().nextBytes(sharedKey);
    try (JdbcActionStore storeA = JdbcActionStore.open(url);
        JdbcActionStore storeB = JdbcActionStore.open(url);
        PluginHost a = PluginHost.builder().plugin(new ActionsPluginRegistry()).actionStore(storeA)
            .actionSettings(ActionSettings.defaults().withHostId("a").withSecretKey(sharedKey)).start();
        PluginHost b = PluginHost.builder().plugin(new ActionsPluginRegistry()).actionStore(storeB)
            .actionSettings(ActionSettings.defaults().withHostId("b").withSecretKey(sharedKey)).start()) {
      List<String> ids = new ArrayList<>();
      for (int i = 0; i < 200; i++) {
        PluginHost proposer = i % 2 == 0 ? a : b;
        ids.add(proposer.actions().propose("actions", "open_ticket", JSON.createObjectNode().put("title", "t" + i)
            .put("token", "tok-" + i), "bob").id());
      }
      ExecutorService pool = Executors.newFixedThreadPool(8);
      List<Future<?>> work = new ArrayList<>();
      try {
        for (String id : ids) {
          CountDownLatch go = new CountDownLatch(1);
          for (PluginHost h : List.of(a, b)) {
            work.add(pool.submit(() -> {
              go.await();
              try {
                h.actions().approve(id, Approver.of("approver-" + h.hashCode(), Approver.APPROVER));
              } catch (ActionException lost) {
                // the other host approved it first
              }
              return h.actions().execute(id);
            }));
          }
          go.countDown();
        }
        for (Future<?> f : work) {
          f.get(2, TimeUnit.MINUTES);
        }
      } finally {
        pool.shutdownNow();
      }

      for (String id : ids) {
        assertThat(ActionsPlugin.RUNS.get(id)).as(id).hasValue(1);
        assertThat(a.actions().request(id).orElseThrow().state()).as(id).isEqualTo(ActionState.SUCCEEDED);
        List<AuditEntry> audit = b.actions().audit(id);
        assertThat(audit.stream().filter(e -> e.to() == ActionState.APPROVED)).as(id).hasSize(1);
        assertThat(audit.stream().filter(e -> e.to() == ActionState.EXECUTING)).as(id).hasSize(1);
        assertThat(ActionsPlugin.TOKENS.get(id)).as("the unsealed secret on either host").startsWith("tok-");
      }
      assertThat(ActionsPlugin.totalRuns()).isEqualTo(ids.size());
    }
  }

  @Test
  void theSchemaIsCreatedOnceAndReopeningItKeepsTheRequests() {
    String id;
    try (JdbcActionStore first = JdbcActionStore.open(url);
        PluginHost host = PluginHost.builder().plugin(new ActionsPluginRegistry()).actionStore(first).start()) {
      id = host.actions().propose("actions", "open_ticket", JSON.createObjectNode().put("title", "x"), "bob").id();
    }
    try (JdbcActionStore again = JdbcActionStore.open(url)) {
      assertThat(again.find(id).orElseThrow().state()).isEqualTo(ActionState.PENDING);
    }
  }
}
