package dev.atomemo4j.host.routes;

import static dev.atomemo4j.host.testplugins.HandWrittenRegistry.plugin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.atomemo4j.core.lifecycle.CallKind;
import dev.atomemo4j.core.lifecycle.InvalidConfigException;
import dev.atomemo4j.core.lifecycle.StatusTransition;
import dev.atomemo4j.host.HostFile;
import dev.atomemo4j.host.PluginHost;
import dev.atomemo4j.host.testplugins.TicketsConfig;
import dev.atomemo4j.host.testsupport.RecordingListener;
import dev.atomemo4j.host.testsupport.RecordingLogs;
import dev.atomemo4j.runtime.HealthResult;
import dev.atomemo4j.runtime.PluginStatus;
import dev.atomemo4j.runtime.Secret;
import dev.atomemo4j.runtime.routes.RouteResponse;
import dev.atomemo4j.runtime.routes.Router;
import dev.atomemo4j.runtime.spi.ConfigViolation;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * When and how routes are registered: once, at wiring, after initialize; a registration that does not hold, a
 * throwing or hanging {@code @Routes} method fail the plugin's wiring (unhealthy for good, a structured reason); the
 * HTTP server's settings.
 */
class RouteWiringTest {
  private static final String SECRET = "sk-WIRINGMARKER-28";
  private final HttpClient http = HttpClient.newHttpClient();

  private int status(PluginHost host, String path) throws Exception {
    HttpRequest request = HttpRequest.newBuilder(URI.create(host.adminUrl().orElseThrow() + path)).GET().build();
    return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
  }

  private static String lastReason(RecordingListener listener) {
    List<StatusTransition> transitions = listener.events().stream().filter(e -> e instanceof StatusTransition)
        .map(e -> (StatusTransition) e).toList();
    return transitions.get(transitions.size() - 1).reason();
  }

  @Test
  void routesAreRegisteredOnceAfterInitialize() {
    List<String> calls = new CopyOnWriteArrayList<>();
    try (PluginHost host = PluginHost.builder()
        .plugin(RoutedPlugin.of(plugin("hooks").initialize((p, ctx) -> calls.add("initialize")),
            (p, router) -> calls.add("routes")))
        .start()) {
      assertThat(calls).containsExactly("initialize", "routes");
    }
  }

  @Test
  void badRegistrationsFailTheWiringWithEveryProblemAndACode() throws Exception {
    RecordingListener listener = new RecordingListener();
    try (PluginHost host = PluginHost.builder().adminPort(0).listener(listener)
        .plugin(RoutedPlugin.of(plugin("broken"), (p, router) -> router
            .post("/events", r -> RouteResponse.ok("a"))
            .post("/events", r -> RouteResponse.ok("b"))
            .get("no-slash", r -> RouteResponse.ok("c"))))
        .start()) {
      host.flushEvents();

      assertThat(host.plugin("broken").status()).isEqualTo(PluginStatus.UNHEALTHY);
      assertThat(lastReason(listener)).contains("routes failed to wire [host:bad_routes]",
          "POST /events is registered twice", "path \"no-slash\" must start with /");
      assertThat(status(host, "/plugins/broken/events")).isEqualTo(503);
    }
  }

  @Test
  void aPluginWhoseRoutesFailedToWireStaysUnhealthyWhenItsProbeSucceeds() {
    try (PluginHost host = PluginHost.builder()
        .plugin(RoutedPlugin.of(plugin("broken").healthCheck(p -> HealthResult.ok()), (p, router) -> router
            .get("/a", r -> RouteResponse.ok("a")).get("/a", r -> RouteResponse.ok("a"))))
        .start()) {
      var health = host.probe("broken");

      assertThat(health.healthy()).isFalse();
      assertThat(health.message()).contains("host:bad_routes");
      assertThat(host.plugin("broken").status()).isEqualTo(PluginStatus.UNHEALTHY);
    }
  }

  @Test
  void aThrowingRoutesMethodFailsTheWiringWithTheSecretMasked() {
    RecordingListener listener = new RecordingListener();
    try (PluginHost host = PluginHost.builder().listener(listener)
        .plugin(RoutedPlugin.of(plugin("thrower").config(TicketsConfig.BINDING), (p, router) -> {
          throw new IllegalStateException("cannot reach the signer with " + SECRET);
        }), new TicketsConfig("https://t.example", Secret.of(SECRET), 5))
        .start()) {
      host.flushEvents();

      assertThat(host.plugin("thrower").status()).isEqualTo(PluginStatus.UNHEALTHY);
      assertThat(lastReason(listener)).contains("[host:routes_failed]", "cannot reach the signer with [REDACTED]")
          .doesNotContain(SECRET);
      assertThat(RecordingLogs.all()).doesNotContain(SECRET);
    }
  }

  @Test
  void aRoutesMethodPastItsDeadlineFailsTheWiring() {
    CountDownLatch never = new CountDownLatch(1);
    RecordingListener listener = new RecordingListener();
    try (PluginHost host = PluginHost.builder().listener(listener).deadline(CallKind.ROUTES, Duration.ofMillis(50))
        .plugin(RoutedPlugin.of(plugin("slow"), (p, router) -> never.await()))
        .start()) {
      host.flushEvents();

      assertThat(host.plugin("slow").status()).isEqualTo(PluginStatus.UNHEALTHY);
      assertThat(lastReason(listener)).contains("[host:routes_failed]", "timed out");
    }
  }

  @Test
  void aPluginThatFailedToInitializeIsNeverAskedForRoutes() throws Exception {
    AtomicInteger asked = new AtomicInteger();
    try (PluginHost host = PluginHost.builder().adminPort(0)
        .plugin(RoutedPlugin.of(plugin("sick").initialize((p, ctx) -> {
          throw new IllegalStateException("no");
        }), (p, router) -> asked.incrementAndGet()))
        .start()) {
      assertThat(asked).hasValue(0);
      assertThat(status(host, "/plugins/sick/")).isEqualTo(503);
    }
  }

  @Test
  void aRouterKeptPastTheRoutesMethodRefusesLateRegistrations() throws Exception {
    Router[] kept = new Router[1];
    try (PluginHost host = PluginHost.builder()
        .plugin(RoutedPlugin.of(plugin("keeper"), (p, router) -> kept[0] = router))
        .start()) {
      Throwable late = catchThrowable(() -> kept[0].get("/later", r -> RouteResponse.ok("x")));

      assertThat(late).isInstanceOf(IllegalStateException.class);
      assertThat(host.plugin("keeper").status()).isEqualTo(PluginStatus.HEALTHY);
    }
  }

  @Test
  void withTheAdminApiOffOnlyPluginRoutesAreServed() throws Exception {
    try (PluginHost host = PluginHost.builder().adminPort(0).adminApi(false)
        .plugin(RoutedPlugin.of(plugin("public"), (p, router) -> router.get("/", r -> RouteResponse.ok("hi"))))
        .start()) {
      assertThat(status(host, "/plugins/public/")).isEqualTo(200);
      assertThat(status(host, "/api/plugins")).isEqualTo(404);
      assertThat(status(host, "/health")).isEqualTo(404);
    }
  }

  @Test
  void withoutAnHttpPortRoutesAreNotServedAndTheHostSaysSo() {
    try (PluginHost host = PluginHost.builder()
        .plugin(RoutedPlugin.of(plugin("unreachable"), (p, router) -> router.get("/", r -> RouteResponse.ok("x"))))
        .start()) {
      assertThat(host.pluginUrl("unreachable")).isEmpty();
      assertThat(RecordingLogs.all()).contains("plugins [unreachable] have routes, but the host has no HTTP port");
    }
  }

  @Test
  void theHostFileTurnsTheAdminApiOffAndSetsTheBodyCap(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
      throws Exception {
    java.nio.file.Path file = java.nio.file.Files.writeString(dir.resolve("host.yaml"),
        "http:\n  port: 0\n  adminApi: false\n  maxBodyBytes: 10\nplugins: []\n");
    try (PluginHost host = HostFile.read(file, Map.of()).toBuilder().start()) {
      assertThat(status(host, "/api/plugins")).isEqualTo(404);
    }
  }

  @Test
  void aBadHttpSettingInTheHostFileIsAProblemWithItsPath(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
      throws Exception {
    java.nio.file.Path file = java.nio.file.Files.writeString(dir.resolve("host.yaml"),
        "http:\n  port: 0\n  adminApi: maybe\n  maxBodyBytes: lots\nplugins: []\n");

    Throwable thrown = catchThrowable(() -> HostFile.read(file, Map.of()).toBuilder().start());

    assertThat(thrown).isInstanceOf(InvalidConfigException.class);
    assertThat(((InvalidConfigException) thrown).problems()).extracting(ConfigViolation::path)
        .containsExactly("http.adminApi", "http.maxBodyBytes");
  }
}
