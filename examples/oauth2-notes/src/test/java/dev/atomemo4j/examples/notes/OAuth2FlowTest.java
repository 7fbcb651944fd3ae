package dev.atomemo4j.examples.notes;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.atomemo4j.testing.PluginClient;
import dev.atomemo4j.testing.PluginTest;
import dev.atomemo4j.testing.ToolResult;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The whole authorization-code flow as a user runs it, through the dev hub: the plugin connects to an in-process
 * dev hub over a real WebSocket ({@link PluginTest}), the test plays the user's browser against the hub's HTTP API,
 * and a MockWebServer plays the notes service (its token endpoint and its API). The hub never talks to the provider
 * itself: every provider request below was sent by the plugin.
 */
@PluginTest(Notes.class)
class OAuth2FlowTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String CLIENT_ID = "notes-client";
  private static final String CLIENT_SECRET = "client-secret-value";
  private static final String MASK = "••••";
  private static final String NOTES = "{\"notes\": [{\"id\": \"n1\", \"title\": \"Standup\", \"snippet\": \"Ship the "
      + "OAuth2 example\", \"updated_at\": \"2026-05-01T09:00:00Z\"}, {\"id\": \"n2\", \"title\": \"Groceries\"}]}";

  private MockWebServer provider;

  @BeforeEach
  void start() throws Exception {
    provider = new MockWebServer();
    provider.start();
  }

  @AfterEach
  void stop() {
    provider.close();
  }

  private void answer(int code, String json) {
    provider.enqueue(new MockResponse.Builder().code(code).setHeader("Content-Type", "application/json")
        .body(json).build());
  }

  private RecordedRequest providerRequest() throws InterruptedException {
    RecordedRequest r = provider.takeRequest(5, TimeUnit.SECONDS);
    assertThat(r).as("the plugin sent a request to the provider").isNotNull();
    return r;
  }

  /** Creates the credential instance over the hub's API, with the client id and secret only. */
  private String createCredential(HubHttp hub) {
    ObjectNode body = JSON.createObjectNode().put("plugin", "oauth2-notes").put("credential", "notes-oauth2")
        .put("name", "my notes");
    body.putObject("values").put("client_id", CLIENT_ID).put("client_secret", CLIENT_SECRET)
        .put("service_url", provider.url("/").toString());
    HubHttp.Reply created = hub.post("/api/credentials", body.toString());
    assertThat(created.status()).as(created.text()).isEqualTo(201);
    JsonNode instance = created.json();
    assertThat(instance.get("oauth2").asBoolean()).isTrue();
    assertThat(instance.get("authorized").asBoolean()).isFalse();
    assertThat(instance.get("values").get("client_secret").asText()).isEqualTo(MASK);
    return instance.get("id").asText();
  }

  /** Step 1: the hub asks the plugin for the sign-in URL. Returns the request outcome's data. */
  private JsonNode authorize(HubHttp hub, String id) {
    HubHttp.Reply reply = hub.post("/api/credentials/" + id + "/oauth2/authorize", "{}");
    assertThat(reply.status()).as(reply.text()).isEqualTo(200);
    assertThat(reply.json().get("ok").asBoolean()).as(reply.text()).isTrue();
    return reply.json().get("data");
  }

  /** Step 2: the provider sends the browser back to the hub with the code and the state. */
  private HubHttp.Reply callback(HubHttp hub, String code, String state) {
    return hub.get("/oauth2/callback?code=" + URLEncoder.encode(code, StandardCharsets.UTF_8) + "&state="
        + URLEncoder.encode(state, StandardCharsets.UTF_8));
  }

  private JsonNode storedInstance(HubHttp hub, String id) {
    HubHttp.Reply listing = hub.get("/api/credentials?plugin=oauth2-notes&credential=notes-oauth2");
    assertThat(listing.status()).as(listing.text()).isEqualTo(200);
    for (JsonNode instance : listing.json().get("credentials")) {
      if (instance.get("id").asText().equals(id)) {
        return instance;
      }
    }
    throw new AssertionError("instance " + id + " is not listed: " + listing.text());
  }

  private static Map<String, String> form(RecordedRequest r) {
    return TokenEndpointTest.form(r);
  }

  @Test
  void authorizeExchangeTheCodeCallTheApiRefreshAndCallItAgain(PluginClient client) throws Exception {
    HubHttp hub = new HubHttp(client.hub().url());
    String redirectUri = client.hub().url().toString().replaceAll("/+$", "") + "/oauth2/callback";
    String id = createCredential(hub);

    // 1. Authorize: the plugin builds the provider's sign-in URL with the hub's redirect URI and state.
    JsonNode start = authorize(hub, id);
    String state = start.get("state").asText();
    HttpUrl signIn = HttpUrl.get(start.get("url").asText());
    assertThat(state).isNotBlank();
    assertThat(start.get("redirect_uri").asText()).isEqualTo(redirectUri);
    assertThat(signIn.host()).isEqualTo(provider.url("/").host());
    assertThat(signIn.port()).isEqualTo(provider.getPort());
    assertThat(signIn.encodedPath()).isEqualTo("/oauth/authorize");
    assertThat(signIn.queryParameter("response_type")).isEqualTo("code");
    assertThat(signIn.queryParameter("client_id")).isEqualTo(CLIENT_ID);
    assertThat(signIn.queryParameter("redirect_uri")).isEqualTo(redirectUri);
    assertThat(signIn.queryParameter("state")).isEqualTo(state);
    assertThat(signIn.queryParameter("scope")).isEqualTo(NotesAccount.SCOPE);
    assertThat(provider.getRequestCount()).as("building the URL calls nobody").isZero();

    // 2. The user signs in; the provider redirects to the hub, which has the plugin exchange the code.
    answer(200, "{\"access_token\": \"at-1\", \"token_type\": \"Bearer\", \"expires_in\": 3600, "
        + "\"refresh_token\": \"rt-1\", \"scope\": \"notes.read\"}");
    long before = Instant.now().getEpochSecond();
    HubHttp.Reply redirected = callback(hub, "code-42", state);
    long after = Instant.now().getEpochSecond();

    assertThat(redirected.status()).as(redirected.text()).isEqualTo(200);
    assertThat(redirected.json().get("ok").asBoolean()).isTrue();
    assertThat(redirected.json().get("instance").get("authorized").asBoolean()).isTrue();
    RecordedRequest token = providerRequest();
    assertThat(token.getMethod()).isEqualTo("POST");
    assertThat(token.getUrl().encodedPath()).isEqualTo("/oauth/token");
    assertThat(form(token)).containsExactly(
        Map.entry("grant_type", "authorization_code"),
        Map.entry("code", "code-42"),
        Map.entry("redirect_uri", redirectUri),
        Map.entry("client_id", CLIENT_ID),
        Map.entry("client_secret", CLIENT_SECRET));

    // 3. The hub stored the tokens; listings mask them.
    JsonNode stored = storedInstance(hub, id);
    JsonNode values = stored.get("values");
    assertThat(stored.get("authorized").asBoolean()).isTrue();
    assertThat(values.get("client_id").asText()).isEqualTo(CLIENT_ID);
    assertThat(values.get("client_secret").asText()).isEqualTo(MASK);
    assertThat(values.get("access_token").asText()).isEqualTo(MASK);
    assertThat(values.get("refresh_token").asText()).isEqualTo(MASK);
    assertThat(values.get("expires_at").asLong()).isBetween(before + 3600, after + 3600);
    assertThat(stored.get("expires_at").asLong()).isEqualTo(values.get("expires_at").asLong());
    assertThat(hub.get("/api/credentials").text()).doesNotContain("at-1", "rt-1", CLIENT_SECRET);
    assertThat(redirected.text()).doesNotContain("at-1", "rt-1", CLIENT_SECRET);

    // 4. The tool reads the notes with the access token.
    answer(200, NOTES);
    ToolResult listed = client.invoke("list-notes", Map.of("query", " standup "), Map.of("notes_account", id));

    assertThat(listed.assertOk().data()).isEqualTo(JSON.readTree("{\"count\": 2, \"notes\": ["
        + "{\"id\": \"n1\", \"title\": \"Standup\", \"snippet\": \"Ship the OAuth2 example\", "
        + "\"updated_at\": \"2026-05-01T09:00:00Z\"}, {\"id\": \"n2\", \"title\": \"Groceries\"}]}"));
    RecordedRequest api = providerRequest();
    assertThat(api.getMethod()).isEqualTo("GET");
    assertThat(api.getUrl().encodedPath()).isEqualTo("/api/v1/notes");
    assertThat(api.getUrl().queryParameter("q")).isEqualTo("standup");
    assertThat(api.getUrl().queryParameter("limit")).as("the default").isEqualTo("20");
    assertThat(api.getHeaders().get("Authorization")).isEqualTo("Bearer at-1");

    // 5. Refresh: the provider answers a new access token and no refresh token (no rotation).
    answer(200, "{\"access_token\": \"at-2\", \"token_type\": \"bearer\", \"expires_in\": 7200}");
    before = Instant.now().getEpochSecond();
    HubHttp.Reply refreshed = hub.post("/api/credentials/" + id + "/oauth2/refresh", "{}");
    after = Instant.now().getEpochSecond();

    assertThat(refreshed.json().get("ok").asBoolean()).as(refreshed.text()).isTrue();
    assertThat(refreshed.json().get("data").get("patched").toString())
        .contains("\"access_token\"", "\"expires_at\"");
    assertThat(refreshed.text()).doesNotContain("at-2", "rt-1");
    assertThat(form(providerRequest())).containsExactly(
        Map.entry("grant_type", "refresh_token"),
        Map.entry("refresh_token", "rt-1"),
        Map.entry("client_id", CLIENT_ID),
        Map.entry("client_secret", CLIENT_SECRET));
    assertThat(storedInstance(hub, id).get("expires_at").asLong()).isBetween(before + 7200, after + 7200);

    // 6. The tool now sends the new token.
    answer(200, NOTES);
    client.invoke("list-notes", Map.of("limit", 5), Map.of("notes_account", id)).assertOk();
    RecordedRequest again = providerRequest();
    assertThat(again.getHeaders().get("Authorization")).isEqualTo("Bearer at-2");
    assertThat(again.getUrl().queryParameter("limit")).isEqualTo("5");
    assertThat(again.getUrl().queryParameter("q")).isNull();

    // 7. The old refresh token was kept, so the next refresh still sends it; this time the provider rotates it…
    answer(200, "{\"access_token\": \"at-3\", \"token_type\": \"Bearer\", \"expires_in\": 3600, "
        + "\"refresh_token\": \"rt-2\"}");
    assertThat(hub.post("/api/credentials/" + id + "/oauth2/refresh", "{}").json().get("ok").asBoolean()).isTrue();
    assertThat(form(providerRequest())).containsEntry("refresh_token", "rt-1");

    // 8. …and the rotated one is what the refresh after that sends.
    answer(200, "{\"access_token\": \"at-4\", \"token_type\": \"Bearer\", \"expires_in\": 3600}");
    assertThat(hub.post("/api/credentials/" + id + "/oauth2/refresh", "{}").json().get("ok").asBoolean()).isTrue();
    assertThat(form(providerRequest())).containsEntry("refresh_token", "rt-2");
    answer(200, NOTES);
    client.invoke("list-notes", Map.of(), Map.of("notes_account", id)).assertOk();
    assertThat(providerRequest().getHeaders().get("Authorization")).isEqualTo("Bearer at-4");
  }

  @Test
  void aRefusedCodeIsShownWithThePluginsErrorAndNothingIsStored(PluginClient client) throws Exception {
    HubHttp hub = new HubHttp(client.hub().url());
    String id = createCredential(hub);
    String state = authorize(hub, id).get("state").asText();
    answer(400, "{\"error\": \"invalid_grant\", \"error_description\": \"the code expired\"}");

    HubHttp.Reply redirected = callback(hub, "stale-code", state);

    assertThat(redirected.status()).as(redirected.text()).isEqualTo(502);
    assertThat(redirected.json().get("ok").asBoolean()).isFalse();
    assertThat(redirected.json().get("error").get("code").asText()).isEqualTo(NotesErrors.TOKEN_REJECTED);
    assertThat(redirected.json().get("error").get("message").asText()).contains("invalid_grant");
    assertThat(form(providerRequest())).containsEntry("code", "stale-code");
    assertThat(storedInstance(hub, id).get("authorized").asBoolean()).isFalse();
  }

  @Test
  void aForgedStateNeverReachesThePluginOrTheProvider(PluginClient client) {
    HubHttp hub = new HubHttp(client.hub().url());
    String id = createCredential(hub);
    authorize(hub, id);

    HubHttp.Reply redirected = callback(hub, "code", "forged-state");

    assertThat(redirected.status()).isEqualTo(400);
    assertThat(redirected.json().get("error").get("code").asText()).isEqualTo("devhub:unknown_oauth2_state");
    assertThat(provider.getRequestCount()).isZero();
    assertThat(storedInstance(hub, id).get("authorized").asBoolean()).isFalse();
  }

  @Test
  void beforeAuthorizationTheToolAsksForIt(PluginClient client) {
    String id = createCredential(new HubHttp(client.hub().url()));

    client.invoke("list-notes", Map.of(), Map.of("notes_account", id)).assertError(NotesErrors.NOT_AUTHORIZED);
    assertThat(provider.getRequestCount()).isZero();
  }

  @Test
  void aRevokedTokenIsReportedAsUnauthorized(PluginClient client) throws Exception {
    String id = client.seedCredential("notes-oauth2", Map.of("client_id", CLIENT_ID, "client_secret", CLIENT_SECRET,
        "access_token", "revoked", "service_url", provider.url("/").toString()));
    answer(401, "{\"error\": \"invalid_token\"}");

    client.invoke("list-notes", Map.of(), Map.of("notes_account", id)).assertError(NotesErrors.UNAUTHORIZED);
    assertThat(providerRequest().getHeaders().get("Authorization")).isEqualTo("Bearer revoked");
  }

  @Test
  void refreshWithoutARefreshTokenFailsWithThePluginsError(PluginClient client) {
    HubHttp hub = new HubHttp(client.hub().url());
    String id = createCredential(hub);

    HubHttp.Reply refreshed = hub.post("/api/credentials/" + id + "/oauth2/refresh", "{}");

    assertThat(refreshed.json().get("ok").asBoolean()).as(refreshed.text()).isFalse();
    assertThat(refreshed.json().get("error").get("code").asText()).isEqualTo(NotesErrors.NO_REFRESH_TOKEN);
    assertThat(provider.getRequestCount()).isZero();
  }

  @Test
  void aLimitOutOfRangeIsRefusedBeforeTheToolRuns(PluginClient client) {
    String id = createCredential(new HubHttp(client.hub().url()));

    client.invoke("list-notes", Map.of("limit", 500), Map.of("notes_account", id))
        .assertError("sdk:invalid_parameter");
    assertThat(provider.getRequestCount()).isZero();
  }
}
