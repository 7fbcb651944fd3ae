package dev.atomemo4j.host.routes;

import static dev.atomemo4j.host.testplugins.HandWrittenRegistry.plugin;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.atomemo4j.annotations.HookPoint;
import dev.atomemo4j.host.PluginHost;
import dev.atomemo4j.host.testplugins.TicketsConfig;
import dev.atomemo4j.host.testsupport.RecordingLogs;
import dev.atomemo4j.runtime.HealthResult;
import dev.atomemo4j.runtime.PluginStatus;
import dev.atomemo4j.runtime.Secret;
import dev.atomemo4j.runtime.hooks.RequestEvent;
import dev.atomemo4j.runtime.hooks.ResponseEvent;
import dev.atomemo4j.runtime.routes.RouteResponse;
import dev.atomemo4j.runtime.spi.HookBinding;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Plugin routes under /plugins/<id>/ and the HTTP hooks, over real HTTP on 127.0.0.1. */
class PluginRoutesHttpTest {
  private static final String SECRET = "sk-ROUTEMARKER-91";
  private static final ObjectMapper JSON = new ObjectMapper();
  private final HttpClient http = HttpClient.newHttpClient();
  private final AtomicBoolean downstreamUp = new AtomicBoolean(true);
  /** What the observing plugin's hooks saw, in the order they ran. */
  private final BlockingQueue<Object> observed = new LinkedBlockingQueue<>();
  private PluginHost host;

  private record Reply(int status, JsonNode body, String raw, HttpResponse<String> response) {}

  @BeforeEach
  void start() {
    host = PluginHost.builder().adminPort(0).maxRouteBodyBytes(64)
        .plugin(RoutedPlugin.of(plugin("webhooks").config(TicketsConfig.BINDING)
            .healthCheck(p -> downstreamUp.get() ? HealthResult.ok() : HealthResult.unhealthy("down")),
            (p, router) -> router
                .get("/items/{id}", r -> RouteResponse.json(Map.of("id", r.pathParam("id"),
                    "q", r.query("q").orElse("-"))))
                .get("/items/latest", r -> RouteResponse.ok("the latest"))
                .post("/items", r -> RouteResponse.text(201, "got " + r.bodyText())
                    .withHeader("X-Echo", r.header("x-test").orElse("none")))
                .get("/boom", r -> {
                  throw new IllegalStateException("kaput, key " + SECRET);
                })
                .get("/nothing", r -> null)),
            new TicketsConfig("https://t.example", Secret.of(SECRET), 5))
        .plugin(RoutedPlugin.of(plugin("observer"), null,
            new HookBinding(HookPoint.ON_REQUEST, "seen", null, null, (p, event, ctx) -> {
              observed.add(event);
              return null;
            }),
            new HookBinding(HookPoint.ON_RESPONSE, "answered", null, null, (p, event, ctx) -> {
              observed.add(event);
              return null;
            })))
        .plugin(RoutedPlugin.of(plugin("clumsy"), null,
            new HookBinding(HookPoint.ON_REQUEST, "explode", null, null, (p, event, ctx) -> {
              throw new IllegalStateException("hook trouble");
            })))
        .start();
  }

  @AfterEach
  void stop() {
    host.close();
  }

  private Reply call(String method, String path, String body) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(host.adminUrl().orElseThrow() + path))
        .header("X-Test", "marker")
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body));
    HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    JsonNode json = response.headers().firstValue("Content-Type").orElse("").startsWith("application/json")
        ? JSON.readTree(response.body()) : null;
    return new Reply(response.statusCode(), json, response.body(), response);
  }

  private Reply get(String path) throws Exception {
    return call("GET", path, null);
  }

  @Test
  void aRouteReceivesItsPathParameterAndQuery() throws Exception {
    Reply reply = get("/plugins/webhooks/items/a%20b?q=x%26y");

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.body().get("id").asText()).isEqualTo("a b");
    assertThat(reply.body().get("q").asText()).isEqualTo("x&y");
  }

  @Test
  void aLiteralRouteWinsOverAParameterRoute() throws Exception {
    assertThat(get("/plugins/webhooks/items/latest").raw()).isEqualTo("the latest");
  }

  @Test
  void aRouteReadsTheBodyAndHeadersCaseInsensitivelyAndSetsItsOwnStatusAndHeaders() throws Exception {
    Reply reply = call("POST", "/plugins/webhooks/items", "hello");

    assertThat(reply.status()).isEqualTo(201);
    assertThat(reply.raw()).isEqualTo("got hello");
    assertThat(reply.response().headers().firstValue("X-Echo")).hasValue("marker");
  }

  @Test
  void anUnknownRouteIs404WithAStableCode() throws Exception {
    Reply reply = get("/plugins/webhooks/nowhere");

    assertThat(reply.status()).isEqualTo(404);
    assertThat(reply.body().get("code").asText()).isEqualTo("host:route_not_found");
  }

  @Test
  void anUnknownPluginIs404UnknownPlugin() throws Exception {
    Reply reply = get("/plugins/nobody/items/1");

    assertThat(reply.status()).isEqualTo(404);
    assertThat(reply.body().get("code").asText()).isEqualTo("host:unknown_plugin");
  }

  @Test
  void aPluginWithoutRoutesAnswers404() throws Exception {
    assertThat(get("/plugins/observer/").body().get("code").asText()).isEqualTo("host:route_not_found");
  }

  @Test
  void aWrongMethodIs405WithTheAllowedMethods() throws Exception {
    Reply reply = call("DELETE", "/plugins/webhooks/items", null);

    assertThat(reply.status()).isEqualTo(405);
    assertThat(reply.body().get("code").asText()).isEqualTo("host:method_not_allowed");
    assertThat(reply.response().headers().firstValue("Allow")).hasValue("POST");
  }

  @Test
  void aDisabledPluginAnswers503UntilEnabledAgain() throws Exception {
    host.disable("webhooks");
    Reply disabled = get("/plugins/webhooks/items/1");
    host.enable("webhooks");

    assertThat(disabled.status()).isEqualTo(503);
    assertThat(disabled.body().get("code").asText()).isEqualTo("host:plugin_unavailable");
    assertThat(disabled.body().get("message").asText()).contains("disabled");
    assertThat(get("/plugins/webhooks/items/1").status()).isEqualTo(200);
  }

  @Test
  void anUnhealthyPluginAnswers503() throws Exception {
    downstreamUp.set(false);
    host.probe("webhooks");

    Reply reply = get("/plugins/webhooks/items/1");

    assertThat(reply.status()).isEqualTo(503);
    assertThat(reply.body().get("message").asText()).contains("unhealthy");
  }

  @Test
  void aThrowingHandlerIs500WithAStableCodeAndNeitherTheMessageNorTheSecretReachTheCaller() throws Exception {
    Reply reply = get("/plugins/webhooks/boom");

    assertThat(reply.status()).isEqualTo(500);
    assertThat(reply.body().get("code").asText()).isEqualTo("host:route_failed");
    assertThat(reply.raw()).doesNotContain("kaput", SECRET, "Exception", "at ");
  }

  @Test
  void aThrowingHandlersFailureIsLoggedWithThePluginsSecretsMasked() throws Exception {
    get("/plugins/webhooks/boom");

    assertThat(RecordingLogs.all()).contains("route GET /boom failed: java.lang.IllegalStateException: kaput, key "
        + "[REDACTED]").doesNotContain(SECRET);
  }

  @Test
  void aHandlerReturningNoResponseIs500() throws Exception {
    Reply reply = get("/plugins/webhooks/nothing");

    assertThat(reply.status()).isEqualTo(500);
    assertThat(reply.body().get("message").asText()).contains("returned no response");
  }

  @Test
  void aBodyOverTheCapIs413AndTheHandlerNeverSeesIt() throws Exception {
    Reply reply = call("POST", "/plugins/webhooks/items", "x".repeat(65));

    assertThat(reply.status()).isEqualTo(413);
    assertThat(reply.body().get("code").asText()).isEqualTo("host:body_too_large");
  }

  @Test
  void aBodyAtTheCapIsAccepted() throws Exception {
    assertThat(call("POST", "/plugins/webhooks/items", "x".repeat(64)).status()).isEqualTo(201);
  }

  @Test
  void pluginRoutesAcceptAForeignHostHeaderThatTheAdminApiRefuses() throws Exception {
    URI url = host.adminUrl().orElseThrow();

    assertThat(rawGet(url, "/plugins/webhooks/items/latest", "hooks.example.com")).startsWith("HTTP/1.1 200");
    assertThat(rawGet(url, "/api/plugins", "hooks.example.com")).startsWith("HTTP/1.1 403");
  }

  private static String rawGet(URI url, String path, String hostHeader) throws Exception {
    try (Socket socket = new Socket(url.getHost(), url.getPort())) {
      socket.getOutputStream().write(("GET " + path + " HTTP/1.1\r\nHost: " + hostHeader
          + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
      return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @Test
  void theHookSeesTheRequestThenItsResponseWithMethodPathAndStatus() throws Exception {
    get("/plugins/webhooks/items/7");

    RequestEvent request = (RequestEvent) observed.poll(10, TimeUnit.SECONDS);
    ResponseEvent response = (ResponseEvent) observed.poll(10, TimeUnit.SECONDS);
    assertThat(request.pluginId()).isEqualTo("webhooks");
    assertThat(request.method()).isEqualTo("GET");
    assertThat(request.path()).isEqualTo("/plugins/webhooks/items/7");
    assertThat(request.header("x-test")).containsExactly("marker");
    assertThat(response).isEqualTo(new ResponseEvent("webhooks", "GET", "/plugins/webhooks/items/7", 200));
  }

  @Test
  void theHooksSeeTheHostsErrorAnswersToo() throws Exception {
    call("DELETE", "/plugins/webhooks/items", null);

    observed.poll(10, TimeUnit.SECONDS);
    assertThat(((ResponseEvent) observed.poll(10, TimeUnit.SECONDS)).status()).isEqualTo(405);
  }

  @Test
  void theHooksObserveTheAdminApiWithNoPluginId() throws Exception {
    get("/api/plugins");

    RequestEvent request = (RequestEvent) observed.poll(10, TimeUnit.SECONDS);
    assertThat(request.pluginId()).isNull();
    assertThat(request.path()).isEqualTo("/api/plugins");
  }

  @Test
  void aThrowingHookDoesNotBreakTheRequest() throws Exception {
    Reply reply = get("/plugins/webhooks/items/latest");

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.raw()).isEqualTo("the latest");
  }

  @Test
  void aDisabledPluginsHooksDoNotRun() throws Exception {
    host.disable("observer");
    get("/plugins/webhooks/items/1");
    host.enable("observer");
    get("/plugins/webhooks/items/2");

    // The first request's onResponse may be decided after the enable (it runs once the answer is sent): skip it.
    Object first = observed.poll(10, TimeUnit.SECONDS);
    while (first != null && !(first instanceof RequestEvent)) {
      first = observed.poll(10, TimeUnit.SECONDS);
    }
    assertThat(((RequestEvent) first).path()).endsWith("/items/2");
  }

  @Test
  void theHostSaysWhereAPluginsRoutesAre() {
    assertThat(host.pluginUrl("webhooks").orElseThrow().toString())
        .isEqualTo(host.adminUrl().orElseThrow() + "/plugins/webhooks/");
    assertThat(host.plugin("webhooks").status()).isEqualTo(PluginStatus.HEALTHY);
  }

  @Test
  void hooksSeeCredentialHeadersRedacted() throws Exception {
    HttpRequest request = HttpRequest.newBuilder(URI.create(host.pluginUrl("webhooks").orElseThrow() + "items/1"))
        .header("Authorization", "Bearer caller-token-5521").GET().build();
    http.send(request, HttpResponse.BodyHandlers.discarding());

    RequestEvent seen = (RequestEvent) observed.poll(10, TimeUnit.SECONDS);
    assertThat(seen.header("authorization")).containsExactly(RequestEvent.REDACTED);
    assertThat(List.copyOf(seen.headers().values()).toString()).doesNotContain("caller-token-5521");
  }
}
