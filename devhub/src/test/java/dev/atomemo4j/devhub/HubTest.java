package dev.atomemo4j.devhub;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** A fresh dev hub per test, on an ephemeral port with a temporary data directory, and cleanup of fake plugins. */
abstract class HubTest {
    @TempDir
    Path data;

    DevHub hub;
    Api api;
    private final List<FakePlugin> plugins = new ArrayList<>();

    /** Override to change the hub's configuration. */
    DevHub.Builder configure(DevHub.Builder builder) {
        return builder;
    }

    @BeforeEach
    void startHub() throws IOException {
        hub = configure(DevHub.builder().dataDirectory(data)).build();
        hub.start();
        api = new Api(hub);
    }

    @AfterEach
    void stopHub() {
        plugins.forEach(FakePlugin::close);
        hub.close();
    }

    /** An instance of acme-echo, registered and ready. */
    FakePlugin startPlugin() {
        FakePlugin plugin = track(FakePlugin.start(hub, TestDefinitions.acmeEcho()));
        awaitReady(TestDefinitions.PLUGIN);
        return plugin;
    }

    FakePlugin track(FakePlugin plugin) {
        plugins.add(plugin);
        return plugin;
    }

    void awaitReady(String identifier) {
        try {
            hub.whenPluginReady(identifier).get(5, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError(identifier + " did not become ready", e);
        }
    }

    /** Creates an acme-key credential instance through the API; returns its id. */
    String createAcmeKey(String apiKey) {
        Api.Reply reply = api.post("/api/credentials", Api.json(
                "{'plugin':'acme-echo','credential':'acme-key','name':'main','values':{'api_key':'" + apiKey + "'}}"));
        if (reply.status() != 201) {
            throw new AssertionError("cannot create a credential: " + reply.text());
        }
        return reply.json().get("id").asText();
    }

    static JsonNode json(String singleQuoted) {
        return Api.json(singleQuoted);
    }
}
