package dev.atomemo4j.devhub;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** hub_call:* (hub-protocol.md §9), answered with pushes only, and the file store's HTTP endpoints. */
class HubCallsTest extends HubTest {

    @Test
    void fileUploadedThroughThePresignedUrlIsDownloadedThroughTheFileUrl() {
        FakePlugin plugin = startPlugin();
        byte[] bytes = "%PDF-1.7 pretend".getBytes(StandardCharsets.UTF_8);

        FakePlugin.Frame upload = plugin.hubCall("get_upload_url", json("{'extension':'.pdf','key_prefix':'org/out'}"));
        String resKey = upload.payload().get("data").get("res_key").asText();
        Api.Reply put = Api.send(HttpRequest.newBuilder(URI.create(upload.payload().get("data").get("presigned_url")
                .asText())).header("Content-Type", "application/pdf").PUT(HttpRequest.BodyPublishers.ofByteArray(bytes)));
        FakePlugin.Frame fileUrl = plugin.hubCall("get_file_url", json("{'res_key':'" + resKey + "'}"));
        Api.Reply download = Api.send(HttpRequest.newBuilder(URI.create(fileUrl.payload().get("data").get("url")
                .asText())).GET());

        assertThat(upload.event()).isEqualTo("hub_call_response");
        assertThat(resKey).startsWith("org/out/").endsWith(".pdf");
        assertThat(put.status()).isEqualTo(200);
        assertThat(fileUrl.event()).isEqualTo("hub_call_response");
        assertThat(download.status()).isEqualTo(200);
        assertThat(download.body()).isEqualTo(bytes);
        assertThat(download.header("Content-Type")).isEqualTo("application/pdf");
    }

    @Test
    void getUploadUrlAcceptsTheJsSdksPrefixKey() {
        FakePlugin plugin = startPlugin();

        FakePlugin.Frame answer = plugin.hubCall("get_upload_url", json("{'extension':null,'prefixKey':'js-prefix'}"));

        assertThat(answer.payload().get("data").get("res_key").asText()).startsWith("js-prefix/");
    }

    @Test
    void hubCallsGetNoPhoenixReply() {
        FakePlugin plugin = startPlugin();

        plugin.hubCall("demo_hub_call", json("{'result':'x'}"));
        plugin.awaitReply(plugin.push("phx_leave", json("{}")));

        assertThat(plugin.hasReceived(frame -> frame.event().equals("phx_reply"))).isFalse();
    }

    @Test
    void downloadWithAWrongTokenIsForbidden() {
        FakePlugin plugin = startPlugin();
        FakePlugin.Frame upload = plugin.hubCall("get_upload_url", json("{'extension':'txt'}"));
        String presigned = upload.payload().get("data").get("presigned_url").asText();
        Api.send(HttpRequest.newBuilder(URI.create(presigned)).PUT(HttpRequest.BodyPublishers.ofString("x")));

        // The upload token is not a download token.
        Api.Reply reply = Api.send(HttpRequest.newBuilder(URI.create(presigned)).GET());

        assertThat(reply.status()).isEqualTo(403);
        assertThat(reply.errorCode()).isEqualTo("devhub:bad_token");
    }

    @Test
    void getFileUrlOfAMissingFileIsAHubCallError() {
        FakePlugin plugin = startPlugin();

        FakePlugin.Frame answer = plugin.hubCall("get_file_url", json("{'res_key':'no/such/file.txt'}"));

        assertThat(answer.event()).isEqualTo("hub_call_error");
        assertThat(answer.payload().get("error").get("code").asText()).isEqualTo("devhub:file_not_found");
    }

    @Test
    void invokeLlmWithoutAnEndpointSaysNoneIsConfigured() {
        FakePlugin plugin = startPlugin();

        FakePlugin.Frame answer = plugin.hubCall("invoke_llm",
                json("{'llm_config':{'__type__':'llm_config','model':'m'},'messages':[{'role':'user','content':'hi'}]}"));

        assertThat(answer.event()).isEqualTo("hub_call_error");
        JsonNode error = answer.payload().get("error");
        assertThat(error.get("code").asText()).isEqualTo("devhub:llm_not_configured");
        assertThat(error.get("message").asText()).startsWith("no LLM endpoint is configured; start the dev hub with"
                + " --llm-endpoint");
    }

    @Test
    void unknownHubCallIsAHubCallError() {
        FakePlugin plugin = startPlugin();

        FakePlugin.Frame answer = plugin.hubCall("teleport", json("{}"));

        assertThat(answer.event()).isEqualTo("hub_call_error");
        assertThat(answer.payload().get("error").get("code").asText()).isEqualTo("devhub:unknown_hub_call");
    }

    @Test
    void demoHubCallEchoesItsData() {
        FakePlugin plugin = startPlugin();

        FakePlugin.Frame answer = plugin.hubCall("demo_hub_call", json("{'result':'pong'}"));

        assertThat(answer.payload().get("data")).isEqualTo(json("{'result':'pong'}"));
    }

    @Test
    void fileUploadedThroughTheApiIsAFileRefWhoseUrlServesTheBytes() {
        Api.Reply upload = Api.send(HttpRequest.newBuilder(api.uri("/api/files?filename=notes.txt"))
                .header("Content-Type", "text/plain").POST(HttpRequest.BodyPublishers.ofString("hello file")));

        JsonNode ref = upload.json();
        Api.Reply download = Api.send(HttpRequest.newBuilder(URI.create(ref.get("remote_url").asText())).GET());

        assertThat(upload.status()).isEqualTo(201);
        assertThat(ref.get("__type__").asText()).isEqualTo("file_ref");
        assertThat(ref.get("source").asText()).isEqualTo("oss");
        assertThat(ref.get("filename").asText()).isEqualTo("notes.txt");
        assertThat(ref.get("extension").asText()).isEqualTo(".txt");
        assertThat(ref.get("size").asLong()).isEqualTo(10);
        assertThat(ref.has("content")).isTrue();
        assertThat(download.text()).isEqualTo("hello file");
        assertThat(api.get("/api/files").json().get("files")).hasSize(1);
    }
}
