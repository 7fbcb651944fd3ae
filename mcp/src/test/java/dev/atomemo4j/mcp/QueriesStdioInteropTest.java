package dev.atomemo4j.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Datasources over stdio: the official TypeScript client starts the server as a subprocess, a PluginHost booted
 * from {@code examples/h2-datasource/host.yaml} (its admin API on a free port), lists the query tool, runs a
 * query (checking the answer against the output schema) and a refused one.
 */
class QueriesStdioInteropTest {
  static final String TOOL = "query_h2-datasource";

  static JsonNode run(String sql) throws Exception {
    ObjectNode plan = NodeClient.list(NodeClient.plan());
    ObjectNode stdio = plan.putObject("stdio");
    stdio.put("command", Path.of(System.getProperty("java.home"), "bin", "java").toString());
    ArrayNode args = stdio.putArray("args");
    for (String a : List.of("-cp", System.getProperty("java.class.path"),
        "-Dorg.slf4j.simpleLogger.logFile=System.err", StdioQueryServerMain.class.getName(),
        Path.of("..", "examples", "h2-datasource", "host.yaml").toString())) {
      args.add(a);
    }
    ObjectNode env = stdio.putObject("env");
    env.put("SHOP_ADMIN_PORT", "0").put("SHOP_ROW_LIMIT", "3");
    env.put("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
    NodeClient.call(plan, TOOL, NodeClient.JSON.writeValueAsString(NodeClient.JSON.createObjectNode().put("sql", sql)));
    return NodeClient.run(plan);
  }

  @Test
  void overStdioTheHostFilesDatasourceAnswersRowsUnderItsRowLimit() throws Exception {
    JsonNode report = run("SELECT name FROM products ORDER BY id");
    assertThat(QueriesHttpInteropTest.tool(report.path("steps").get(0).path("tools"), TOOL)
        .path("description").asText()).contains("H2 SQL.").contains("At most 3 rows");
    JsonNode call = report.path("steps").get(1);
    assertThat(call.has("error")).as("the client accepted the answer: %s", call).isFalse();
    JsonNode answer = call.path("result").path("structuredContent");
    assertThat(answer.path("rows")).hasSize(3);
    assertThat(answer.path("sql").asText()).endsWith("LIMIT 3");
  }

  @Test
  void overStdioATableOutsideTheWhitelistAnswersItsCode() throws Exception {
    JsonNode call = run("SELECT salary FROM staff_salaries").path("steps").get(1);
    assertThat(NodeClient.errorOf(call).path("code").asText()).isEqualTo("query:table_not_allowed");
  }
}
