package dev.atomemo4j.runtime.internal.hub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.atomemo4j.runtime.ConfigException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Author and email (hub-protocol §13): overrides, the OneAuth session in debug mode, definition.json in release. */
class AuthorResolverTest {

  @TempDir Path home;
  @TempDir Path work;
  MockWebServer oneAuth;
  final List<String> problems = new ArrayList<>();
  final Map<String, String> env = new HashMap<>();

  @BeforeEach
  void setUp() throws Exception {
    oneAuth = new MockWebServer();
    oneAuth.start();
    env.put("HUB_WS_URL", "ws://127.0.0.1:4000");
    env.put("HUB_DEBUG_API_KEY", "k");
  }

  @AfterEach
  void tearDown() {
    oneAuth.close();
  }

  AuthorResolver.Plan plan() {
    HubConfig config = HubConfig.load(env, Map.of(), work, false, problems);
    return AuthorResolver.plan(config, null, null, work, home, problems);
  }

  void login(Path configDir, String deployment) throws Exception {
    Files.createDirectories(configDir);
    Files.writeString(configDir.resolve("atomemo.json"), "{\"auth\":{\"" + deployment + "\":{\"endpoint\":\""
        + oneAuth.url("/ignored/path") + "\",\"access_token\":\"tok-123\"}}}");
  }

  @Test
  void debugModeAsksOneAuthWithTheStoredToken() throws Exception {
    login(home.resolve(".choiceform"), "staging");
    oneAuth.enqueue(new MockResponse.Builder().code(200)
        .body("{\"session\":{},\"user\":{\"name\":\"Jane Doe\",\"email\":\"jane@example.com\"}}").build());

    AuthorResolver.Author author = plan().resolve(() -> HubFixture.CLIENT);
    assertThat(author).isEqualTo(new AuthorResolver.Author("Jane Doe", "jane@example.com"));
    RecordedRequest request = oneAuth.takeRequest(5, TimeUnit.SECONDS);
    assertThat(request.getMethod()).isEqualTo("GET");
    assertThat(request.getUrl().encodedPath()).isEqualTo("/v1/auth/get-session");
    assertThat(request.getHeaders().get("Authorization")).isEqualTo("Bearer tok-123");
    assertThat(request.getHeaders().get("Content-Type")).isEqualTo("application/json");
  }

  @Test
  void choiceformConfigDirReplacesTheHomeDirectory() throws Exception {
    Path custom = work.resolve("cfg");
    login(custom, "staging");
    env.put("CHOICEFORM_CONFIG_DIR", custom.toString());
    oneAuth.enqueue(new MockResponse.Builder().code(200)
        .body("{\"user\":{\"name\":\"A\",\"email\":\"a@example.com\"}}").build());
    assertThat(plan().resolve(() -> HubFixture.CLIENT).name()).isEqualTo("A");
  }

  @Test
  void theDeploymentFollowsTheHubUrl() throws Exception {
    login(home.resolve(".choiceform"), "staging");
    env.put("HUB_WS_URL", "wss://plugin-hub.atomemo.ai");
    assertThat(plan()).isNull();
    assertThat(problems).singleElement().asString()
        .contains("your Atomemo login (" + home.resolve(".choiceform/atomemo.json") + ") is not for the Hub "
            + "HUB_WS_URL points at (plugin-hub.atomemo.ai)")
        .doesNotContain("staging").doesNotContain("production");
  }

  @Test
  void missingLoginIsAConfigurationProblemWithAdvice() {
    assertThat(plan()).isNull();
    assertThat(problems).singleElement().asString()
        .contains("atomemo auth login").contains("ATOMEMO4J_AUTHOR").doesNotContain("tok-");
  }

  @Test
  void missingLoginIsExplainedInWordsWithoutNamingAFileThatDoesNotExist() {
    assertThat(plan()).isNull();
    assertThat(problems).singleElement().asString()
        .startsWith("debug mode registers the plugin under your Atomemo account's name and e-mail, and you are not "
            + "logged in to Atomemo on this machine.")
        .doesNotContain("atomemo.json").doesNotContain("staging");
  }

  @Test
  void rejectedTokenFailsWithTheStatusAndAdvice() throws Exception {
    login(home.resolve(".choiceform"), "staging");
    oneAuth.enqueue(new MockResponse.Builder().code(401).body("{}").build());
    AuthorResolver.Plan plan = plan();
    assertThatThrownBy(() -> plan.resolve(() -> HubFixture.CLIENT))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("HTTP 401").hasMessageContaining("atomemo auth login").hasMessageNotContaining("tok-123");
  }

  @Test
  void sessionWithoutUserNameOrEmailFails() throws Exception {
    login(home.resolve(".choiceform"), "staging");
    oneAuth.enqueue(new MockResponse.Builder().code(200).body("{\"user\":{\"name\":\"A\"}}").build());
    AuthorResolver.Plan plan = plan();
    assertThatThrownBy(() -> plan.resolve(() -> HubFixture.CLIENT)).isInstanceOf(ConfigException.class)
        .hasMessageContaining("no user.name and user.email");
  }

  @Test
  void environmentOverridesSkipTheLookup() {
    env.put("ATOMEMO4J_AUTHOR", "CI Bot");
    env.put("ATOMEMO4J_EMAIL", "ci@example.com");
    assertThat(plan().resolve(() -> HubFixture.CLIENT)).isEqualTo(new AuthorResolver.Author("CI Bot", "ci@example.com"));
    assertThat(oneAuth.getRequestCount()).isZero();
  }

  @Test
  void halfAnOverrideIsAProblem() {
    env.put("ATOMEMO4J_AUTHOR", "CI Bot");
    assertThat(plan()).isNull();
    assertThat(problems).singleElement().asString().contains("ATOMEMO4J_EMAIL is not");
  }

  @Test
  void releaseModeReadsDefinitionJson() throws Exception {
    env.put("HUB_MODE", "release");
    Files.writeString(work.resolve("definition.json"), "{\"name\":\"p\",\"author\":\"Rel\",\"email\":\"rel@x.io\"}");
    assertThat(plan().resolve(() -> HubFixture.CLIENT)).isEqualTo(new AuthorResolver.Author("Rel", "rel@x.io"));
  }

  @Test
  void releaseModeWithoutDefinitionJsonIsAProblem() {
    env.put("HUB_MODE", "release");
    assertThat(plan()).isNull();
    assertThat(problems).singleElement().asString().contains("definition.json").contains("does not exist");
  }

  @Test
  void aOneAuthEndpointOverPlainHttpToAnotherHostIsRefusedBeforeTheTokenIsSent() throws Exception {
    Path dir = home.resolve(".choiceform");
    Files.createDirectories(dir);
    Files.writeString(dir.resolve("atomemo.json"), "{\"auth\":{\"staging\":{\"endpoint\":"
        + "\"http://oneauth.example\",\"access_token\":\"tok-123\"}}}");

    assertThat(plan()).isNull();
    assertThat(problems).singleElement().asString().contains("is not https").doesNotContain("tok-123");
  }
}
