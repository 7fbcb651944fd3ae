package dev.atomemo4j.mcp;

import static dev.atomemo4j.mcp.NodeClient.JSON;
import static dev.atomemo4j.mcp.NodeClient.call;
import static dev.atomemo4j.mcp.NodeClient.errorOf;
import static dev.atomemo4j.mcp.NodeClient.list;
import static dev.atomemo4j.mcp.NodeClient.plan;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.atomemo4j.examples.time.GetCurrentTimeRegistry;
import dev.atomemo4j.mcp.fixture.SlowStepsRegistry;
import dev.atomemo4j.mcp.fixture.StepTools;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The official MCP TypeScript client starting a plugin's MCP server as a subprocess and talking stdio to it. */
class StdioInteropTest {

  static JsonNode time;
  static JsonNode steps;

  @BeforeAll
  static void runClients() throws Exception {
    ObjectNode plan = list(plan());
    call(plan, "get-current-time", "{\"timezone\": \"UTC\"}");
    call(plan, "get-current-time", "{\"timezone\": 5}");
    NodeClient.stdio(plan, GetCurrentTimeRegistry.class.getName());
    time = NodeClient.run(plan);

    plan = plan();
    call(plan, "count", "{\"n\": 3, \"stepMillis\": 20}").put("progress", true);
    call(plan, "count", "{\"n\": 10000, \"stepMillis\": 50}").put("progress", true).put("cancelAfterProgress", 2)
        .put("stderrMarker", StepTools.STOPPED_MARKER);
    NodeClient.stdio(plan, SlowStepsRegistry.class.getName());
    steps = NodeClient.run(plan);
  }

  @Test
  void initializeNamesThePlugin() {
    assertThat(time.path("server").path("name").asText()).isEqualTo("get-current-time");
  }

  @Test
  void toolsListCarriesTheGeneratedInputSchema() throws Exception {
    JsonNode tool = time.path("steps").get(0).path("tools").get(0);
    assertThat(tool.path("name").asText()).isEqualTo("get-current-time");
    assertThat(tool.path("inputSchema")).isEqualTo(HttpInteropTest.resource(
        "META-INF/atomemo4j/get-current-time/schemas/get-current-time.input.json"));
  }

  @Test
  void aCallAnswersTheToolsResult() throws Exception {
    JsonNode result = time.path("steps").get(1).path("result");
    assertThat(result.path("isError").asBoolean()).as("%s", result).isFalse();
    assertThat(JSON.readTree(result.path("content").get(0).path("text").asText()).isObject()).isTrue();
  }

  @Test
  void anInvalidParameterIsAToolErrorWithOurCode() throws Exception {
    assertThat(errorOf(time.path("steps").get(2)).path("code").asText()).isEqualTo("sdk:invalid_parameter");
  }

  @Test
  void progressReportsReachTheClient() {
    JsonNode progress = steps.path("steps").get(0).path("progress");
    assertThat(progress).hasSize(3);
    assertThat(progress.get(1).path("progress").asDouble()).isEqualTo(2.0);
  }

  @Test
  void aCancelledCallStopsTheToolInTheServerProcess() {
    JsonNode step = steps.path("steps").get(1);
    assertThat(step.path("error").path("message").asText()).as("%s", step).contains("the test cancels");
    assertThat(step.path("stderrMarkerSeen").asBoolean()).as("the server printed that the tool stopped early: %s",
        steps.path("stderr").asText()).isTrue();
  }
}
