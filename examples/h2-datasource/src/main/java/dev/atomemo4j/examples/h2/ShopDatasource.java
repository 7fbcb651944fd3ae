package dev.atomemo4j.examples.h2;

import dev.atomemo4j.annotations.Datasource;
import dev.atomemo4j.annotations.Entities;
import dev.atomemo4j.annotations.Hook;
import dev.atomemo4j.annotations.HookPoint;
import dev.atomemo4j.annotations.Initialize;
import dev.atomemo4j.annotations.ParserDialect;
import dev.atomemo4j.annotations.Plugin;
import dev.atomemo4j.annotations.PluginType;
import dev.atomemo4j.annotations.Teardown;
import dev.atomemo4j.jdbc.JdbcQueryConnection;
import dev.atomemo4j.jdbc.JdbcSettings;
import dev.atomemo4j.runtime.PluginContext;
import dev.atomemo4j.runtime.datasource.Entity;
import dev.atomemo4j.runtime.datasource.QueryConnection;
import dev.atomemo4j.runtime.hooks.QueryEvent;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * A datasource plugin: an embedded H2 database holding a small shop (customers, products, orders and their items),
 * created from the bundled {@code shop.sql} when the plugin initializes. The agent queries it through the host,
 * which lets only read-only queries on the four entities' tables through and adds a row limit; the data set also
 * holds a {@code staff_salaries} table that no entity names, so the whitelist keeps it out of reach.
 */
@Plugin(
    name = "h2-datasource",
    displayName = "Shop (H2)",
    description = "A small shop's customers, products and orders in an embedded H2 database, for the agent to query.",
    icon = "🛒",
    types = PluginType.DATASOURCE)
public final class ShopDatasource {
  private static final String SCRIPT = "h2-datasource/shop.sql";
  private static final Pattern SELECT_STAR = Pattern.compile("(?is)^\\s*SELECT\\s+\\*");

  /** One database per plugin object, so two hosts in one JVM (tests) never share it. */
  private final String url = "jdbc:h2:mem:shop-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
  /** Holds the in-memory database open from initialize to teardown, and wrote the data set. */
  private Connection owner;

  @Initialize
  public void initialize(PluginContext context) throws SQLException {
    owner = DriverManager.getConnection(url, "sa", "");
    try (Statement s = owner.createStatement()) {
      s.execute("RUNSCRIPT FROM 'classpath:/" + SCRIPT + "'");
    }
    context.logger().info("shop data set loaded into {}", url.substring(0, url.indexOf(';')));
  }

  /** The host's queries go through a small read-only pool; the owner connection stays the only writer. */
  @Datasource(dbType = "h2", parserDialect = ParserDialect.H2,
      dialect = "H2 SQL. Money is DECIMAL(10,2) in euros; dates are DATE; use LIMIT, not TOP; "
          + "orders.status is one of 'placed', 'shipped', 'delivered', 'cancelled'.")
  public QueryConnection connect() {
    return JdbcQueryConnection.open(JdbcSettings.of(url, "sa", null).withPoolSize(2));
  }

  /** The semantic layer: what each table means. Their tables are the only ones a query may read. */
  @Entities
  public List<Entity> entities() {
    return List.of(
        Entity.resource("customers", ShopDatasource.class, "h2-datasource/entities/customers.yml"),
        Entity.resource("products", ShopDatasource.class, "h2-datasource/entities/products.yml"),
        Entity.resource("orders", ShopDatasource.class, "h2-datasource/entities/orders.yml"),
        Entity.resource("order_items", ShopDatasource.class, "h2-datasource/entities/order_items.yml"));
  }

  /**
   * The shop's own rule, on top of the host's: name the columns. Runs after the host validated the query (so only
   * queries on the entities get here); throwing rejects it with this message.
   */
  @Hook(HookPoint.BEFORE_QUERY)
  public void nameTheColumns(QueryEvent event) {
    if (SELECT_STAR.matcher(event.sql()).find()) {
      throw new IllegalArgumentException("name the columns you need instead of SELECT *");
    }
  }

  @Teardown
  public void teardown() throws SQLException {
    if (owner != null) {
      try (Statement s = owner.createStatement()) {
        s.execute("SHUTDOWN");
      } finally {
        owner.close();
      }
    }
  }
}
