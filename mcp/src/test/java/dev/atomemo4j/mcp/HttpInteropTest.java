package dev.atomemo4j.mcp;

import static dev.atomemo4j.mcp.NodeClient.JSON;
import static dev.atomemo4j.mcp.NodeClient.call;
import static dev.atomemo4j.mcp.NodeClient.errorOf;
import static dev.atomemo4j.mcp.NodeClient.list;
import static dev.atomemo4j.mcp.NodeClient.plan;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.atomemo4j.examples.hackernews.HackerNewsApi;
import dev.atomemo4j.examples.hackernews.HackerNewsRegistry;
import dev.atomemo4j.examples.jsonreader.JsonReaderRegistry;
import dev.atomemo4j.examples.time.GetCurrentTimeRegistry;
import dev.atomemo4j.mcp.fixture.SlowStepsRegistry;
import dev.atomemo4j.mcp.fixture.StepTools;
import dev.atomemo4j.runtime.spi.PluginRegistry;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The official MCP TypeScript client against plugins served over streamable HTTP on loopback, in this JVM. */
class HttpInteropTest {

  static MockWebServer hackerNewsApi;
  static JsonNode hackerNews;
  static JsonNode time;
  static JsonNode jsonReader;
  static JsonNode steps;

  @BeforeAll
  static void runClients() throws Exception {
    hackerNewsApi = new MockWebServer();
    hackerNewsApi.start();
    hackerNewsApi.enqueue(new MockResponse.Builder().code(200).setHeader("Content-Type", "application/json")
        .body("{\"username\": \"pg\", \"karma\": 157316, \"about\": \"Bug fixer.\"}").build());
    System.setProperty(HackerNewsApi.BASE_URL_PROPERTY, hackerNewsApi.url("/api/v1").toString());

    ObjectNode plan = list(plan());
    call(plan, "get-hacker-news-user", "{\"username\": \"pg\"}");
    hackerNews = serve(new HackerNewsRegistry(), plan);

    plan = list(plan());
    call(plan, "get-current-time", "{\"timezone\": \"UTC\"}");
    call(plan, "get-current-time", "{\"timezone\": 5}");
    time = serve(new GetCurrentTimeRegistry(), plan);

    plan = plan();
    String content = Base64.getEncoder().encodeToString("{\"a\": [1, 2]}".getBytes(StandardCharsets.UTF_8));
    call(plan, "read-json", "{\"file\": {\"__type__\": \"file_ref\", \"source\": \"mem\", \"filename\": \"a.json\","
        + " \"content\": \"" + content + "\"}}");
    jsonReader = serve(new JsonReaderRegistry(), plan);

    StepTools.stopped = new CountDownLatch(1);
    plan = plan();
    call(plan, "count", "{\"n\": 3, \"stepMillis\": 20}").put("progress", true);
    call(plan, "count", "{\"n\": 10000, \"stepMillis\": 50}").put("progress", true).put("cancelAfterProgress", 2);
    steps = serve(new SlowStepsRegistry(), plan);
  }

  @AfterAll
  static void stop() throws Exception {
    System.clearProperty(HackerNewsApi.BASE_URL_PROPERTY);
    hackerNewsApi.close();
  }

  static JsonNode serve(PluginRegistry registry, ObjectNode plan) throws Exception {
    try (McpPluginServer.Running http = McpPluginServer.builder(registry).build()
        .serveHttp(new InetSocketAddress("127.0.0.1", 0))) {
      plan.put("http", http.url().orElseThrow().toString());
      return NodeClient.run(plan);
    }
  }

  static JsonNode tool(JsonNode report, String name) {
    for (JsonNode t : report.path("steps").get(0).path("tools")) {
      if (name.equals(t.path("name").asText())) {
        return t;
      }
    }
    throw new AssertionError("tools/list has no " + name + ": " + report);
  }

  static JsonNode resource(String path) throws Exception {
    try (InputStream in = HttpInteropTest.class.getClassLoader().getResourceAsStream(path)) {
      return JSON.readTree(in);
    }
  }

  @Test
  void initializeNamesThePluginAndOffersTools() {
    assertThat(hackerNews.path("server").path("name").asText()).isEqualTo("hacker-news");
    assertThat(hackerNews.path("capabilities").has("tools")).isTrue();
  }

  @Test
  void aServerWithoutContextPluginsOffersNoResources() {
    assertThat(hackerNews.path("capabilities").has("resources")).isFalse();
  }

  @Test
  void toolsListCarriesTheGeneratedInputAndOutputSchemas() throws Exception {
    JsonNode user = tool(hackerNews, "get-hacker-news-user");
    String dir = "META-INF/atomemo4j/hacker-news/schemas/";
    assertThat(user.path("inputSchema")).isEqualTo(resource(dir + "get-hacker-news-user.input.json"));
    assertThat(user.path("outputSchema")).isEqualTo(resource(dir + "get-hacker-news-user.output.json"));
    assertThat(user.path("description").asText()).isNotBlank();
  }

  @Test
  void toolsListCarriesTheAnnotationsDeclaredOnTool() {
    JsonNode annotations = tool(hackerNews, "search-hacker-news").path("annotations");
    assertThat(annotations.path("readOnlyHint").asBoolean(false)).isTrue();
    assertThat(annotations.path("openWorldHint").asBoolean(false)).isTrue();
    assertThat(annotations.has("destructiveHint")).as("an unset hint stays unknown").isFalse();
    assertThat(tool(time, "get-current-time").path("annotations").path("openWorldHint").asBoolean(true)).isFalse();
  }

  @Test
  void aToolWithoutATypedResultHasNoOutputSchema() {
    assertThat(tool(time, "get-current-time").has("outputSchema")).isFalse();
  }

  @Test
  void aCallAnswersStructuredContentTheClientValidatedAgainstTheOutputSchema() {
    // The TypeScript client checks structuredContent against the tool's outputSchema and throws when it does not
    // match: a result here passed that check.
    JsonNode step = hackerNews.path("steps").get(1);
    assertThat(step.has("error")).as("%s", step).isFalse();
    JsonNode result = step.path("result");
    assertThat(result.path("isError").asBoolean()).isFalse();
    assertThat(result.path("structuredContent").path("user").path("username").asText()).isEqualTo("pg");
    assertThat(result.path("content").get(0).path("type").asText()).isEqualTo("text");
  }

  @Test
  void aCallWithoutOutputSchemaAnswersTheResultAsJsonText() throws Exception {
    JsonNode result = time.path("steps").get(1).path("result");
    assertThat(result.path("isError").asBoolean()).isFalse();
    assertThat(JSON.readTree(result.path("content").get(0).path("text").asText()).isObject()).isTrue();
  }

  @Test
  void anInvalidParameterIsAToolErrorWithOurCodeAndTheProblem() throws Exception {
    JsonNode error = errorOf(time.path("steps").get(2));
    assertThat(error.path("code").asText()).isEqualTo("sdk:invalid_parameter");
    assertThat(error.path("problems").get(0).path("pointer").asText()).contains("timezone");
    assertThat(error.has("stack")).isFalse();
  }

  @Test
  void jsonReaderReadsAnInlineFile() throws Exception {
    JsonNode result = jsonReader.path("steps").get(0).path("result");
    assertThat(result.path("isError").asBoolean()).as("%s", result).isFalse();
    assertThat(JSON.readTree(result.path("content").get(0).path("text").asText()).path("a").size()).isEqualTo(2);
  }

  @Test
  void progressReportsReachTheClientAsProgressNotifications() {
    JsonNode step = steps.path("steps").get(0);
    assertThat(step.path("result").path("isError").asBoolean()).as("%s", step).isFalse();
    assertThat(step.path("progress")).hasSize(3);
    assertThat(step.path("progress").get(2).path("progress").asDouble()).isEqualTo(3.0);
    assertThat(step.path("progress").get(2).path("total").asDouble()).isEqualTo(3.0);
    assertThat(step.path("progress").get(0).path("message").asText()).isEqualTo("step 1 of 3");
  }

  @Test
  void aCancelledCallStopsTheTool() throws Exception {
    JsonNode step = steps.path("steps").get(1);
    // The client rejects an aborted call with its abort reason and sends notifications/cancelled.
    assertThat(step.path("error").path("message").asText()).as("%s", step).contains("the test cancels");
    assertThat(StepTools.stopped.await(20, TimeUnit.SECONDS)).as("the tool stopped before its end").isTrue();
  }
}
