package dev.atomemo4j.host.query;

import static dev.atomemo4j.host.testplugins.DatasourcePlugins.plugin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.atomemo4j.annotations.ParserDialect;
import dev.atomemo4j.host.PluginHost;
import dev.atomemo4j.runtime.PluginStatus;
import dev.atomemo4j.runtime.datasource.QueryConnection;
import dev.atomemo4j.runtime.datasource.QueryResult;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The host's query path on a real H2 database through a real HikariCP pool. */
class DatasourceQueryTest {
  private ShopDatabase db;

  @BeforeEach
  void database() throws Exception {
    db = new ShopDatabase();
  }

  @AfterEach
  void close() throws Exception {
    db.close();
  }

  private PluginHost host(QuerySettings settings) {
    return PluginHost.builder().querySettings(settings)
        .plugin(plugin("shop").datasource(ParserDialect.H2, ShopDatabase.ENTITIES, p -> db.connect()).registry())
        .start();
  }

  private PluginHost host() {
    return host(QuerySettings.defaults());
  }

  @Test
  void aQueryIsAnsweredWithItsColumnsRowsAndTheSqlThatRan() {
    try (PluginHost host = host()) {
      QueryAnswer a = host.query("shop", "SELECT id, name FROM customers WHERE id < 3 ORDER BY id");

      assertThat(a.result().columns()).containsExactly("ID", "NAME");
      assertThat(a.result().rows()).containsExactly(List.of(1, "Ada"), List.of(2, "Grace"));
      assertThat(a.sql()).containsIgnoringCase("LIMIT 1000");
      assertThat(a.metadata()).containsEntry("rowLimit", 1000).containsEntry("validation", "sql")
          .containsEntry("rewritten", false);
    }
  }

  @Test
  void aTableOutsideTheEntitiesIsRefusedByTheWhitelist() {
    try (PluginHost host = host()) {
      assertThatThrownBy(() -> host.query("shop", "SELECT amount FROM salaries"))
          .isInstanceOfSatisfying(QueryException.class, e -> {
            assertThat(e.code()).isEqualTo("query:table_not_allowed");
            assertThat(e.reason()).contains("salaries");
          });
    }
  }

  @Test
  void anEntityWithoutATableKeyWhitelistsItsName() {
    try (PluginHost host = host()) {
      assertThat(host.query("shop", "SELECT COUNT(*) FROM orders").result().rows()).containsExactly(List.of(2L));
    }
  }

  @Test
  void aQueryWithoutLimitGetsTheHostsRowLimit() {
    try (PluginHost host = host(QuerySettings.defaults().withRowLimit(2))) {
      QueryAnswer a = host.query("shop", "SELECT id FROM customers ORDER BY id");

      assertThat(a.result().rows()).containsExactly(List.of(1), List.of(2));
      assertThat(a.metadata()).containsEntry("rowLimit", 2);
    }
  }

  @Test
  void aSmallerLimitOfTheQueryIsKept() {
    try (PluginHost host = host(QuerySettings.defaults().withRowLimit(3))) {
      QueryAnswer a = host.query("shop", "SELECT id FROM customers ORDER BY id LIMIT 1");

      assertThat(a.result().rows()).containsExactly(List.of(1));
      assertThat(a.metadata()).doesNotContainKey("rowLimit");
    }
  }

  @Test
  void aRepeatedQueryIsAnsweredAlikeAndARepeatedRefusalStaysARefusal() {
    try (PluginHost host = host()) {
      QueryAnswer first = host.query("shop", "SELECT id FROM customers ORDER BY id");
      QueryAnswer again = host.query("shop", "SELECT id FROM customers ORDER BY id");

      assertThat(again.sql()).isEqualTo(first.sql());
      assertThat(again.result()).isEqualTo(first.result());
      assertThat(again.metadata()).isEqualTo(first.metadata());
      for (int i = 0; i < 2; i++) {
        assertThatThrownBy(() -> host.query("shop", "SELECT amount FROM salaries"))
            .isInstanceOfSatisfying(QueryException.class,
                e -> assertThat(e.code()).isEqualTo("query:table_not_allowed"));
      }
    }
  }

  @Test
  void anEmptyQueryIsRefusedBeforeAnythingElse() {
    try (PluginHost host = host()) {
      assertThatThrownBy(() -> host.query("shop", "  \n ")).isInstanceOfSatisfying(QueryException.class,
          e -> assertThat(e.code()).isEqualTo(QueryException.EMPTY));
    }
  }

  @Test
  void aWriteIsRefusedAndTheTableIsUnchanged() throws Exception {
    try (PluginHost host = host()) {
      assertThatThrownBy(() -> host.query("shop", "DELETE FROM customers"))
          .isInstanceOfSatisfying(QueryException.class, e -> assertThat(e.code()).startsWith("query:"));
    }
    assertThat(db.count("customers")).isEqualTo(4);
  }

  @Test
  void anUnknownDatasourceIsAStructuredErrorListingTheKnownOnes() {
    try (PluginHost host = host()) {
      assertThatThrownBy(() -> host.query("nope", "SELECT 1")).isInstanceOfSatisfying(QueryException.class, e -> {
        assertThat(e.code()).isEqualTo(QueryException.UNKNOWN_DATASOURCE);
        assertThat(e.reason()).contains("shop");
      });
    }
  }

  @Test
  void aDisabledDatasourceAnswersAStructuredError() {
    try (PluginHost host = host()) {
      host.disable("shop");

      assertThatThrownBy(() -> host.query("shop", "SELECT id FROM customers"))
          .isInstanceOfSatisfying(QueryException.class, e -> assertThat(e.code()).isEqualTo(QueryException.DISABLED));
    }
  }

  @Test
  void theListNamesDbTypeDialectTextAndEntities() {
    try (PluginHost host = host()) {
      DatasourceInfo d = host.datasources().list().get(0);

      assertThat(d.id()).isEqualTo("shop");
      assertThat(d.dbType()).isEqualTo("h2");
      assertThat(d.dialect()).isEqualTo("Use H2 SQL.");
      assertThat(d.entities()).containsExactly("customers", "orders");
      assertThat(d.connected()).isTrue();
    }
  }

  @Test
  void aDatasourceWithoutHealthCheckIsProbedWithSelectOneThroughItsConnection() {
    List<String> ran = new CopyOnWriteArrayList<>();
    try (PluginHost host = PluginHost.builder()
        .plugin(plugin("shop").datasource(ParserDialect.H2, null, p -> recording(db.connect(), ran)).registry())
        .start()) {
      ran.clear();

      assertThat(host.probe("shop").healthy()).isTrue();
      assertThat(ran).containsExactly("SELECT 1");
    }
  }

  @Test
  void aFactoryThatFailsLeavesTheDatasourceUnconnectedAndItsProbeUnhealthy() {
    try (PluginHost host = PluginHost.builder()
        .plugin(plugin("shop").datasource(ParserDialect.H2, null, p -> {
          throw new IllegalStateException("database down");
        }).registry())
        .start()) {
      assertThat(host.probe("shop").message()).contains("not connected", "database down");
      assertThat(host.plugin("shop").status()).isEqualTo(PluginStatus.UNHEALTHY);
      assertThatThrownBy(() -> host.query("shop", "SELECT 1")).isInstanceOf(QueryException.class);
    }
  }

  @Test
  void entitiesWhoseYamlDoesNotParseLeaveTheDatasourceUnconnectedAndItsConnectionClosed() {
    List<String> closed = new CopyOnWriteArrayList<>();
    try (PluginHost host = PluginHost.builder()
        .plugin(plugin("shop").datasource(ParserDialect.H2,
            List.of(new dev.atomemo4j.runtime.datasource.Entity("customers", "table: [unclosed")), p -> {
              QueryConnection c = db.connect();
              return new QueryConnection() {
                @Override
                public QueryResult query(String sql, Duration timeout) throws Exception {
                  return c.query(sql, timeout);
                }

                @Override
                public void close() throws Exception {
                  closed.add("closed");
                  c.close();
                }
              };
            }).registry())
        .start()) {
      DatasourceInfo d = host.datasources().list().get(0);

      assertThat(d.connected()).isFalse();
      assertThat(d.problem()).contains("entity customers", "YAML");
      assertThat(closed).containsExactly("closed");
      assertThatThrownBy(() -> host.query("shop", "SELECT 1")).isInstanceOfSatisfying(QueryException.class,
          e -> assertThat(e.code()).isEqualTo(QueryException.NOT_CONNECTED));
    }
  }

  @Test
  void theConnectionIsClosedBeforeThePluginsOwnTeardown() {
    List<String> order = new CopyOnWriteArrayList<>();
    PluginHost host = PluginHost.builder()
        .plugin(plugin("shop").datasource(ParserDialect.H2, null, p -> {
          QueryConnection c = db.connect();
          return new QueryConnection() {
            @Override
            public QueryResult query(String sql, Duration timeout) throws Exception {
              return c.query(sql, timeout);
            }

            @Override
            public void close() throws Exception {
              order.add("connection closed");
              c.close();
            }
          };
        }).teardown(p -> order.add("plugin teardown")).registry())
        .start();

    host.close();

    assertThat(order).containsExactly("connection closed", "plugin teardown");
  }

  @Test
  void aQueryPastTheHostsTimeoutAnswersQueryTimeoutAndThePoolAnswersTheNextQuery() {
    String slow = "SELECT COUNT(*) FROM SYSTEM_RANGE(1, 100000) a, SYSTEM_RANGE(1, 100000) b";
    try (PluginHost host = PluginHost.builder().querySettings(QuerySettings.defaults()
            .withTimeout(Duration.ofMillis(500)))
        .plugin(plugin("shop").datasource(ParserDialect.H2, null, p -> db.connect()).registry())
        .start()) {
      assertThatThrownBy(() -> host.query("shop", slow)).isInstanceOfSatisfying(QueryException.class,
          e -> assertThat(e.code()).isEqualTo(QueryException.TIMEOUT));

      for (int i = 0; i < 3; i++) {
        assertThat(host.query("shop", "SELECT COUNT(*) FROM customers").result().rows())
            .containsExactly(List.of(4L));
      }
    }
  }

  static QueryConnection recording(QueryConnection c, List<String> ran) {
    return new QueryConnection() {
      @Override
      public QueryResult query(String sql, Duration timeout) throws Exception {
        ran.add(sql);
        return c.query(sql, timeout);
      }

      @Override
      public void close() throws Exception {
        c.close();
      }
    };
  }
}
