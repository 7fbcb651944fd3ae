package dev.atomemo4j.examples.postgres;

import dev.atomemo4j.annotations.Datasource;
import dev.atomemo4j.annotations.Entities;
import dev.atomemo4j.annotations.ParserDialect;
import dev.atomemo4j.annotations.Plugin;
import dev.atomemo4j.annotations.PluginType;
import dev.atomemo4j.jdbc.JdbcQueryConnection;
import dev.atomemo4j.jdbc.JdbcSettings;
import dev.atomemo4j.runtime.datasource.Entity;
import dev.atomemo4j.runtime.datasource.QueryConnection;
import java.util.List;

/**
 * A datasource plugin for a PostgreSQL warehouse of a shop's catalogue: products and stock movements. The host
 * checks every query (PostgreSQL dialect, read-only, only the two entities' tables, a row limit), and the
 * connection is a HikariCP pool whose statements carry the host's statement timeout. No {@code @HealthCheck}: the
 * host's standard probe runs {@code SELECT 1} through the pool under 5 s.
 */
@Plugin(
    name = "postgres-datasource",
    displayName = "Catalogue (PostgreSQL)",
    description = "The shop's products and stock movements in PostgreSQL, for the agent to query.",
    icon = "🐘",
    types = PluginType.DATASOURCE,
    config = PostgresConfig.class)
public final class PostgresDatasource {

  /** The static form of entities: known at build time, no database needed to list them. */
  @Entities
  public static final List<Entity> ENTITIES = List.of(
      new Entity("products", """
          name: products
          table: products
          description: The catalogue, one row per product.
          dimensions:
            - {name: sku, type: string}
            - {name: name, type: string}
            - {name: price_cents, type: number, description: Price in euro cents}
          """),
      new Entity("stock_moves", """
          name: stock_moves
          table: stock_moves
          description: Every movement of stock; quantity is positive in, negative out.
          dimensions:
            - {name: sku, type: string, description: Refers to products.sku}
            - {name: quantity, type: number}
            - {name: moved_at, type: time}
          """));

  private final PostgresConfig config;

  public PostgresDatasource(PostgresConfig config) {
    this.config = config;
  }

  /**
   * The catalogue's own rule on top of the host's: no peeking at the catalogs, which the entities do not describe
   * and whose contents say more about the server than an agent needs.
   */
  @Datasource(dbType = "postgres", parserDialect = ParserDialect.POSTGRESQL,
      forbiddenPatterns = {"\\b(information_schema|pg_catalog)\\b"},
      dialect = "PostgreSQL. Prices are integers in euro cents (price_cents / 100.0 for euros); "
          + "use ILIKE for case-insensitive matching and date_trunc for grouping by period.")
  public QueryConnection connect() {
    return JdbcQueryConnection.open(JdbcSettings.of(config.url(), config.user(), config.password())
        .withPoolSize(config.poolSize()));
  }
}
