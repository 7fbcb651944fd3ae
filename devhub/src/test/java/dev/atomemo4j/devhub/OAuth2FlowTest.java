package dev.atomemo4j.devhub;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** The OAuth2 authorization-code helper, end to end with a fake plugin answering the three OAuth2 events. */
class OAuth2FlowTest extends HubTest {
    private static final String CLIENT_SECRET = "client-secret-value";

    @Test
    void authorizeAsksThePluginForAUrlWithTheHubsCallbackAndAFreshState() {
        FakePlugin plugin = startPlugin();
        String id = createOAuthInstance();

        CompletableFuture<Api.Reply> reply = api.postAsync("/api/credentials/" + id + "/oauth2/authorize", json("{}"));
        JsonNode request = plugin.awaitRequest("oauth2_build_authorize_url");
        plugin.respond("oauth2_build_authorize_url", request, json("{'url':'https://auth.example/authorize?state="
                + request.get("state").asText() + "'}"));
        JsonNode body = Api.await(reply).json();

        assertThat(request.get("credential_name").asText()).isEqualTo("acme-oauth");
        assertThat(request.get("credential")).isEqualTo(json("{'client_id':'cid','client_secret':'" + CLIENT_SECRET + "'}"));
        assertThat(request.get("redirect_uri").asText()).isEqualTo(hub.url() + "/oauth2/callback");
        assertThat(request.get("state").asText()).hasSizeGreaterThan(20);
        assertThat(body.get("ok").asBoolean()).isTrue();
        assertThat(body.get("data").get("url").asText()).endsWith("state=" + request.get("state").asText());
        assertThat(body.get("data").get("state")).isEqualTo(request.get("state"));
    }

    @Test
    void callbackExchangesTheCodeThroughThePluginAndStoresTheTokens() throws Exception {
        FakePlugin plugin = startPlugin();
        String id = createOAuthInstance();
        String state = authorize(plugin, id);
        plugin.answer("oauth2_get_token", request -> FakePlugin.Answer.ok(json(
                "{'parameters_patch':{'access_token':'at-1','refresh_token':'rt-1','expires_at':1900000000}}")));

        Api.Reply callback = Api.send(HttpRequest.newBuilder(callbackUri("the-code", state)).GET());
        JsonNode instance = api.get("/api/credentials/" + id).json();
        RequestOutcome check = invokeAuthSpecAndCapture(plugin, id);

        assertThat(callback.status()).isEqualTo(200);
        assertThat(callback.header("Content-Type")).startsWith("text/html");
        assertThat(callback.text()).contains("is authorized");
        assertThat(instance.get("authorized").asBoolean()).isTrue();
        assertThat(instance.get("expires_at").asLong()).isEqualTo(1900000000L);
        assertThat(instance.get("values")).isEqualTo(json("{'client_id':'cid','client_secret':'••••',"
                + "'access_token':'••••','refresh_token':'••••','expires_at':1900000000}"));
        assertThat(check.data().get("seen")).isEqualTo(json("{'client_id':'cid','client_secret':'" + CLIENT_SECRET
                + "','access_token':'at-1','refresh_token':'rt-1','expires_at':1900000000}"));
    }

    @Test
    void getTokenRequestCarriesTheCodeAndTheSameRedirectUri() {
        FakePlugin plugin = startPlugin();
        String id = createOAuthInstance();
        String state = authorize(plugin, id);

        CompletableFuture<Api.Reply> callback = Api.sendAsync(HttpRequest.newBuilder(callbackUri("c0de", state))
                .header("Accept", "application/json").GET());
        JsonNode request = plugin.awaitRequest("oauth2_get_token");
        plugin.respond("oauth2_get_token", request, json("{'parameters_patch':{'access_token':'at'}}"));
        JsonNode body = Api.await(callback).json();

        assertThat(request.get("code").asText()).isEqualTo("c0de");
        assertThat(request.get("redirect_uri").asText()).isEqualTo(hub.url() + "/oauth2/callback");
        assertThat(request.get("credential_name").asText()).isEqualTo("acme-oauth");
        assertThat(body.get("ok").asBoolean()).isTrue();
        assertThat(body.get("instance").get("authorized").asBoolean()).isTrue();
    }

    @Test
    void callbackWithAnUnknownStateIsRefused() {
        startPlugin();

        Api.Reply callback = Api.send(HttpRequest.newBuilder(callbackUri("code", "forged-state"))
                .header("Accept", "application/json").GET());

        assertThat(callback.status()).isEqualTo(400);
        assertThat(callback.json().get("error").get("code").asText()).isEqualTo("devhub:unknown_oauth2_state");
    }

    @Test
    void stateCanBeUsedOnlyOnce() {
        FakePlugin plugin = startPlugin();
        String id = createOAuthInstance();
        String state = authorize(plugin, id);
        plugin.answer("oauth2_get_token", request -> FakePlugin.Answer.ok(json("{'parameters_patch':{'access_token':'a'}}")));
        Api.send(HttpRequest.newBuilder(callbackUri("code", state)).GET());

        Api.Reply replay = Api.send(HttpRequest.newBuilder(callbackUri("code", state)).GET());

        assertThat(replay.status()).isEqualTo(400);
    }

    @Test
    void pluginErrorDuringTheCodeExchangeIsShownAndNothingIsStored() {
        FakePlugin plugin = startPlugin();
        String id = createOAuthInstance();
        String state = authorize(plugin, id);
        plugin.answer("oauth2_get_token", request -> FakePlugin.Answer.error("sdk:exception", "invalid_grant"));

        Api.Reply callback = Api.send(HttpRequest.newBuilder(callbackUri("bad", state)).GET());

        assertThat(callback.status()).isEqualTo(502);
        assertThat(callback.text()).contains("invalid_grant");
        assertThat(api.get("/api/credentials/" + id).json().get("authorized").asBoolean()).isFalse();
    }

    @Test
    void refreshSendsTheStoredTokensAndStoresTheNewAccessToken() throws Exception {
        FakePlugin plugin = startPlugin();
        String id = createOAuthInstance();
        String state = authorize(plugin, id);
        plugin.answer("oauth2_get_token", request -> FakePlugin.Answer.ok(json(
                "{'parameters_patch':{'access_token':'at-1','refresh_token':'rt-1','expires_at':100}}")));
        Api.send(HttpRequest.newBuilder(callbackUri("code", state)).GET());

        CompletableFuture<Api.Reply> reply = api.postAsync("/api/credentials/" + id + "/oauth2/refresh", json("{}"));
        JsonNode request = plugin.awaitRequest("oauth2_refresh_token");
        plugin.respond("oauth2_refresh_token", request, json("{'parameters_patch':{'access_token':'at-2','expires_at':200}}"));
        Api.Reply refreshed = Api.await(reply);
        RequestOutcome check = invokeAuthSpecAndCapture(plugin, id);

        assertThat(request.get("credential").get("refresh_token").asText()).isEqualTo("rt-1");
        assertThat(refreshed.json().get("ok").asBoolean()).isTrue();
        assertThat(refreshed.json().get("data").get("patched").toString()).isEqualTo("[\"access_token\",\"expires_at\"]");
        assertThat(refreshed.text()).doesNotContain("at-2");
        assertThat(check.data().get("seen").get("access_token").asText()).isEqualTo("at-2");
        assertThat(check.data().get("seen").get("expires_at").asInt()).isEqualTo(200);
    }

    @Test
    void authorizeOnANonOAuthCredentialIs400() {
        startPlugin();
        String id = createAcmeKey("k");

        Api.Reply reply = api.post("/api/credentials/" + id + "/oauth2/authorize", json("{}"));

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().get("error").get("message").asText()).contains("is not an OAuth2 credential");
    }

    @Test
    void oauth2InstanceNeedsNoTokensWhenCreated() {
        startPlugin();

        Api.Reply reply = api.post("/api/credentials", json("{'plugin':'acme-echo','credential':'acme-oauth',"
                + "'values':{'client_id':'cid'}}"));

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().get("error").get("details").findValuesAsText("parameter"))
                .containsExactly("client_secret");
    }

    private String createOAuthInstance() {
        Api.Reply reply = api.post("/api/credentials", json("{'plugin':'acme-echo','credential':'acme-oauth',"
                + "'name':'oauth','values':{'client_id':'cid','client_secret':'" + CLIENT_SECRET + "'}}"));
        assertThat(reply.status()).as(reply.text()).isEqualTo(201);
        assertThat(reply.json().get("authorized").asBoolean()).isFalse();
        return reply.json().get("id").asText();
    }

    /** Runs step 1 and returns the state the hub remembers. */
    private String authorize(FakePlugin plugin, String id) {
        plugin.answer("oauth2_build_authorize_url", request -> FakePlugin.Answer.ok(json(
                "{'url':'https://auth.example/authorize?state=" + request.get("state").asText() + "'}")));
        JsonNode body = api.post("/api/credentials/" + id + "/oauth2/authorize", json("{}")).json();
        assertThat(body.get("ok").asBoolean()).as(body.toString()).isTrue();
        return body.get("data").get("state").asText();
    }

    private URI callbackUri(String code, String state) {
        return api.uri("/oauth2/callback?code=" + URLEncoder.encode(code, StandardCharsets.UTF_8) + "&state="
                + URLEncoder.encode(state, StandardCharsets.UTF_8));
    }

    /** What the plugin now receives as the credential's values (via credential_auth_spec, echoed back). */
    private RequestOutcome invokeAuthSpecAndCapture(FakePlugin plugin, String id) throws Exception {
        plugin.answer("credential_auth_spec", request -> {
            var data = FakePlugin.MAPPER.createObjectNode();
            data.set("seen", request.get("credential"));
            return FakePlugin.Answer.ok(data);
        });
        return hub.credentialAuthSpec("acme-echo", "acme-oauth", id).get();
    }
}
