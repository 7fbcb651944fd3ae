package dev.atomemo4j.host.query;

import static dev.atomemo4j.host.testplugins.DatasourcePlugins.plugin;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.atomemo4j.annotations.ParserDialect;
import dev.atomemo4j.host.PluginHost;
import dev.atomemo4j.host.testsupport.HeadlessChromium;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The query console ({@code GET /datasources}) in headless Debian Chromium driven by {@code playwright-core}
 * ({@code query-console.cjs}), on a real H2 datasource: the datasource is listed with its entities, a query shows
 * its rows and the SQL that ran (with the host's LIMIT), a refused query shows its code and no table.
 *
 * <p>Needs what {@code HeadlessChromium} needs ({@code node}, Chromium, {@code playwright-core} under
 * {@code host/target/node/node_modules}); skipped without them, except under {@code CI}, where it fails.
 */
class QueryConsoleBrowserTest {
  @TempDir
  Path dir;

  @Test
  void theConsoleListsTheDatasourceRunsAQueryAndShowsARefusalWithItsCode() throws Exception {
    HeadlessChromium chromium = HeadlessChromium.requireFor("query console");
    try (ShopDatabase db = new ShopDatabase();
        PluginHost host = PluginHost.builder().adminPort(0)
            .plugin(plugin("shop").datasource(ParserDialect.H2, ShopDatabase.ENTITIES, p -> db.connect())
                .registry())
            .start()) {
      JsonNode seen = chromium.drive(PluginHost.class, "query-console.cjs",
          host.adminUrl().orElseThrow() + "/datasources", dir);

      assertThat(seen.path("failure").isMissingNode()).as(seen.path("failure").asText()).isTrue();
      assertThat(seen.get("pageErrors")).isEmpty();
      assertThat(seen.get("datasources").toString()).isEqualTo("[\"shop\"]");
      assertThat(seen.get("about").asText()).contains("h2", "customers, orders", "Use H2 SQL.");
      assertThat(seen.get("header").toString()).isEqualTo("[\"ID\",\"NAME\"]");
      assertThat(seen.get("cells").toString()).isEqualTo("[\"1\",\"Ada\",\"2\",\"Grace\"]");
      assertThat(seen.get("ran").asText()).contains("LIMIT 1000");
      assertThat(seen.get("refusal").asText()).contains("salaries", "(query:table_not_allowed)");
      assertThat(seen.get("tablesAfterRefusal").asInt()).isZero();
    }
  }
}
