package dev.atomemo4j.host.query;

import static dev.atomemo4j.host.testplugins.DatasourcePlugins.plugin;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.atomemo4j.annotations.ParserDialect;
import dev.atomemo4j.host.PluginHost;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The query console ({@code GET /datasources}) in headless Debian Chromium driven by {@code playwright-core}
 * ({@code query-console.cjs}), on a real H2 datasource: the datasource is listed with its entities, a query shows
 * its rows and the SQL that ran (with the host's LIMIT), a refused query shows its code and no table.
 *
 * <p>Needs what {@code ApprovalPageBrowserTest} needs ({@code node}, Chromium, {@code playwright-core} under
 * {@code host/target/node/node_modules}); skipped without them, except under {@code CI}, where it fails.
 */
class QueryConsoleBrowserTest {
  static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  Path dir;

  @Test
  void theConsoleListsTheDatasourceRunsAQueryAndShowsARefusalWithItsCode() throws Exception {
    Path modules = Path.of(System.getProperty("atomemo4j.node.modules", "target/node/node_modules"));
    Path chromium = Path.of(System.getProperty("atomemo4j.chromium", "/usr/bin/chromium"));
    boolean ready = Files.isDirectory(modules.resolve("playwright-core")) && Files.isExecutable(chromium)
        && onPath("node");
    if (!ready) {
      if (System.getenv("CI") != null) {
        throw new IllegalStateException("CI must run the query console test: install node, chromium and "
            + "playwright-core (see ApprovalPageBrowserTest's Javadoc)");
      }
      Assumptions.abort("needs node, " + chromium + " and " + modules.resolve("playwright-core"));
    }
    try (ShopDatabase db = new ShopDatabase();
        PluginHost host = PluginHost.builder().adminPort(0)
            .plugin(plugin("shop").datasource(ParserDialect.H2, ShopDatabase.ENTITIES, p -> db.connect())
                .registry())
            .start()) {
      Path script = dir.resolve("query-console.cjs");
      try (InputStream in = PluginHost.class.getResourceAsStream("query-console.cjs")) {
        Files.copy(in, script);
      }
      Path shots = Files.createDirectories(Path.of("target", "query-console"));
      Process p = new ProcessBuilder(List.of("node", script.toString(),
          host.adminUrl().orElseThrow() + "/datasources", chromium.toString(), modules.toAbsolutePath().toString(),
          Files.createDirectory(dir.resolve("profile")).toString(), shots.toAbsolutePath().toString()))
          .redirectError(ProcessBuilder.Redirect.INHERIT).start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(p.waitFor(90, TimeUnit.SECONDS)).isTrue();
      JsonNode seen = JSON.readTree(out.lines().reduce((a, b) -> b).orElse("{}"));

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

  private static boolean onPath(String command) {
    try {
      return new ProcessBuilder(command, "--version").start().waitFor(10, TimeUnit.SECONDS);
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
