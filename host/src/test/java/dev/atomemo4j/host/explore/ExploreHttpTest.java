package dev.atomemo4j.host.explore;

import static dev.atomemo4j.host.explore.SandboxPlugins.sandbox;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.atomemo4j.host.PluginHost;
import dev.atomemo4j.runtime.HealthResult;
import dev.atomemo4j.runtime.sandbox.ExecResult;
import dev.atomemo4j.runtime.sandbox.SandboxCapabilities;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code /api/explore} on the host's admin API over real HTTP on 127.0.0.1. */
class ExploreHttpTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final HttpClient http = HttpClient.newHttpClient();

  @TempDir Path semantic;

  private PluginHost start(SandboxPolicy policy) {
    return PluginHost.builder().adminPort(0)
        .exploreSettings(ExploreSettings.defaults().withSemanticRoot(semantic).withBuiltIns(Set.of())
            .withPolicy(policy))
        .plugin(sandbox("web-box").capabilities(new SandboxCapabilities(true, true, false))
            .health(p -> HealthResult.ok())
            .exec(command -> new ExecResult("out of " + command, "", 0)).registry())
        .start();
  }

  private JsonNode[] call(PluginHost host, String method, String body) throws Exception {
    HttpRequest request = HttpRequest.newBuilder(URI.create(host.adminUrl().orElseThrow() + "/api/explore"))
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
        .header("Content-Type", "application/json").build();
    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
    return new JsonNode[] {JSON.getNodeFactory().numberNode(response.statusCode()), JSON.readTree(response.body())};
  }

  @Test
  void postingACommandRunsItAndAnswersTheResult() throws Exception {
    try (PluginHost host = start(SandboxPolicy.PERMISSIVE)) {
      JsonNode[] reply = call(host, "POST", "{\"command\": \"ls -la\"}");

      assertThat(reply[0].asInt()).isEqualTo(200);
      assertThat(reply[1].get("backend").asText()).isEqualTo("web-box");
      assertThat(reply[1].get("stdout").asText()).isEqualTo("out of ls -la");
      assertThat(reply[1].get("exitCode").asInt()).isZero();
      assertThat(reply[1].get("timedOut").asBoolean()).isFalse();
      assertThat(reply[1].get("truncated").asBoolean()).isFalse();
    }
  }

  @Test
  void anInvalidCommandIs400WithItsCode() throws Exception {
    try (PluginHost host = start(SandboxPolicy.PERMISSIVE)) {
      JsonNode[] reply = call(host, "POST", "{\"command\": \"\"}");

      assertThat(reply[0].asInt()).isEqualTo(400);
      assertThat(reply[1].get("code").asText()).isEqualTo("explore:invalid_command");
    }
  }

  @Test
  void noUsableBackendIs503ListingTheAttempts() throws Exception {
    try (PluginHost host = start(SandboxPolicy.ISOLATED)) {
      JsonNode[] reply = call(host, "POST", "{\"command\": \"ls\"}");

      assertThat(reply[0].asInt()).isEqualTo(503);
      assertThat(reply[1].get("code").asText()).isEqualTo("explore:no_backend");
      JsonNode attempt = reply[1].get("attempts").get(0);
      assertThat(attempt.get("backend").asText()).isEqualTo("web-box");
      assertThat(attempt.get("outcome").asText()).isEqualTo("refused");
      assertThat(attempt.get("reason").asText()).contains("unprivilegedExecution");
    }
  }

  @Test
  void getShowsTheSettingsAndTheBackendInUse() throws Exception {
    try (PluginHost host = start(SandboxPolicy.PERMISSIVE)) {
      JsonNode before = call(host, "GET", null)[1];
      call(host, "POST", "{\"command\": \"ls\"}");
      JsonNode after = call(host, "GET", null)[1];

      assertThat(before.get("backend").isNull()).isTrue();
      assertThat(after.get("backend").asText()).isEqualTo("web-box");
      assertThat(after.get("semanticRoot").asText()).isEqualTo(semantic.toAbsolutePath().normalize().toString());
      assertThat(after.get("maxOutputBytes").asInt()).isEqualTo(ExploreLimits.DEFAULT.maxOutputBytes());
      assertThat(after.get("lastSelection").get(0).get("outcome").asText()).isEqualTo("chosen");
    }
  }
}
