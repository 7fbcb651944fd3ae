package ${package};

import static org.assertj.core.api.Assertions.assertThat;

import dev.atomemo4j.testing.PluginClient;
import dev.atomemo4j.testing.PluginTest;
import dev.atomemo4j.testing.ToolResult;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Runs the plugin against an in-process dev hub and calls its tool the way the Hub does. */
@PluginTest(${pluginClass}.class)
class ${pluginClass}Test {

  @Test
  void greets(PluginClient client) {
    ToolResult result = client.invoke("greet", Map.of("name", "Ada"));

    assertThat(result.ok()).isTrue();
    assertThat(result.data().get("greeting").asText()).isEqualTo("Hello, Ada!");
  }
}
