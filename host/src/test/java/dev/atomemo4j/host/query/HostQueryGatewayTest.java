package dev.atomemo4j.host.query;

import static dev.atomemo4j.host.testplugins.DatasourcePlugins.plugin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.atomemo4j.annotations.ParserDialect;
import dev.atomemo4j.core.query.DatasourceView;
import dev.atomemo4j.core.query.QueryGateway;
import dev.atomemo4j.core.query.QueryRefusal;
import dev.atomemo4j.core.query.QueryRows;
import dev.atomemo4j.host.PluginHost;
import java.math.BigDecimal;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The core's query seam as the host implements it, on a real H2 database: the host's path, JSON-ready cells. */
class HostQueryGatewayTest {
  private ShopDatabase db;
  private PluginHost host;
  private QueryGateway gateway;

  @BeforeEach
  void start() throws Exception {
    db = new ShopDatabase();
    host = PluginHost.builder().querySettings(QuerySettings.defaults().withRowLimit(3))
        .plugin(plugin("shop").datasource(ParserDialect.H2, ShopDatabase.ENTITIES, p -> db.connect()).registry())
        .installShutdownHook(false).start();
    gateway = host.datasources().gateway();
  }

  @AfterEach
  void stop() throws Exception {
    host.close();
    db.close();
  }

  @Test
  void theViewCarriesTheWhitelistAndTheRowLimit() {
    DatasourceView shop = gateway.datasources().get(0);

    assertThat(shop.id()).isEqualTo("shop");
    assertThat(shop.tables()).contains("customers", "orders").doesNotContain("salaries");
    assertThat(shop.rowLimit()).isEqualTo(3);
    assertThat(shop.customValidation()).isFalse();
  }

  @Test
  void aQueryTakesTheHostsPathAndItsLimit() {
    QueryRows rows = gateway.query("shop", "SELECT id FROM customers ORDER BY id");

    assertThat(rows.sql()).endsWith("LIMIT 3");
    assertThat(rows.rows()).hasSize(3);
    assertThat(rows.metadata()).containsEntry("rowLimit", 3L);
  }

  @Test
  void cellsAreJsonReadyNumbersAndText() {
    QueryRows rows = gateway.query("shop", "SELECT id, total FROM orders ORDER BY id");

    assertThat(rows.rows().get(0)).containsExactly(10L, new BigDecimal("12.50"));
  }

  @Test
  void aRefusalKeepsTheHostsCodeAndReason() {
    assertThatThrownBy(() -> gateway.query("shop", "SELECT amount FROM salaries"))
        .isInstanceOfSatisfying(QueryRefusal.class, e -> {
          assertThat(e.code()).isEqualTo("query:table_not_allowed");
          assertThat(e.reason()).contains("salaries");
        });
  }

  @Test
  void anUnknownDatasourceIsRefusedWithItsCode() {
    assertThatThrownBy(() -> gateway.query("nope", "SELECT 1"))
        .isInstanceOfSatisfying(QueryRefusal.class,
            e -> assertThat(e.code()).isEqualTo(QueryException.UNKNOWN_DATASOURCE));
  }

  @Test
  void nullCellsSurviveTheCopy() {
    QueryRows rows = gateway.query("shop", "SELECT NULL AS nothing FROM customers WHERE id = 1");

    assertThat(rows.rows()).containsExactly(java.util.Arrays.asList((Object) null));
  }
}
