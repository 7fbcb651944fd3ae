package dev.atomemo4j.runtime.internal.hub;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Configuration rules of hub-protocol §12 and §2.1, with every problem reported at once. */
class HubConfigTest {

  @TempDir Path dir;
  final List<String> problems = new ArrayList<>();

  HubConfig load(Map<String, String> env) {
    return HubConfig.load(env, Map.of(), dir, false, problems);
  }

  @Test
  void debugIsTheDefaultModeAndTheEndpointGetsItsSocketPath() {
    HubConfig c = load(Map.of("HUB_WS_URL", "wss://plugin-hub.atomemo.ai", "HUB_DEBUG_API_KEY", "k"));
    assertThat(problems).isEmpty();
    assertThat(c.mode()).isEqualTo(Mode.DEBUG);
    assertThat(c.endpoint()).isEqualTo("wss://plugin-hub.atomemo.ai/debug_socket");
    assertThat(c.apiKey()).isEqualTo("k");
    assertThat(c.deployment()).isEqualTo("production");
  }

  @Test
  void oneTrailingSlashIsRemovedAndAPathIsKept() {
    HubConfig c = load(Map.of("HUB_WS_URL", "ws://localhost:4000/socket/", "HUB_DEBUG_API_KEY", "k"));
    assertThat(c.endpoint()).isEqualTo("ws://localhost:4000/socket/debug_socket");
    assertThat(c.deployment()).isEqualTo("staging");
  }

  @Test
  void releaseModeNeedsNoApiKeyAndSendsNone() {
    HubConfig c = load(Map.of("HUB_MODE", "release", "HUB_WS_URL", "wss://hub.example", "HUB_DEBUG_API_KEY", "k"));
    assertThat(problems).isEmpty();
    assertThat(c.endpoint()).isEqualTo("wss://hub.example/release_socket");
    assertThat(c.apiKey()).isNull();
  }

  @Test
  void everyProblemIsReportedAtOnce() {
    load(Map.of("HUB_MODE", "prod", "HUB_WS_URL", "http://hub.example", "ATOMEMO4J_ALLOW_INSECURE", "maybe"));
    assertThat(problems).hasSize(3);
    assertThat(problems.get(0)).contains("HUB_MODE").contains("`prod`");
    assertThat(problems.get(1)).contains("ATOMEMO4J_ALLOW_INSECURE");
    assertThat(problems.get(2)).contains("HUB_WS_URL must start with ws:// or wss://");
  }

  @Test
  void missingUrlAndKeyAreBothReported() {
    load(Map.of());
    assertThat(problems).hasSize(2);
    assertThat(problems.get(0)).startsWith("HUB_WS_URL is not set");
    assertThat(problems.get(1)).startsWith("HUB_DEBUG_API_KEY is not set").contains("atomemo plugin refresh-key");
  }

  @Test
  void unencryptedWebSocketToAnotherHostIsRefused() {
    load(Map.of("HUB_WS_URL", "ws://hub.example", "HUB_DEBUG_API_KEY", "k"));
    assertThat(problems).singleElement().asString().contains("unencrypted ws://").contains("ATOMEMO4J_ALLOW_INSECURE");
  }

  @Test
  void unencryptedWebSocketIsAllowedWhenAskedFor() {
    load(Map.of("HUB_WS_URL", "ws://hub.example", "HUB_DEBUG_API_KEY", "k", "ATOMEMO4J_ALLOW_INSECURE", "true"));
    assertThat(problems).isEmpty();
  }

  @Test
  void unencryptedWebSocketToLoopbackIsAllowed() {
    for (String host : List.of("localhost", "127.0.0.1", "127.1.2.3", "[::1]")) {
      load(Map.of("HUB_WS_URL", "ws://" + host + ":4000", "HUB_DEBUG_API_KEY", "k"));
    }
    assertThat(problems).isEmpty();
    assertThat(HubConfig.isLoopback("127.0.0.1.evil.com")).isFalse();
    assertThat(HubConfig.isLoopback("128.0.0.1")).isFalse();
  }

  @Test
  void urlWithQueryOrUserInfoIsRefused() {
    load(Map.of("HUB_WS_URL", "wss://hub.example/?x=1", "HUB_DEBUG_API_KEY", "k"));
    load(Map.of("HUB_WS_URL", "wss://u:p@hub.example", "HUB_DEBUG_API_KEY", "k"));
    assertThat(problems).hasSize(2);
    assertThat(problems.get(1)).doesNotContain("u:p");
  }

  @Test
  void dotEnvFillsInAndTheEnvironmentWins() throws Exception {
    Files.writeString(dir.resolve(".env"), "HUB_WS_URL=wss://from-dotenv.example\nHUB_DEBUG_API_KEY=dotenv-key\n");
    HubConfig c = load(Map.of("HUB_DEBUG_API_KEY", "env-key"));
    assertThat(problems).isEmpty();
    assertThat(c.baseUrl()).isEqualTo("wss://from-dotenv.example");
    assertThat(c.apiKey()).isEqualTo("env-key");
  }

  @Test
  void overridesWinOverTheEnvironment() {
    HubConfig c = HubConfig.load(Map.of("HUB_WS_URL", "wss://a.example", "HUB_DEBUG_API_KEY", "k"),
        Map.of("HUB_WS_URL", "wss://b.example"), dir, false, problems);
    assertThat(c.baseUrl()).isEqualTo("wss://b.example");
  }

  @Test
  void debugFollowsTheJsSemantics() {
    Map<String, String> base = Map.of("HUB_WS_URL", "wss://a.example", "HUB_DEBUG_API_KEY", "k");
    assertThat(load(base).debugLogging()).isTrue();
    assertThat(load(base).debugStacks()).isFalse();
    assertThat(load(with(base, "NODE_ENV", "production")).debugLogging()).isFalse();
    assertThat(load(with(base, "DEBUG", "TRUE")).debugStacks()).isTrue();
    assertThat(load(with(base, "DEBUG", "1")).debugLogging()).isFalse();
  }

  private static Map<String, String> with(Map<String, String> base, String key, String value) {
    Map<String, String> m = new java.util.HashMap<>(base);
    m.put(key, value);
    return m;
  }

  @Test
  void aLocalhostNameThatDoesNotResolveToLoopbackIsNotTrustedWithTheKeyInClearText() {
    // Not in any hosts file: it resolves nowhere, so nothing says the debug key would stay on this machine.
    load(Map.of("HUB_WS_URL", "ws://atomemo4j-test-unresolvable.localhost:4000", "HUB_DEBUG_API_KEY", "k"));
    assertThat(problems).singleElement().asString().contains("unencrypted ws://");
  }

  @Test
  void aLocalhostNameIsLoopbackOnlyWhenEveryAddressItResolvesToIs() throws Exception {
    java.net.InetAddress elsewhere =
        java.net.InetAddress.getByAddress("evil.localhost", new byte[] {(byte) 203, 0, 113, 5});
    java.net.InetAddress loopback = java.net.InetAddress.getByAddress("app.localhost", new byte[] {127, 0, 0, 1});
    assertThat(HubConfig.isLoopback("evil.localhost", h -> new java.net.InetAddress[] {elsewhere})).isFalse();
    assertThat(HubConfig.isLoopback("app.localhost", h -> new java.net.InetAddress[] {loopback, elsewhere}))
        .isFalse();
    assertThat(HubConfig.isLoopback("app.localhost", h -> new java.net.InetAddress[] {loopback})).isTrue();
  }
}
