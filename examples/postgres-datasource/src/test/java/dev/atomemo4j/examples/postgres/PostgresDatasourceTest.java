package dev.atomemo4j.examples.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.atomemo4j.host.PluginHost;
import dev.atomemo4j.host.query.QueryAnswer;
import dev.atomemo4j.host.query.QueryException;
import dev.atomemo4j.host.query.QuerySettings;
import dev.atomemo4j.runtime.Secret;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The plugin in a real PluginHost against a real PostgreSQL ({@code ATOMEMO4J_TEST_POSTGRES_URL}, which
 * {@code .ci/postgres.sh} starts and {@code .ci/run} sets). Skipped, saying why, only when that URL is absent. The
 * catalogue lives in a schema of its own, dropped at the end; the pool holds one connection, so "the pool answers
 * the next query" means the very connection whose statement timed out.
 */
class PostgresDatasourceTest {
  static final String PASSWORD = "MARKER-pg-7d1f0c";
  static String base;
  static String schema;
  static PluginHost host;

  @BeforeAll
  static void start() throws Exception {
    base = System.getProperty("atomemo4j.test.postgres.url", System.getenv("ATOMEMO4J_TEST_POSTGRES_URL"));
    if (base == null || base.isBlank()) {
      Assumptions.abort("no PostgreSQL: set ATOMEMO4J_TEST_POSTGRES_URL (eval \"$(.ci/postgres.sh)\" starts one)");
    }
    schema = "catalogue_" + Long.toHexString(System.nanoTime());
    try (Connection c = DriverManager.getConnection(base); Statement s = c.createStatement()) {
      s.execute("CREATE SCHEMA " + schema);
      s.execute("SET search_path TO " + schema);
      s.execute("CREATE TABLE products (sku TEXT PRIMARY KEY, name TEXT NOT NULL, price_cents INT NOT NULL)");
      s.execute("CREATE TABLE stock_moves (sku TEXT REFERENCES products, quantity INT, moved_at TIMESTAMPTZ)");
      s.execute("CREATE TABLE supplier_contracts (supplier TEXT, terms TEXT)");
      // 300 products: five of them cross-joined is far more rows than a second of work.
      s.execute("INSERT INTO products SELECT 'SKU-' || g, 'Product ' || g, 100 * g FROM generate_series(1, 300) g");
      s.execute("INSERT INTO stock_moves VALUES ('SKU-1', 10, now()), ('SKU-1', -3, now()), ('SKU-2', 5, now())");
      s.execute("INSERT INTO supplier_contracts VALUES ('Acme', 'net 30')");
    }
    host = PluginHost.builder()
        .querySettings(QuerySettings.defaults().withRowLimit(50).withTimeout(Duration.ofSeconds(1)))
        .plugin(PostgresDatasource.class, new PostgresConfig(url(), "postgres", Secret.of(PASSWORD), 1))
        .start();
  }

  static String url() {
    return base + (base.contains("?") ? "&" : "?") + "currentSchema=" + schema;
  }

  @AfterAll
  static void stop() throws Exception {
    if (host != null) {
      host.close();
    }
    if (schema != null) {
      try (Connection c = DriverManager.getConnection(base); Statement s = c.createStatement()) {
        s.execute("DROP SCHEMA " + schema + " CASCADE");
      }
    }
  }

  @Test
  void aQueryIsAnsweredThroughTheHost() {
    QueryAnswer a = host.query("postgres-datasource",
        "SELECT sku, SUM(quantity) AS on_hand FROM stock_moves GROUP BY sku ORDER BY sku");

    assertThat(a.result().columns()).containsExactly("sku", "on_hand");
    assertThat(a.result().rows()).containsExactly(List.of("SKU-1", 7L), List.of("SKU-2", 5L));
  }

  @Test
  void aQueryPastItsStatementTimeoutAnswersQueryTimeoutAndThePoolAnswersTheNextQuery() {
    assertThatThrownBy(() -> host.query("postgres-datasource",
        "SELECT COUNT(*) FROM products a, products b, products c, products d, products e"))
        .isInstanceOfSatisfying(QueryException.class, e -> assertThat(e.code()).isEqualTo(QueryException.TIMEOUT));

    assertThat(host.query("postgres-datasource", "SELECT COUNT(*) AS n FROM products").result().rows())
        .containsExactly(List.of(300L));
  }

  @Test
  void theHostsRowLimitIsApplied() {
    QueryAnswer a = host.query("postgres-datasource", "SELECT sku FROM products ORDER BY price_cents");

    assertThat(a.result().rows()).hasSize(50);
    assertThat(a.sql()).endsWith("LIMIT 50");
  }

  @Test
  void aTableNoEntityNamesIsRefused() {
    assertThatThrownBy(() -> host.query("postgres-datasource", "SELECT * FROM supplier_contracts"))
        .isInstanceOfSatisfying(QueryException.class,
            e -> assertThat(e.code()).isEqualTo("query:table_not_allowed"));
  }

  @Test
  void thePluginsForbiddenPatternRefusesTheCatalogs() {
    assertThatThrownBy(() -> host.query("postgres-datasource",
        "SELECT table_name FROM information_schema.tables"))
        .isInstanceOfSatisfying(QueryException.class,
            e -> assertThat(e.code()).isEqualTo("query:forbidden_pattern"));
  }

  @Test
  void theStandardProbeIsHealthy() {
    assertThat(host.probe("postgres-datasource").healthy()).isTrue();
  }

  @Test
  void anUnreachableServerLeavesThePluginUnconnectedWithoutShowingThePassword() {
    try (PluginHost broken = PluginHost.builder()
        .plugin(PostgresDatasource.class, new PostgresConfig("jdbc:postgresql://127.0.0.1:1/none?password="
            + PASSWORD, "postgres", Secret.of(PASSWORD), 1))
        .start()) {
      String problem = broken.datasources().list().get(0).problem();
      String probe = broken.probe("postgres-datasource").message();

      assertThat(problem).contains("failed").doesNotContain(PASSWORD);
      assertThat(probe).contains("not connected").doesNotContain(PASSWORD);
    }
  }
}
