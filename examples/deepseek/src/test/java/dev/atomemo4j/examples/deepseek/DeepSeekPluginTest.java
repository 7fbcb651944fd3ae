package dev.atomemo4j.examples.deepseek;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.atomemo4j.testing.PluginClient;
import dev.atomemo4j.testing.PluginTest;
import dev.atomemo4j.testing.ToolResult;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The credential as the Hub uses it: stored in an in-process dev hub, its values sent to the plugin over the socket
 * with {@code credential_auth_spec}, decoded into {@link DeepSeekApiKey} by the runtime, and the spec answered.
 */
@PluginTest(DeepSeek.class)
class DeepSeekPluginTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void theAuthSpecOfAStoredKeyIsWhatTheOfficialPluginAnswers(PluginClient client) throws Exception {
    String key = client.seedCredential("deepseek-api-key", Map.of("api_key", "sk-abc"));

    ToolResult r = client.authSpec("deepseek-api-key", key);

    // The Java API answers the plugin's data unmasked; the official plugin names no model.
    assertThat(r.assertOk().data()).isEqualTo(JSON.readTree("{\"adapter\": \"deepseek\", \"api_key\": \"sk-abc\", "
        + "\"endpoint\": \"https://api.deepseek.com/chat/completions\", "
        + "\"headers\": {\"authorization\": \"Bearer sk-abc\"}}"));
  }

  @Test
  void theHubsHttpApiMasksTheKeyInTheSpec(PluginClient client) throws Exception {
    String key = client.seedCredential("deepseek-api-key", Map.of("api_key", "sk-very-secret"));

    JsonNode outcome = post(client, "/api/plugins/deepseek/credentials/deepseek-api-key/auth-spec",
        "{\"instance_id\": \"" + key + "\"}");

    assertThat(outcome.get("ok").asBoolean()).as(outcome.toString()).isTrue();
    assertThat(outcome.get("data").get("adapter").asText()).isEqualTo("deepseek");
    assertThat(outcome.toString()).doesNotContain("sk-very-secret");
  }

  @Test
  void anEmptyKeyIsTheCredentialsOwnError(PluginClient client) throws Exception {
    // The hub refuses to store an empty required value, so the values are sent inline, unchecked.
    JsonNode outcome = post(client, "/api/plugins/deepseek/credentials/deepseek-api-key/auth-spec",
        "{\"credential\": {\"api_key\": \"\"}}");

    assertThat(outcome.get("ok").asBoolean()).as(outcome.toString()).isFalse();
    assertThat(outcome.get("error").get("code").asText()).isEqualTo("deepseek:empty_api_key");
    assertThat(outcome.get("error").get("message").asText())
        .isEqualTo("credential api_key is empty, please check your credential");
  }

  @Test
  void thePluginRegistersItsTwoModelsAndNoTools(PluginClient client) throws Exception {
    JsonNode definition = get(client, "/api/plugins/deepseek").get("definition");

    assertThat(definition.get("models").findValuesAsText("name"))
        .containsExactly("deepseek-chat", "deepseek-reasoner");
    assertThat(definition.get("tools")).isEmpty();
  }

  private static JsonNode post(PluginClient client, String path, String json) throws IOException, InterruptedException {
    return send(HttpRequest.newBuilder(uri(client, path)).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json)));
  }

  private static JsonNode get(PluginClient client, String path) throws IOException, InterruptedException {
    return send(HttpRequest.newBuilder(uri(client, path)).GET());
  }

  private static URI uri(PluginClient client, String path) {
    return URI.create(client.hub().url().toString().replaceAll("/+$", "") + path);
  }

  private static JsonNode send(HttpRequest.Builder request) throws IOException, InterruptedException {
    HttpResponse<String> r = HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    return JSON.readTree(r.body());
  }
}
