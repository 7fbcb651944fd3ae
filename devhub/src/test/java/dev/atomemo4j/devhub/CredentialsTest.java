package dev.atomemo4j.devhub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Credential instances: CRUD, validation, masking, persistence, and their use in requests. */
class CredentialsTest extends HubTest {
    private static final String SECRET = "sk-live-very-secret";

    @Test
    void createdInstanceIsListedWithItsSecretMasked() {
        startPlugin();
        String id = createAcmeKey(SECRET);

        JsonNode list = api.get("/api/credentials").json().get("credentials");

        assertThat(list).hasSize(1);
        JsonNode instance = list.get(0);
        assertThat(instance.get("id").asText()).isEqualTo(id);
        assertThat(instance.get("plugin").asText()).isEqualTo("acme-echo");
        assertThat(instance.get("credential").asText()).isEqualTo("acme-key");
        assertThat(instance.get("values")).isEqualTo(json("{'api_key':'••••','region':'eu'}"));
    }

    @Test
    void secretIsMaskedInTheCreateAndGetResponsesToo() {
        startPlugin();

        Api.Reply created = api.post("/api/credentials", json(
                "{'plugin':'acme-echo','credential':'acme-key','values':{'api_key':'" + SECRET + "','region':'us'}}"));
        Api.Reply fetched = api.get("/api/credentials/" + created.json().get("id").asText());

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.text()).doesNotContain(SECRET);
        assertThat(fetched.text()).doesNotContain(SECRET);
        assertThat(fetched.json().get("values")).isEqualTo(json("{'api_key':'••••','region':'us'}"));
    }

    @Test
    void valuesAreCheckedAgainstTheCredentialsParameters() {
        startPlugin();

        Api.Reply reply = api.post("/api/credentials", json("{'plugin':'acme-echo','credential':'acme-key',"
                + "'values':{'region':'mars','retries':1.5,'colour':'red'}}"));

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.errorCode()).isEqualTo("devhub:invalid_credential_values");
        assertThat(reply.json().get("error").get("details").findValuesAsText("parameter"))
                .containsExactlyInAnyOrder("colour", "api_key", "region", "retries");
        assertThat(reply.json().get("error").get("message").asText())
                .contains("\"api_key\" is required", "\"region\" must be one of [\"eu\",\"us\"]",
                        "\"retries\" must be an integer", "has no parameter \"colour\"");
    }

    @Test
    void valueOfTheWrongJsonTypeIsRefused() {
        startPlugin();

        Api.Reply reply = api.post("/api/credentials", json(
                "{'plugin':'acme-echo','credential':'acme-key','values':{'api_key':42}}"));

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().get("error").get("message").asText()).contains("\"api_key\" must be a string");
    }

    @Test
    void unknownCredentialOfAKnownPluginIs404() {
        startPlugin();

        Api.Reply reply = api.post("/api/credentials", json("{'plugin':'acme-echo','credential':'nope-cred','values':{}}"));

        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.errorCode()).isEqualTo("devhub:unknown_credential");
    }

    @Test
    void deletedInstanceIsGoneAndDeletingItAgainIs404() {
        startPlugin();
        String id = createAcmeKey(SECRET);

        Api.Reply deleted = api.delete("/api/credentials/" + id);
        Api.Reply again = api.delete("/api/credentials/" + id);

        assertThat(deleted.status()).isEqualTo(200);
        assertThat(api.get("/api/credentials").json().get("credentials")).isEmpty();
        assertThat(again.status()).isEqualTo(404);
        assertThat(again.errorCode()).isEqualTo("devhub:unknown_credential_instance");
    }

    @Test
    void patchKeepsValuesSentBackMaskedAndReplacesTheOthers() throws Exception {
        FakePlugin plugin = startPlugin();
        String id = createAcmeKey(SECRET);

        Api.Reply patched = api.patch("/api/credentials/" + id,
                json("{'name':'renamed','values':{'api_key':'••••','region':'us'}}"));
        JsonNode request = invokeCallApi(plugin, id);

        assertThat(patched.status()).isEqualTo(200);
        assertThat(patched.json().get("name").asText()).isEqualTo("renamed");
        assertThat(request.get("credentials").get(id)).isEqualTo(json("{'api_key':'" + SECRET + "','region':'us'}"));
    }

    @Test
    void instancesSurviveARestartOfTheDevHubAndOnlyTheirSecretsAreMasked() throws Exception {
        startPlugin();
        String id = createAcmeKey(SECRET);

        hub.close();
        hub = DevHub.builder().dataDirectory(data).build();
        hub.start();
        api = new Api(hub);

        JsonNode list = api.get("/api/credentials").json().get("credentials");
        assertThat(list.findValuesAsText("id")).containsExactly(id);
        // The definition kept in the data directory still says which values are secret: only those are masked.
        assertThat(list.get(0).get("values")).isEqualTo(json("{'api_key':'••••','region':'eu'}"));
    }

    @Test
    void storeFileIsOwnerOnlyAndNoTemporaryFilesRemain() throws Exception {
        startPlugin();
        createAcmeKey(SECRET);
        createAcmeKey("second");

        var file = data.resolve("credentials.json");
        List<String> names;
        try (Stream<java.nio.file.Path> list = Files.list(data)) {
            names = list.map(p -> p.getFileName().toString()).toList();
        }

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(names).noneMatch(name -> name.endsWith(".tmp"));
        assertThat(FakePlugin.MAPPER.readTree(file.toFile()).get("instances")).hasSize(2);
    }

    @Test
    void credentialIdParameterIsResolvedIntoTheDecryptedCredentialsMap() throws Exception {
        FakePlugin plugin = startPlugin();
        String id = createAcmeKey(SECRET);

        JsonNode request = invokeCallApi(plugin, id);

        assertThat(request.get("parameters").get("acme_credential").asText()).isEqualTo(id);
        assertThat(request.get("credentials")).isEqualTo(json("{'" + id + "':{'api_key':'" + SECRET
                + "','region':'eu'}}"));
    }

    @Test
    void unknownCredentialInstanceInParametersIs404() {
        startPlugin();

        Api.Reply reply = api.post("/api/plugins/acme-echo/tools/call-api/invoke",
                json("{'parameters':{'acme_credential':'no-such-id'}}"));

        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.errorCode()).isEqualTo("devhub:unknown_credential_instance");
    }

    @Test
    void instanceOfAnotherCredentialIsRefusedForACredentialIdParameter() {
        startPlugin();
        String oauth = api.post("/api/credentials", json("{'plugin':'acme-echo','credential':'acme-oauth',"
                + "'values':{'client_id':'c','client_secret':'s'}}")).json().get("id").asText();

        Api.Reply reply = api.post("/api/plugins/acme-echo/tools/call-api/invoke",
                json("{'credentials':{'acme_credential':'" + oauth + "'}}"));

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.errorCode()).isEqualTo("devhub:credential_mismatch");
    }

    @Test
    void framesLogRedactsCredentialValuesAndEncryptedParameters() throws Exception {
        FakePlugin plugin = startPlugin();
        String id = createAcmeKey(SECRET);

        CompletableFuture<Api.Reply> reply = api.postAsync("/api/plugins/acme-echo/tools/call-api/invoke",
                json("{'parameters':{'token':'tok-secret','query':'q'},'credentials':{'acme_credential':'" + id + "'}}"));
        JsonNode request = plugin.awaitRequest("invoke_tool");
        plugin.respond("invoke_tool", request, json("{'echo':'done'}"));
        Api.await(reply);
        Api.Reply frames = api.get("/api/frames?limit=50");

        assertThat(request.get("parameters").get("token").asText()).isEqualTo("tok-secret");
        assertThat(frames.text()).doesNotContain(SECRET, "tok-secret");
        JsonNode invoke = find(frames.json().get("frames"), "invoke_tool");
        assertThat(invoke.get("direction").asText()).isEqualTo("out");
        assertThat(invoke.get("payload").get("credentials").get(id))
                .isEqualTo(json("{'api_key':'••••','region':'••••'}"));
        assertThat(invoke.get("payload").get("parameters"))
                .isEqualTo(json("{'token':'••••','query':'q','acme_credential':'" + id + "'}"));
        assertThat(find(frames.json().get("frames"), "invoke_tool_response").get("direction").asText()).isEqualTo("in");
    }

    @Test
    void authSpecSendsTheStoredValuesAndMasksTheSpecsApiKey() {
        FakePlugin plugin = startPlugin();
        String id = createAcmeKey(SECRET);

        CompletableFuture<Api.Reply> reply = api.postAsync("/api/plugins/acme-echo/credentials/acme-key/auth-spec",
                json("{'instance_id':'" + id + "','extra':{'model':'m1'}}"));
        JsonNode request = plugin.awaitRequest("credential_auth_spec");
        plugin.respond("credential_auth_spec", request, json("{'adapter':'openai','api_key':'" + SECRET
                + "','endpoint':'https://api.example.com'}"));
        Api.Reply result = Api.await(reply);

        assertThat(request.get("credential_name").asText()).isEqualTo("acme-key");
        assertThat(request.get("credential")).isEqualTo(json("{'api_key':'" + SECRET + "','region':'eu'}"));
        assertThat(request.get("extra")).isEqualTo(json("{'model':'m1'}"));
        assertThat(result.json().get("data")).isEqualTo(json(
                "{'adapter':'openai','api_key':'••••','endpoint':'https://api.example.com'}"));
    }

    @Test
    void javaApiSeedsAnInstanceAndRefusesInvalidValues() {
        startPlugin();

        String id = hub.createCredential("acme-echo", "acme-key", "seeded", json("{'api_key':'k'}"));

        assertThat(hub.credentials().findValuesAsText("id")).containsExactly(id);
        assertThatThrownBy(() -> hub.createCredential("acme-echo", "acme-key", null, json("{}")))
                .isInstanceOfSatisfying(DevHubException.class,
                        e -> assertThat(e.code()).isEqualTo("devhub:invalid_credential_values"));
    }

    /** Invokes call-api with the credential bound, answers it, and returns the request the plugin received. */
    private JsonNode invokeCallApi(FakePlugin plugin, String credentialId) throws Exception {
        CompletableFuture<RequestOutcome> outcome = hub.invokeTool("acme-echo", "call-api", json("{'query':'q'}"),
                Map.of("acme_credential", credentialId), null);
        JsonNode request = plugin.awaitRequest("invoke_tool");
        plugin.respond("invoke_tool", request, json("{}"));
        assertThat(outcome.get().ok()).isTrue();
        return request;
    }

    private static JsonNode find(JsonNode frames, String event) {
        for (JsonNode frame : frames) {
            if (frame.get("event").asText().equals(event)) {
                return frame;
            }
        }
        throw new AssertionError("no " + event + " frame in " + frames);
    }
}
