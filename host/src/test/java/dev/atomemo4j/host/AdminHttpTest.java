package dev.atomemo4j.host;

import static dev.atomemo4j.host.testplugins.HandWrittenRegistry.plugin;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.atomemo4j.host.testplugins.GlossaryPlugin;
import dev.atomemo4j.host.testplugins.GlossaryPluginRegistry;
import dev.atomemo4j.host.testplugins.TicketsConfig;
import dev.atomemo4j.host.testplugins.TicketsPluginRegistry;
import dev.atomemo4j.host.testsupport.RecordingLogs;
import dev.atomemo4j.runtime.HealthResult;
import dev.atomemo4j.runtime.Secret;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The admin API over real HTTP on 127.0.0.1. */
class AdminHttpTest {
  private static final String SECRET = "sk-HTTPMARKER-7d";
  private static final ObjectMapper JSON = new ObjectMapper();
  private final HttpClient http = HttpClient.newHttpClient();
  private final AtomicBoolean downstreamUp = new AtomicBoolean(true);
  private PluginHost host;

  private record Reply(int status, JsonNode body, String raw) {}

  @BeforeEach
  void start() {
    host = PluginHost.builder().adminPort(0)
        .plugin(new TicketsPluginRegistry(), new TicketsConfig("https://t.example", Secret.of(SECRET), 5))
        .plugin(new GlossaryPluginRegistry())
        .plugin(plugin("probe").healthCheck(p -> downstreamUp.get() ? HealthResult.ok()
            : HealthResult.unhealthy("downstream refused")).registry())
        .start();
  }

  @AfterEach
  void stop() {
    host.close();
  }

  private Reply call(String method, String path) throws Exception {
    HttpRequest request = HttpRequest.newBuilder(URI.create(host.adminUrl().orElseThrow() + path))
        .method(method, HttpRequest.BodyPublishers.noBody()).build();
    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
    return new Reply(response.statusCode(), JSON.readTree(response.body()), response.body());
  }

  @Test
  void theAdminApiListensOnLoopback() {
    assertThat(host.adminUrl().orElseThrow().getHost()).isEqualTo("127.0.0.1");
  }

  @Test
  void healthIs200WhenEveryEnabledPluginIsHealthyAnd503Otherwise() throws Exception {
    Reply ok = call("GET", "/health");
    assertThat(ok.status()).isEqualTo(200);
    assertThat(ok.body().get("status").asText()).isEqualTo("healthy");
    downstreamUp.set(false);
    call("POST", "/api/plugins/probe/health");
    Reply down = call("GET", "/health");
    assertThat(down.status()).isEqualTo(503);
    assertThat(down.body().get("plugins").get(2).get("message").asText()).isEqualTo("downstream refused");
  }

  @Test
  void thePluginListShowsStatusEnabledTypesAndVersion() throws Exception {
    Reply list = call("GET", "/api/plugins");
    assertThat(list.status()).isEqualTo(200);
    JsonNode tickets = list.body().get("plugins").get(0);
    assertThat(tickets.get("id").asText()).isEqualTo("tickets");
    assertThat(tickets.get("version").asText()).isEqualTo("2.1.0");
    assertThat(tickets.get("types").get(0).asText()).isEqualTo("action");
    assertThat(tickets.get("status").asText()).isEqualTo("healthy");
    assertThat(tickets.get("enabled").asBoolean()).isTrue();
  }

  @Test
  void aPluginsDetailMasksSecretConfigFieldsAndCarriesItsManifest() throws Exception {
    Reply detail = call("GET", "/api/plugins/tickets");
    assertThat(detail.status()).isEqualTo(200);
    assertThat(detail.body().get("config").get("apiKey").asText()).isEqualTo("********");
    assertThat(detail.body().get("config").get("apiUrl").asText()).isEqualTo("https://t.example");
    assertThat(detail.body().get("config").get("maxResults").asInt()).isEqualTo(5);
    assertThat(detail.body().get("manifest").get("id").asText()).isEqualTo("tickets");
    assertThat(detail.raw()).doesNotContain(SECRET);
    assertThat(RecordingLogs.all()).doesNotContain(SECRET);
  }

  @Test
  void anUnknownPluginIsAStructured404() throws Exception {
    Reply missing = call("GET", "/api/plugins/nobody");
    assertThat(missing.status()).isEqualTo(404);
    assertThat(missing.body().get("code").asText()).isEqualTo("host:unknown_plugin");
    assertThat(missing.body().get("message").asText()).contains("nobody");
  }

  @Test
  void refreshOverHttpReachesThePluginAndReloadsTheContext() throws Exception {
    int before = GlossaryPlugin.REFRESHES.get();
    assertThat(call("GET", "/api/context").body().get("context").asText()).contains("edition 1");
    Reply refreshed = call("POST", "/api/plugins/glossary/refresh");
    assertThat(refreshed.status()).isEqualTo(200);
    assertThat(refreshed.body().get("ok").asBoolean()).isTrue();
    assertThat(GlossaryPlugin.REFRESHES.get()).isEqualTo(before + 1);
    assertThat(call("GET", "/api/context").body().get("context").asText()).contains("edition 2");
  }

  @Test
  void aRefreshThatCannotWorkIsA409WithItsReason() throws Exception {
    Reply refused = call("POST", "/api/plugins/tickets/refresh");
    assertThat(refused.status()).isEqualTo(409);
    assertThat(refused.body().get("code").asText()).isEqualTo("host:refresh_failed");
    assertThat(refused.body().get("ok").asBoolean()).isFalse();
  }

  @Test
  void disableTakesAContextPluginOutOfTheContextAndEnableBringsItBack() throws Exception {
    Reply disabled = call("POST", "/api/plugins/glossary/disable");
    assertThat(disabled.body().get("enabled").asBoolean()).isFalse();
    assertThat(disabled.body().get("changed").asBoolean()).isTrue();
    assertThat(call("GET", "/api/context").body().get("context").asText()).isEmpty();
    call("POST", "/api/plugins/glossary/enable");
    assertThat(call("GET", "/api/context").body().get("plugins").get(0).asText()).isEqualTo("glossary");
  }

  @Test
  void aWrongMethodIsA405() throws Exception {
    Reply wrong = call("GET", "/api/plugins/glossary/refresh");
    assertThat(wrong.status()).isEqualTo(405);
    assertThat(wrong.body().get("code").asText()).isEqualTo("host:method_not_allowed");
  }

  @Test
  void aRequestForAnotherHostNameIsRefusedAgainstDnsRebinding() throws Exception {
    URI url = host.adminUrl().orElseThrow();
    try (Socket socket = new Socket(url.getHost(), url.getPort())) {
      socket.getOutputStream().write(("GET /api/plugins HTTP/1.1\r\nHost: attacker.example\r\n"
          + "Connection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
      String reply = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(reply).startsWith("HTTP/1.1 403").contains("host:forbidden_host").doesNotContain("tickets");
    }
  }

  @Test
  void aCrossSitePostIsRefused() throws Exception {
    HttpRequest request = HttpRequest.newBuilder(URI.create(host.adminUrl().orElseThrow()
        + "/api/plugins/glossary/disable")).header("Origin", "https://evil.example")
        .POST(HttpRequest.BodyPublishers.noBody()).build();
    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(403);
    assertThat(host.plugin("glossary").enabled()).isTrue();
  }
}
