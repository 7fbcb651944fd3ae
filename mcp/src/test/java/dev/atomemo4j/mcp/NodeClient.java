package dev.atomemo4j.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs src/test/node/interop.mjs, the official MCP TypeScript SDK client (installed by .ci/run into
 * target/node), on a plan of steps, and returns its report.
 */
final class NodeClient {

  static final ObjectMapper JSON = new ObjectMapper();
  static final Path NODE_DIR = Path.of("target", "node");

  private NodeClient() {}

  static ObjectNode plan() {
    ObjectNode plan = JSON.createObjectNode();
    plan.putArray("steps");
    return plan;
  }

  static ObjectNode list(ObjectNode plan) {
    ((ArrayNode) plan.get("steps")).addObject().put("op", "list");
    return plan;
  }

  static ObjectNode call(ObjectNode plan, String tool, String argumentsJson) throws IOException {
    ObjectNode step = ((ArrayNode) plan.get("steps")).addObject();
    step.put("op", "call").put("name", tool).set("arguments", JSON.readTree(argumentsJson));
    return step;
  }

  static ObjectNode stdio(ObjectNode plan, String registryClass) {
    ObjectNode stdio = plan.putObject("stdio");
    stdio.put("command", Path.of(System.getProperty("java.home"), "bin", "java").toString());
    ArrayNode args = stdio.putArray("args");
    for (String a : List.of("-cp", System.getProperty("java.class.path"),
        "-Dorg.slf4j.simpleLogger.logFile=System.err", StdioServerMain.class.getName(), registryClass)) {
      args.add(a);
    }
    return stdio;
  }

  /** Runs the plan; fails the test with node's output if the client did not report. */
  static JsonNode run(ObjectNode plan) throws Exception {
    assertThat(NODE_DIR.resolve("node_modules/@modelcontextprotocol/sdk/package.json"))
        .as("the MCP TypeScript SDK, installed by .ci/run (npm install --prefix mcp/target/node)").exists();
    Path script = NODE_DIR.resolve("interop.mjs");
    Files.copy(Path.of("src/test/node/interop.mjs"), script, StandardCopyOption.REPLACE_EXISTING);
    Path planFile = Files.createTempFile(NODE_DIR, "plan", ".json");
    Files.writeString(planFile, JSON.writeValueAsString(plan));
    Path out = Files.createTempFile(NODE_DIR, "report", ".json");
    Path err = Files.createTempFile(NODE_DIR, "stderr", ".txt");
    Process node = new ProcessBuilder("node", script.toAbsolutePath().toString(), planFile.toAbsolutePath().toString())
        .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    boolean ended = node.waitFor(120, TimeUnit.SECONDS);
    if (!ended) {
      node.destroyForcibly();
    }
    String text = Files.readString(out, StandardCharsets.UTF_8).trim();
    assertThat(text).as("the node client's report (stderr: %s)", Files.readString(err)).isNotEmpty();
    JsonNode report = JSON.readTree(text);
    assertThat(report.path("failure").asText(null)).as("the client's failure; server stderr: %s",
        report.path("stderr").asText()).isNull();
    return report;
  }

  /** The JSON error object a tool error carries as its text. */
  static JsonNode errorOf(JsonNode callStep) throws IOException {
    JsonNode result = callStep.path("result");
    assertThat(result.path("isError").asBoolean()).as("isError of %s", callStep).isTrue();
    return JSON.readTree(result.path("content").get(0).path("text").asText());
  }
}
