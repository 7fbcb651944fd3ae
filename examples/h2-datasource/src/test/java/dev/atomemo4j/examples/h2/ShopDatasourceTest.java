package dev.atomemo4j.examples.h2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.atomemo4j.annotations.PluginType;
import dev.atomemo4j.host.PluginHost;
import dev.atomemo4j.host.query.DatasourceInfo;
import dev.atomemo4j.host.query.QueryAnswer;
import dev.atomemo4j.host.query.QueryException;
import dev.atomemo4j.testing.PluginHostTest;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The shop in a real PluginHost: queries answered through the host's path, the whitelist, the row limit. */
@PluginHostTest(ShopDatasource.class)
class ShopDatasourceTest {
  private static final String ID = "h2-datasource";

  @Test
  void itIsADatasourceWithItsEntitiesAndDialectText(PluginHost host) {
    DatasourceInfo d = host.datasources().list().get(0);

    assertThat(host.plugin(ID).types()).containsExactly(PluginType.DATASOURCE);
    assertThat(d.entities()).containsExactly("customers", "products", "orders", "order_items");
    assertThat(d.tables()).containsExactly("customers", "products", "orders", "order_items");
    assertThat(d.dialect()).contains("use LIMIT, not TOP");
  }

  @Test
  void aJoinAcrossEntitiesIsAnswered(PluginHost host) {
    QueryAnswer a = host.query(ID, "SELECT c.name, SUM(i.quantity * p.price) AS spent FROM customers c "
        + "JOIN orders o ON o.customer_id = c.id JOIN order_items i ON i.order_id = o.id "
        + "JOIN products p ON p.id = i.product_id WHERE o.status <> 'cancelled' "
        + "GROUP BY c.name ORDER BY spent DESC, c.name LIMIT 1");

    assertThat(a.result().columns()).containsExactly("NAME", "SPENT");
    assertThat(a.result().rows()).containsExactly(List.of("Margaret Hamilton", new BigDecimal("976.50")));
  }

  @Test
  void aWindowFunctionInACteIsAnswered(PluginHost host) {
    QueryAnswer a = host.query(ID, "WITH ranked AS (SELECT name, price, RANK() OVER (ORDER BY price DESC) AS r "
        + "FROM products) SELECT name FROM ranked WHERE r = 1");

    assertThat(a.result().rows()).containsExactly(List.of("Standing desk"));
  }

  @Test
  void theTableNoEntityNamesIsRefused(PluginHost host) {
    assertThatThrownBy(() -> host.query(ID, "SELECT * FROM staff_salaries"))
        .isInstanceOfSatisfying(QueryException.class, e -> {
          assertThat(e.code()).isEqualTo("query:table_not_allowed");
          assertThat(e.reason()).contains("staff_salaries");
        });
  }

  @Test
  void aQueryWithoutLimitRunsWithTheHostsRowLimit(PluginHost host) {
    QueryAnswer a = host.query(ID, "SELECT id FROM orders ORDER BY id");

    assertThat(a.sql()).endsWith("LIMIT 1000");
    assertThat(a.metadata()).containsEntry("rowLimit", 1000);
    assertThat(a.result().rows()).hasSize(12);
  }

  @Test
  void aWriteNeverReachesTheDatabase(PluginHost host) {
    assertThatThrownBy(() -> host.query(ID, "UPDATE products SET price = 0"))
        .isInstanceOf(QueryException.class);

    assertThat(host.query(ID, "SELECT MIN(price) FROM products").result().rows())
        .containsExactly(List.of(new BigDecimal("59.90")));
  }

  @Test
  void thePluginsOwnBeforeQueryHookRejectsSelectStarWithItsMessage(PluginHost host) {
    assertThatThrownBy(() -> host.query(ID, "SELECT * FROM products"))
        .isInstanceOfSatisfying(QueryException.class, e -> {
          assertThat(e.code()).isEqualTo("host:hook_rejected");
          assertThat(e.reason()).contains("name the columns you need instead of SELECT *");
        });
  }

  @Test
  void theStandardProbeFindsItHealthy(PluginHost host) {
    assertThat(host.probe(ID).healthy()).isTrue();
  }
}
