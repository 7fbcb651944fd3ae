package dev.atomemo4j.mcp;

import static dev.atomemo4j.mcp.NodeClient.plan;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.atomemo4j.core.lifecycle.ConfigInput;
import dev.atomemo4j.core.lifecycle.ConfigValidator;
import dev.atomemo4j.core.lifecycle.Deadlines;
import dev.atomemo4j.core.lifecycle.HostedPlugins;
import dev.atomemo4j.core.lifecycle.PluginSpec;
import dev.atomemo4j.core.lifecycle.Ticker;
import dev.atomemo4j.examples.glossary.CompanyGlossaryRegistry;
import dev.atomemo4j.examples.glossary.GlossaryConfig;
import dev.atomemo4j.runtime.spi.PluginDescriptor;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The company-glossary context plugin, booted by the core's lifecycle, listed and read as an MCP resource. */
class ContextResourcesTest {

  @TempDir static Path dir;
  static HostedPlugins hosted;
  static String uri;
  static JsonNode report;

  @BeforeAll
  static void runClient() throws Exception {
    Path file = dir.resolve("glossary.txt");
    Files.writeString(file, "MCP: the Model Context Protocol\n");
    PluginDescriptor glossary = new CompanyGlossaryRegistry().descriptor();
    hosted = new HostedPlugins(ConfigValidator.validate(List.of(PluginSpec.of(glossary,
        ConfigInput.typed(new GlossaryConfig(file.toString(), "Our terms", 10))))), Deadlines.DEFAULT, List.of(),
        Ticker.SYSTEM, Clock.systemUTC(), HostedPlugins.DEFAULT_CLOSE_DEADLINE);
    hosted.boot();
    uri = ContextResources.URI_PREFIX + hosted.all().get(0).id();

    ObjectNode plan = plan();
    ArrayNode steps = (ArrayNode) plan.get("steps");
    steps.addObject().put("op", "resources");
    steps.addObject().put("op", "read").put("uri", uri);
    try (McpPluginServer.Running http = McpPluginServer.builder(glossary).contexts(hosted).build()
        .serveHttp(new InetSocketAddress("127.0.0.1", 0))) {
      plan.put("http", http.url().orElseThrow().toString());
      report = NodeClient.run(plan);
    }
  }

  @AfterAll
  static void tearDown() {
    hosted.close();
  }

  @Test
  void theContextPluginIsListedAsAResource() {
    JsonNode resources = report.path("steps").get(0).path("resources");
    assertThat(resources).hasSize(1);
    assertThat(resources.get(0).path("uri").asText()).isEqualTo(uri);
    assertThat(report.path("capabilities").has("resources")).isTrue();
  }

  @Test
  void readingTheResourceGivesWhatTheContextProviderReturned() {
    JsonNode contents = report.path("steps").get(1).path("contents");
    assertThat(contents.get(0).path("text").asText()).isEqualTo(hosted.all().get(0).contextText())
        .contains("Model Context Protocol").contains("Our terms");
  }
}
