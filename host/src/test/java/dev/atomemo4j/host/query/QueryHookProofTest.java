package dev.atomemo4j.host.query;

import static dev.atomemo4j.host.testplugins.DatasourcePlugins.plugin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.atomemo4j.annotations.HookPoint;
import dev.atomemo4j.annotations.ParserDialect;
import dev.atomemo4j.host.PluginHost;
import dev.atomemo4j.runtime.hooks.QueryEvent;
import dev.atomemo4j.runtime.hooks.QueryResultEvent;
import dev.atomemo4j.runtime.hooks.QueryRewrite;
import dev.atomemo4j.runtime.spi.PluginRegistry;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The query hooks on a real datasource (issue 14's proof, atlas-features.md §7): every rewrite validated again,
 * hooks chained in registration order, a throwing hook rejects with its message, an afterQuery failure never
 * changes the result.
 */
class QueryHookProofTest {
  private ShopDatabase db;

  @BeforeEach
  void database() throws Exception {
    db = new ShopDatabase();
  }

  @AfterEach
  void close() throws Exception {
    db.close();
  }

  private PluginRegistry shop() {
    return plugin("shop").datasource(ParserDialect.H2, ShopDatabase.ENTITIES, p -> db.connect()).registry();
  }

  private PluginHost host(PluginRegistry... hookPlugins) {
    PluginHost.Builder b = PluginHost.builder().plugin(shop());
    for (PluginRegistry r : hookPlugins) {
      b.plugin(r);
    }
    return b.start();
  }

  @Test
  void aBeforeQueryRewriteToAWriteIsRejectedByRevalidationAndNothingIsWritten() throws Exception {
    try (PluginHost host = host(plugin("evil").hook(HookPoint.BEFORE_QUERY, "rewrite",
        (p, e, ctx) -> QueryRewrite.to("DELETE FROM customers")).registry())) {
      assertThatThrownBy(() -> host.query("shop", "SELECT id FROM customers"))
          .isInstanceOfSatisfying(QueryException.class, e -> assertThat(e.code()).isEqualTo(QueryRejectedException.FORBIDDEN_PATTERN));
    }
    assertThat(db.count("customers")).isEqualTo(4);
  }

  @Test
  void aRewriteToATableOutsideTheEntitiesIsRefusedByTheWhitelist() {
    try (PluginHost host = host(plugin("snoop").hook(HookPoint.BEFORE_QUERY, "rewrite",
        (p, e, ctx) -> QueryRewrite.to("SELECT amount FROM salaries")).registry())) {
      assertThatThrownBy(() -> host.query("shop", "SELECT id FROM customers"))
          .isInstanceOfSatisfying(QueryException.class,
              e -> assertThat(e.code()).isEqualTo("query:table_not_allowed"));
    }
  }

  @Test
  void aRewriteThatDropsTheLimitGetsItBackFromRevalidation() {
    try (PluginHost host = PluginHost.builder().querySettings(QuerySettings.defaults().withRowLimit(2))
        .plugin(shop())
        .plugin(plugin("unlimit").hook(HookPoint.BEFORE_QUERY, "rewrite",
            (p, e, ctx) -> QueryRewrite.to("SELECT id FROM customers ORDER BY id")).registry())
        .start()) {
      QueryAnswer a = host.query("shop", "SELECT id FROM customers");

      assertThat(a.result().rows()).hasSize(2);
      assertThat(a.metadata()).containsEntry("rewritten", true).containsEntry("rowLimit", 2);
    }
  }

  @Test
  void beforeQueryHooksChainInRegistrationOrderEachSeeingThePreviousRewrite() {
    List<String> seen = new CopyOnWriteArrayList<>();
    PluginRegistry first = plugin("first").hook(HookPoint.BEFORE_QUERY, "narrow", (p, e, ctx) -> {
      seen.add("first: " + ((QueryEvent) e).sql());
      return QueryRewrite.to("SELECT id FROM customers WHERE id > 2");
    }).registry();
    PluginRegistry second = plugin("second").hook(HookPoint.BEFORE_QUERY, "order", (p, e, ctx) -> {
      String sql = ((QueryEvent) e).sql();
      seen.add("second: " + sql);
      return QueryRewrite.to(sql.replaceFirst("(?i) LIMIT", " ORDER BY id DESC LIMIT"));
    }).registry();
    try (PluginHost host = host(first, second)) {
      QueryAnswer a = host.query("shop", "SELECT id FROM customers");

      assertThat(a.result().rows()).containsExactly(List.of(4), List.of(3));
      assertThat(seen).hasSize(2);
      assertThat(seen.get(0)).startsWith("first: SELECT id FROM customers");
      assertThat(seen.get(1)).startsWith("second: SELECT id FROM customers WHERE id > 2");
    }
  }

  @Test
  void aThrowingBeforeQueryHookRejectsWithItsMessage() {
    try (PluginHost host = host(plugin("policy").hook(HookPoint.BEFORE_QUERY, "check", (p, e, ctx) -> {
      throw new IllegalArgumentException("no queries on Fridays");
    }).registry())) {
      assertThatThrownBy(() -> host.query("shop", "SELECT id FROM customers"))
          .isInstanceOfSatisfying(QueryException.class, e -> {
            assertThat(e.code()).isEqualTo("host:hook_rejected");
            assertThat(e.reason()).contains("Query rejected by plugin policy", "no queries on Fridays");
          });
    }
  }

  @Test
  void anAfterQueryFailureNeverChangesTheResult() throws Exception {
    CountDownLatch called = new CountDownLatch(1);
    List<QueryResultEvent> events = new CopyOnWriteArrayList<>();
    try (PluginHost host = host(plugin("broken").hook(HookPoint.AFTER_QUERY, "observe", (p, e, ctx) -> {
      events.add((QueryResultEvent) e);
      called.countDown();
      throw new IllegalStateException("metrics backend down");
    }).registry())) {
      QueryAnswer a = host.query("shop", "SELECT id, name FROM customers WHERE id = 1");

      assertThat(a.result().rows()).containsExactly(List.of(1, "Ada"));
      assertThat(called.await(10, TimeUnit.SECONDS)).isTrue();
      assertThat(events.get(0).sql()).isEqualTo(a.sql());
      assertThat(events.get(0).result()).isEqualTo(a.result());
    }
  }

  @Test
  void aDisabledHookPluginTakesNoPart() {
    try (PluginHost host = host(plugin("evil").hook(HookPoint.BEFORE_QUERY, "rewrite",
        (p, e, ctx) -> QueryRewrite.to("DELETE FROM customers")).registry())) {
      host.disable("evil");

      assertThat(host.query("shop", "SELECT COUNT(*) FROM customers").result().rows())
          .containsExactly(List.of(4L));
    }
  }
}
