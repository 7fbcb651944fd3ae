package dev.atomemo4j.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atomemo4j.devhub.DevHub;
import dev.atomemo4j.testing.fixture.Greeter;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

@PluginTest(Greeter.class)
class PluginTestTest {

  @Test
  void invokesAToolOverTheRealSocket(PluginClient client) {
    ToolResult r = client.invoke("greet", Map.of("name", "Ada", "times", 2));

    assertThat(r.assertOk().data().get("greeting").asText()).isEqualTo("Hello, Ada! Hello, Ada!");
  }

  @Test
  void readsTypedResults(PluginClient client) {
    record Greeting(String greeting) {}

    assertThat(client.invoke("greet", Map.of("name", "Ada")).as(Greeting.class).greeting()).isEqualTo("Hello, Ada!");
  }

  @Test
  void invalidParametersComeBackAsAStructuredErrorBeforeTheToolRuns(PluginClient client) {
    ToolResult r = client.invoke("greet", Map.of("name", "Ada", "times", 9));

    r.assertError("sdk:invalid_parameter");
    assertThat(r.error().raw().toString()).contains("/times");
  }

  @Test
  void aToolExceptionKeepsItsOwnCode(PluginClient client) {
    client.invoke("greet", Map.of("name", "nobody")).assertError("greeter:nobody");
  }

  @Test
  void anUnknownToolIsAnError(PluginClient client) {
    ToolResult r = client.invoke("wave", Map.of());

    assertThat(r.ok()).isFalse();
    assertThat(r.error().code()).isNotBlank();
  }

  @Test
  void seededCredentialsReachTheToolTyped(PluginClient client) {
    String key = client.seedCredential("greeter-key", Map.of("api_key", "sk-12345"));

    ToolResult r = client.invoke("greet-with-key", Map.of(), Map.of("key", key));

    assertThat(r.assertOk().data().asText()).isEqualTo("key of length 8");
  }

  @Test
  void authSpecIsAnsweredByTheCredentialsMethod(PluginClient client) {
    String key = client.seedCredential("greeter-key", Map.of("api_key", "sk-12345"));

    ToolResult r = client.authSpec("greeter-key", key);

    assertThat(r.assertOk().data().get("adapter").asText()).isEqualTo("openai");
    assertThat(r.data().get("api_key").asText()).isEqualTo("sk-12345");
  }

  @Test
  void theHubIsAvailableToTests(DevHub hub, PluginClient client) {
    assertThat(hub.plugins().toString()).contains("greeter");
    assertThat(client.startupTime()).isPositive().isLessThan(Duration.ofSeconds(30));
  }

  @Test
  void theGeneratedDefinitionCanBeComparedWithACommittedOne(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
      throws Exception {
    String generated = Definitions.generated(Greeter.class);
    java.nio.file.Path committed = dir.resolve("definition.json");
    java.nio.file.Files.writeString(committed, generated.replace("\"version\": \"1.0.0\"", "\"version\": \"9.9.9\""));

    Definitions.assertSameAs(committed, generated, "version");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> Definitions.assertSameAs(committed, generated))
        .isInstanceOf(AssertionError.class).hasMessageContaining("9.9.9");
  }
}
