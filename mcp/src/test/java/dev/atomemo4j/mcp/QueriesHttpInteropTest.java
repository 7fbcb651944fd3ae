package dev.atomemo4j.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.atomemo4j.examples.h2.ShopDatasourceRegistry;
import dev.atomemo4j.host.PluginHost;
import dev.atomemo4j.host.query.QuerySettings;
import java.net.InetSocketAddress;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Datasources over streamable HTTP, driven by the official MCP TypeScript SDK client: the h2-datasource example
 * (a shop in an in-memory H2 database) runs in a real PluginHost, whose query gateway the server is given. The
 * client lists the tools first, so it checks every structured answer against the listed output schema itself.
 */
class QueriesHttpInteropTest {
  static final String TOOL = "query_h2-datasource";

  static PluginHost host;
  static McpPluginServer.Running http;

  @BeforeAll
  static void start() throws Exception {
    host = PluginHost.builder().plugin(new ShopDatasourceRegistry())
        .querySettings(QuerySettings.defaults().withRowLimit(5))
        .installShutdownHook(false).start();
    http = McpPluginServer.builder(new ShopDatasourceRegistry().descriptor())
        .queries(host.datasources().gateway())
        .build()
        .serveHttp(new InetSocketAddress("127.0.0.1", 0));
  }

  @AfterAll
  static void stop() {
    http.close();
    host.close();
  }

  static ObjectNode plan() {
    ObjectNode plan = NodeClient.list(NodeClient.plan());
    plan.put("http", http.url().orElseThrow().toString());
    return plan;
  }

  /** Lists, then runs {@code sql}; the call's step. */
  static JsonNode query(String sql) throws Exception {
    ObjectNode plan = plan();
    NodeClient.call(plan, TOOL, NodeClient.JSON.writeValueAsString(NodeClient.JSON.createObjectNode().put("sql", sql)));
    JsonNode step = NodeClient.run(plan).path("steps").get(1);
    assertThat(step.has("error")).as("the client accepted the answer: %s", step).isFalse();
    return step;
  }

  static JsonNode tool(JsonNode tools, String name) {
    return StreamSupport.stream(tools.spliterator(), false).filter(t -> t.path("name").asText().equals(name))
        .findFirst().orElseThrow(() -> new AssertionError("no tool " + name + " in " + tools));
  }

  @Test
  void theQueryToolIsListedWithTheDialectTextAndTheTablesTheWhitelistAllows() throws Exception {
    JsonNode tools = NodeClient.run(plan()).path("steps").get(0).path("tools");
    String description = tool(tools, TOOL).path("description").asText();
    assertThat(description).startsWith("A small shop's customers, products and orders")
        .contains("H2 SQL. Money is DECIMAL(10,2) in euros")
        .contains("Tables you may read: customers, products, orders, order_items.")
        .contains("At most 5 rows")
        .doesNotContain("staff_salaries");
  }

  @Test
  void theQueryToolTakesSqlAndDeclaresItsOutputAndReadOnlyHints() throws Exception {
    JsonNode tool = tool(NodeClient.run(plan()).path("steps").get(0).path("tools"), TOOL);
    assertThat(tool.path("inputSchema").path("required")).extracting(JsonNode::asText).containsExactly("sql");
    assertThat(tool.path("inputSchema").path("properties").path("sql").path("type").asText()).isEqualTo("string");
    assertThat(tool.path("outputSchema").path("required")).extracting(JsonNode::asText)
        .contains("columns", "rows", "sql", "durationMs");
    assertThat(tool.path("annotations").path("readOnlyHint").asBoolean()).isTrue();
    assertThat(tool.path("annotations").path("idempotentHint").asBoolean()).isTrue();
  }

  @Test
  void aQueryAnswersTheRowsAndTheSqlThatRanWithTheHostsLimit() throws Exception {
    JsonNode result = query("SELECT name, country FROM customers ORDER BY id").path("result");
    assertThat(result.path("isError").asBoolean()).as("%s", result).isFalse();
    JsonNode answer = result.path("structuredContent");
    assertThat(answer.path("columns")).extracting(JsonNode::asText).containsExactly("NAME", "COUNTRY");
    assertThat(answer.path("rows")).hasSize(5);
    assertThat(answer.path("rows").get(0).get(0).isTextual()).isTrue();
    assertThat(answer.path("sql").asText()).isEqualTo("SELECT name, country FROM customers ORDER BY id LIMIT 5");
    assertThat(answer.path("metadata").path("rowLimit").asInt()).isEqualTo(5);
  }

  @Test
  void numericCellsComeBackAsJsonNumbers() throws Exception {
    JsonNode answer = query("SELECT id, price FROM products ORDER BY id LIMIT 1").path("result")
        .path("structuredContent");
    assertThat(answer.path("rows").get(0).get(0).isIntegralNumber()).as("%s", answer).isTrue();
    assertThat(answer.path("rows").get(0).get(1).isNumber()).as("%s", answer).isTrue();
  }

  @Test
  void aWriteAnswersAToolErrorWithTheGuardsCode() throws Exception {
    Object before = orderCount();
    JsonNode error = NodeClient.errorOf(query("DELETE FROM orders"));
    assertThat(error.path("code").asText()).isEqualTo("query:forbidden_pattern");
    assertThat(error.path("datasource").asText()).isEqualTo("h2-datasource");
    assertThat(orderCount()).as("the orders are all still there").isEqualTo(before);
  }

  @Test
  void aLockingQueryAnswersAToolErrorWithTheParsersCode() throws Exception {
    JsonNode error = NodeClient.errorOf(query(
        "WITH open AS (SELECT id FROM orders) SELECT id FROM open FOR UPDATE"));
    assertThat(error.path("code").asText()).isEqualTo("query:locking_clause");
  }

  static Object orderCount() {
    return host.query("h2-datasource", "SELECT COUNT(*) AS n FROM orders").result().rows().get(0).get(0);
  }

  @Test
  void aTableOutsideTheWhitelistAnswersTableNotAllowedWithTheReason() throws Exception {
    JsonNode error = NodeClient.errorOf(query("SELECT employee, salary FROM staff_salaries"));
    assertThat(error.path("code").asText()).isEqualTo("query:table_not_allowed");
    assertThat(error.path("message").asText()).contains("staff_salaries");
  }

  @Test
  void aBeforeQueryHookOfTheHostRejectsThroughTheToolWithItsCode() throws Exception {
    JsonNode error = NodeClient.errorOf(query("SELECT * FROM customers"));
    assertThat(error.path("code").asText()).isEqualTo("host:hook_rejected");
    assertThat(error.path("message").asText()).contains("name the columns you need");
  }

  @Test
  void aCallWithoutSqlAnswersInvalidParameter() throws Exception {
    ObjectNode plan = plan();
    NodeClient.call(plan, TOOL, "{}");
    JsonNode error = NodeClient.errorOf(NodeClient.run(plan).path("steps").get(1));
    assertThat(error.path("code").asText()).isEqualTo("sdk:invalid_parameter");
  }
}
