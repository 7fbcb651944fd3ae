package dev.atomemo4j.devhub;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The JSON API's own behaviour: health, keys, errors, origin checks, frames, static files. */
class HttpApiTest extends HubTest {

    @Test
    void healthReportsOkAndCounts() {
        startPlugin();

        JsonNode health = api.get("/api/health").json();

        assertThat(health.get("status").asText()).isEqualTo("ok");
        assertThat(health.get("plugins").asInt()).isEqualTo(1);
        assertThat(health.get("connected_plugins").asInt()).isEqualTo(1);
        assertThat(health.get("pending_requests").asInt()).isZero();
    }

    @Test
    void infoTellsPluginsWhereToConnect() {
        JsonNode info = api.get("/api/info").json();

        assertThat(info.get("ws_url").asText()).isEqualTo(hub.wsUrl().toString());
        assertThat(info.get("debug_socket").asText()).isEqualTo(hub.wsUrl() + "/debug_socket/websocket");
        assertThat(info.get("llm_configured").asBoolean()).isFalse();
        assertThat(info.get("request_timeout_ms").asLong()).isEqualTo(30_000);
    }

    @Test
    void theCatalogueHasNoBuildMemberUntilABuildIsReported() {
        assertThat(api.get("/api/plugins").json().has("build")).isFalse();
    }

    @Test
    void theCatalogueCarriesTheLastReportedBuildWithItsDiagnostics() {
        hub.reportBuild(new BuildStatus(BuildStatus.State.BUILDING, "/work/echo", java.util.List.of(), 4));
        hub.reportBuild(new BuildStatus(BuildStatus.State.FAILED, "/work/echo",
                java.util.List.of("/work/echo/src/main/java/Echo.java:3: error: cannot find symbol"), 4));

        assertThat(api.get("/api/plugins").json().get("build")).isEqualTo(json("{'state':'failed',"
                + "'source':'/work/echo','diagnostics':['/work/echo/src/main/java/Echo.java:3: error: cannot find symbol'],"
                + "'generation':4}"));
    }

    @Test
    void debugApiKeyEndpointReturnsTheSocketsKey() {
        JsonNode body = api.get("/api/v1/debug_api_key").json();

        assertThat(body).isEqualTo(json("{'api_key':'" + hub.apiKey() + "'}"));
    }

    @Test
    void generatedApiKeyIsKeptInTheDataDirectoryAcrossRestarts() throws Exception {
        String first = hub.apiKey();
        hub.close();

        hub = DevHub.builder().dataDirectory(data).build();
        hub.start();

        assertThat(hub.apiKey()).isEqualTo(first);
        assertThat(hub.apiKeyGenerated()).isTrue();
    }

    @Test
    void configuredApiKeyIsUsedAsIs() throws Exception {
        hub.close();

        hub = DevHub.builder().dataDirectory(data).apiKey("my-key").build();
        hub.start();

        assertThat(hub.apiKey()).isEqualTo("my-key");
        assertThat(new Api(hub).get("/api/v1/debug_api_key").json().get("api_key").asText()).isEqualTo("my-key");
    }

    @Test
    void unknownEndpointIs404WithACode() {
        Api.Reply reply = api.get("/api/nothing-here");

        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.errorCode()).isEqualTo("devhub:not_found");
        assertThat(reply.header("Content-Type")).startsWith("application/json");
    }

    @Test
    void unknownPluginDetailsAre404() {
        Api.Reply reply = api.get("/api/plugins/ghost-plugin");

        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.errorCode()).isEqualTo("devhub:unknown_plugin");
    }

    @Test
    void wrongMethodIs405WithTheAllowedMethods() {
        Api.Reply reply = api.delete("/api/plugins");

        assertThat(reply.status()).isEqualTo(405);
        assertThat(reply.errorCode()).isEqualTo("devhub:method_not_allowed");
        assertThat(reply.header("Allow")).isEqualTo("GET");
    }

    @Test
    void bodyThatIsNotJsonIs400() {
        startPlugin();

        Api.Reply reply = api.post("/api/plugins/acme-echo/tools/echo-text/invoke", "{not json");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.errorCode()).isEqualTo("devhub:invalid_json");
    }

    @Test
    void memberOfTheWrongTypeIs400() {
        startPlugin();

        Api.Reply reply = api.post("/api/plugins/acme-echo/tools/echo-text/invoke", json("{'parameters':[1]}"));

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().get("error").get("message").asText()).isEqualTo("\"parameters\" must be a JSON object");
    }

    @Test
    void bodyOverTheLimitIs413() throws IOException {
        String response = raw("POST /api/files HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: text/plain\r\n"
                + "Content-Length: " + (HttpApi.MAX_BODY_BYTES + 1L) + "\r\nConnection: close\r\n\r\nabc");

        assertThat(response).startsWith("HTTP/1.1 413").contains("devhub:too_large");
    }

    @Test
    void crossOriginPostIsRefused() {
        Api.Reply reply = Api.send(HttpRequest.newBuilder(api.uri("/api/credentials"))
                .header("Content-Type", "application/json").header("Origin", "https://evil.example")
                .POST(HttpRequest.BodyPublishers.ofString("{}")));

        assertThat(reply.status()).isEqualTo(403);
        assertThat(reply.errorCode()).isEqualTo("devhub:forbidden_origin");
    }

    @Test
    void sameOriginPostIsAccepted() {
        Api.Reply reply = Api.send(HttpRequest.newBuilder(api.uri("/api/credentials"))
                .header("Content-Type", "application/json").header("Origin", hub.url().toString())
                .POST(HttpRequest.BodyPublishers.ofString("{'plugin':'acme-echo'}".replace('\'', '"'))));

        assertThat(reply.errorCode()).isNotEqualTo("devhub:forbidden_origin");
    }

    @Test
    void foreignHostHeaderIsRefused() throws IOException {
        String response = rawGet("/api/v1/debug_api_key", "evil.example");

        assertThat(response).startsWith("HTTP/1.1 403").contains("devhub:forbidden_host").doesNotContain(hub.apiKey());
    }

    @Test
    void framesReturnsTheMostRecentOnesUpToTheLimit() {
        FakePlugin plugin = startPlugin();
        plugin.hubCall("demo_hub_call", json("{'n':1}"));

        JsonNode body = api.get("/api/frames?limit=2").json();

        assertThat(body.get("frames")).hasSize(2);
        assertThat(body.get("frames").get(0).get("event").asText()).isEqualTo("hub_call:demo_hub_call");
        assertThat(body.get("frames").get(1).get("event").asText()).isEqualTo("hub_call_response");
        assertThat(body.get("last_seq").asLong()).isEqualTo(body.get("frames").get(1).get("seq").asLong());
    }

    @Test
    void framesAfterASequenceNumberReturnOnlyNewerOnes() {
        FakePlugin plugin = startPlugin();
        long seen = api.get("/api/frames").json().get("last_seq").asLong();
        plugin.hubCall("demo_hub_call", json("{}"));

        JsonNode frames = api.get("/api/frames?after=" + seen).json().get("frames");

        assertThat(frames.findValuesAsText("event")).containsExactly("hub_call:demo_hub_call", "hub_call_response");
    }

    @Test
    void framesLimitOutOfRangeIs400() {
        assertThat(api.get("/api/frames?limit=0").status()).isEqualTo(400);
    }

    @Test
    void rootRedirectsToTheInspector() {
        Api.Reply reply = api.get("/");

        assertThat(reply.status()).isEqualTo(302);
        assertThat(reply.header("Location")).isEqualTo("/inspector/");
    }

    @Test
    void inspectorFilesAreServedFromTheClasspath() {
        Api.Reply reply = api.get("/inspector/");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.header("Content-Type")).startsWith("text/html");
        assertThat(reply.text()).contains("atomemo4j dev hub");
    }

    @Test
    void inspectorPathTraversalIsNotServed() {
        Api.Reply reply = api.get("/inspector/..%2F..%2Fdevhub%2FDevHub.class");

        assertThat(reply.status()).isIn(400, 404);
    }

    private String rawGet(String path, String host) throws IOException {
        return raw("GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n");
    }

    /** Sends a hand-written HTTP/1.1 request (for headers the JDK client does not let a caller set). */
    private String raw(String request) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", hub.port())) {
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
