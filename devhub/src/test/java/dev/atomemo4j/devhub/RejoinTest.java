package dev.atomemo4j.devhub;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Plugins that rejoin without registering, as the official JS SDK does after any reconnect (it sends
 * {@code register_plugin} once per process), and the catalogue kept in the data directory across restarts.
 */
class RejoinTest extends HubTest {
    private static final String INVOKE = "/api/plugins/acme-echo/tools/echo-text/invoke";

    private final List<DevHub> restarted = new ArrayList<>();

    @AfterEach
    void stopRestartedHubs() {
        restarted.forEach(DevHub::close);
    }

    @Test
    void anInstanceThatRejoinsWithoutRegisteringIsServedWithTheLastAcceptedDefinition() {
        startPlugin().drop();
        FakePlugin rejoined = track(FakePlugin.joinDebug(hub, TestDefinitions.PLUGIN))
                .answer("invoke_tool", request -> FakePlugin.Answer.ok(json("{'served':'after rejoin'}")));

        Api.Reply reply = api.post(INVOKE, json("{'parameters':{'text':'x'}}"));

        assertThat(reply.status()).as(reply.text()).isEqualTo(200);
        assertThat(reply.json().get("data")).isEqualTo(json("{'served':'after rejoin'}"));
        assertThat(rejoined.topic()).isEqualTo("debug_plugin:acme-echo");
    }

    @Test
    void theCatalogueWarnsThatARejoinedInstanceIsServedWithADefinitionItDidNotRegister() {
        startPlugin().drop();
        track(FakePlugin.joinDebug(hub, TestDefinitions.PLUGIN));

        JsonNode entry = api.get("/api/plugins/acme-echo").json();

        JsonNode instance = liveInstance(entry);
        assertThat(instance.get("registered").asBoolean()).isFalse();
        assertThat(instance.get("inherited_definition").asBoolean()).isTrue();
        assertThat(entry.get("connected").asBoolean()).isTrue();
        assertThat(entry.get("warnings")).hasSize(1);
        JsonNode warning = entry.get("warnings").get(0);
        assertThat(warning.get("code").asText()).isEqualTo("devhub:definition_not_registered");
        assertThat(warning.get("message").asText())
                .contains("instance " + instance.get("id").asText() + " joined without sending register_plugin")
                .contains("last accepted at " + entry.get("registered_at").asText());
    }

    @Test
    void anInstanceThatRegistersAfterRejoiningClearsTheWarning() {
        startPlugin().drop();
        FakePlugin rejoined = track(FakePlugin.joinDebug(hub, TestDefinitions.PLUGIN));

        rejoined.register(TestDefinitions.acmeEcho());

        JsonNode entry = api.get("/api/plugins/acme-echo").json();
        assertThat(entry.get("warnings")).isEmpty();
        assertThat(liveInstance(entry).get("registered").asBoolean()).isTrue();
    }

    @Test
    void aRejoinedInstanceWhoseOwnRegistrationIsRefusedGetsNoRequests() {
        startPlugin().drop();
        FakePlugin rejoined = track(FakePlugin.joinDebug(hub, TestDefinitions.PLUGIN));

        rejoined.register(TestDefinitions.invalid());

        Api.Reply reply = api.post(INVOKE, json("{'parameters':{'text':'x'}}"));
        assertThat(reply.status()).isEqualTo(503);
        assertThat(reply.errorCode()).isEqualTo("devhub:plugin_not_connected");
    }

    @Test
    void aPluginThatNeverRegisteredStillWaitsForItsDefinition() {
        track(FakePlugin.joinDebug(hub, TestDefinitions.PLUGIN));

        Api.Reply reply = api.post(INVOKE, json("{'parameters':{'text':'x'}}"));

        assertThat(reply.status()).isEqualTo(409);
        assertThat(reply.errorCode()).isEqualTo("devhub:plugin_not_registered");
    }

    @Test
    void acceptedDefinitionsAreKeptInTheDataDirectory() throws IOException {
        startPlugin();

        JsonNode stored = Api.json(Files.readString(data.resolve("catalogue.json")));

        assertThat(stored.get("format").asInt()).isEqualTo(1);
        assertThat(stored.get("plugins")).hasSize(1);
        assertThat(stored.get("plugins").get(0).get("identifier").asText()).isEqualTo("acme-echo");
        assertThat(stored.get("plugins").get(0).get("mode").asText()).isEqualTo("debug");
        assertThat(stored.get("plugins").get(0).get("definition")).isEqualTo(TestDefinitions.acmeEcho());
    }

    @Test
    void aRestartedDevHubListsTheDefinitionsItHadAccepted() throws IOException {
        startPlugin();
        String registeredAt = api.get("/api/plugins/acme-echo").json().get("registered_at").asText();
        hub.close();

        DevHub next = restart();

        JsonNode entry = new Api(next).get("/api/plugins/acme-echo").json();
        assertThat(entry.get("definition")).isEqualTo(TestDefinitions.acmeEcho());
        assertThat(entry.get("registered_at").asText()).isEqualTo(registeredAt);
        assertThat(entry.get("connected").asBoolean()).isFalse();
    }

    @Test
    void aPluginThatOnlyRejoinsARestartedDevHubIsServedWithItsStoredDefinition() throws IOException {
        startPlugin();
        hub.close();
        DevHub next = restart();

        FakePlugin rejoined = track(FakePlugin.joinDebug(next, TestDefinitions.PLUGIN))
                .answer("invoke_tool", request -> FakePlugin.Answer.ok(request.path("parameters")));
        Api.Reply reply = new Api(next).post(INVOKE, json("{'parameters':{'text':'after restart'}}"));

        assertThat(reply.status()).as(reply.text()).isEqualTo(200);
        assertThat(reply.json().get("data")).isEqualTo(json("{'text':'after restart'}"));
        assertThat(rejoined.topic()).isEqualTo("debug_plugin:acme-echo");
        assertThat(new Api(next).get("/api/plugins/acme-echo").json().get("warnings").get(0).get("message").asText())
                .contains("kept in the dev hub's data directory");
    }

    @Test
    void releaseDefinitionsSurviveARestartSoTheReleaseSocketStillAcceptsTheirJoin() throws IOException {
        Api.Reply put = api.put("/api/plugins/acme-echo/release", TestDefinitions.acmeEcho());
        assertThat(put.status()).as(put.text()).isEqualTo(201);
        hub.close();
        DevHub next = restart();

        FakePlugin release = track(FakePlugin.connectRelease(next, "acme-echo__release__1.0.0"));

        assertThat(release.join().get("status").asText()).isEqualTo("ok");
    }

    @Test
    void anUnreadableCatalogueFileIsSetAsideAndTheHubStartsEmpty() throws IOException {
        hub.close();
        Files.writeString(data.resolve("catalogue.json"), "{ not json");

        DevHub next = restart();

        assertThat(next.plugins()).isEmpty();
        assertThat(data.resolve("catalogue.json.unreadable")).hasContent("{ not json");
        assertThat(data.resolve("catalogue.json")).doesNotExist();
    }

    @Test
    void aStoredDefinitionThatIsNoLongerValidIsSkipped() throws IOException {
        hub.close();
        Files.writeString(data.resolve("catalogue.json"), "{\"format\":1,\"plugins\":[{\"identifier\":\"acme-echo\","
                + "\"mode\":\"debug\",\"registered_at\":\"2026-01-01T00:00:00Z\",\"definition\":"
                + TestDefinitions.invalid() + "}]}");

        DevHub next = restart();

        assertThat(next.plugins()).isEmpty();
    }

    private DevHub restart() throws IOException {
        DevHub next = DevHub.builder().dataDirectory(data).build();
        restarted.add(next);
        next.start();
        return next;
    }

    private static JsonNode liveInstance(JsonNode entry) {
        for (JsonNode instance : entry.get("instances")) {
            if (instance.get("ready").asBoolean()) {
                return instance;
            }
        }
        throw new AssertionError("no ready instance in " + entry);
    }
}
