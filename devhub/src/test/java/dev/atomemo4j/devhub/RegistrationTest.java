package dev.atomemo4j.devhub;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** register_plugin (hub-protocol.md §7), the catalogue, and release sockets. */
class RegistrationTest extends HubTest {

    @Test
    void validDefinitionIsAcceptedWithSuccessTrue() {
        FakePlugin plugin = track(FakePlugin.joinDebug(hub, "acme-echo"));

        JsonNode reply = plugin.register(TestDefinitions.acmeEcho());

        assertThat(reply).isEqualTo(json("{'status':'ok','response':{'success':true}}"));
    }

    @Test
    void registeredPluginIsListedInTheCatalogueWithItsToolsAndInstance() {
        startPlugin();

        JsonNode plugins = api.get("/api/plugins").json().get("plugins");

        assertThat(plugins).hasSize(1);
        JsonNode entry = plugins.get(0);
        assertThat(entry.get("identifier").asText()).isEqualTo("acme-echo");
        assertThat(entry.get("mode").asText()).isEqualTo("debug");
        assertThat(entry.get("version").asText()).isEqualTo("1.0.0");
        assertThat(entry.get("connected").asBoolean()).isTrue();
        assertThat(entry.get("registered_at").asText()).isNotEmpty();
        assertThat(entry.get("instances")).hasSize(1);
        assertThat(entry.get("instances").get(0).get("registered").asBoolean()).isTrue();
        assertThat(entry.get("tools").findValuesAsText("name")).containsExactly("echo-text", "call-api", "pick-item");
    }

    @Test
    void pluginDetailsIncludeTheRegisteredDefinition() {
        startPlugin();

        JsonNode details = api.get("/api/plugins/acme-echo").json();

        assertThat(details.get("definition")).isEqualTo(TestDefinitions.acmeEcho());
    }

    @Test
    void invalidDefinitionIsRefusedWithEveryViolation() {
        FakePlugin plugin = track(FakePlugin.joinDebug(hub, "acme-echo"));

        JsonNode reply = plugin.register(TestDefinitions.invalid());

        assertThat(reply.get("status").asText()).isEqualTo("error");
        JsonNode response = reply.get("response");
        assertThat(response.get("code").asText()).isEqualTo("devhub:invalid_definition");
        assertThat(response.get("message").asText()).startsWith("the plugin definition is invalid (2 errors)");
        assertThat(response.get("reason")).isEqualTo(response.get("message"));
        List<String> violations = new ArrayList<>();
        response.get("suberrors").forEach(v -> violations.add(v.get("pointer").asText() + " " + v.get("code").asText()));
        assertThat(violations).containsExactlyInAnyOrder(
                "/tools/0/name bad-name", "/tools/1/parameters/0/credential_name unknown-credential");
    }

    @Test
    void invalidDefinitionIsReportedInTheCatalogueAndTheInstanceGetsNoRequests() {
        FakePlugin plugin = track(FakePlugin.joinDebug(hub, "acme-echo"));
        plugin.register(TestDefinitions.invalid());

        JsonNode entry = api.get("/api/plugins/acme-echo").json();

        assertThat(entry.get("connected").asBoolean()).isFalse();
        assertThat(entry.get("registration_error").get("code").asText()).isEqualTo("devhub:invalid_definition");
        assertThat(entry.get("definition").isNull()).isTrue();
    }

    @Test
    void definitionWhoseNameDiffersFromTheTopicIsRefused() {
        FakePlugin plugin = track(FakePlugin.joinDebug(hub, "other-plugin"));

        JsonNode reply = plugin.register(TestDefinitions.acmeEcho());

        assertThat(reply.get("status").asText()).isEqualTo("error");
        assertThat(reply.get("response").get("code").asText()).isEqualTo("devhub:name_mismatch");
    }

    @Test
    void reRegistrationAfterARejoinIsAccepted() {
        FakePlugin plugin = startPlugin();

        JsonNode rejoin = plugin.join();
        JsonNode reply = plugin.register(TestDefinitions.acmeEcho());

        assertThat(rejoin.get("status").asText()).isEqualTo("ok");
        assertThat(reply.get("status").asText()).isEqualTo("ok");
        JsonNode instances = api.get("/api/plugins/acme-echo").json().get("instances");
        assertThat(instances).hasSize(1);
        assertThat(instances.get(0).get("join_ref").asText()).isEqualTo("3");
    }

    @Test
    void pluginStaysInTheCatalogueAsDisconnectedAfterItsLastInstanceLeaves() {
        FakePlugin plugin = startPlugin();

        plugin.leave();

        JsonNode entry = api.get("/api/plugins/acme-echo").json();
        assertThat(entry.get("connected").asBoolean()).isFalse();
        assertThat(entry.get("instances")).isEmpty();
        assertThat(entry.get("definition").get("name").asText()).isEqualTo("acme-echo");
    }

    @Test
    void releaseJoinIsRefusedWhenNoReleaseDefinitionIsRegistered() {
        FakePlugin plugin = track(FakePlugin.connectRelease(hub, "acme-echo__release__1.0.0"));

        JsonNode reply = plugin.join();

        assertThat(reply.get("status").asText()).isEqualTo("error");
        assertThat(reply.get("response").get("reason").asText())
                .contains("no release definition is registered for acme-echo__release__1.0.0");
    }

    @Test
    void releaseApiRegistrationLetsTheReleaseSocketJoinAndRequestsUseTheVersionSlug() {
        Api.Reply registered = Api.send(HttpRequest.newBuilder(api.uri("/api/v1/release/plugins"))
                .header("Content-Type", "application/json").header("x-api-key", hub.apiKey())
                .POST(HttpRequest.BodyPublishers.ofString(TestDefinitions.acmeEcho().toString())));
        assertThat(registered.status()).isEqualTo(201);
        assertThat(registered.json().get("identifier").asText()).isEqualTo("acme-echo__release__1.0.0");
        FakePlugin plugin = track(FakePlugin.connectRelease(hub, "acme-echo__release__1.0.0"));

        assertThat(plugin.join().get("status").asText()).isEqualTo("ok");
        awaitReady("acme-echo__release__1.0.0");
        var reply = api.postAsync("/api/plugins/acme-echo__release__1.0.0/tools/echo-text/invoke",
                json("{'parameters':{'text':'hi'}}"));
        JsonNode request = plugin.awaitRequest("invoke_tool");
        plugin.respond("invoke_tool", request, json("{'text':'hi'}"));

        assertThat(request.get("plugin_identifier").asText()).isEqualTo("acme-echo__release__1.0.0");
        assertThat(Api.await(reply).json().get("ok").asBoolean()).isTrue();
    }

    @Test
    void releaseApiRefusesARequestWithoutTheApiKey() {
        Api.Reply reply = api.post("/api/v1/release/plugins", TestDefinitions.acmeEcho());

        assertThat(reply.status()).isEqualTo(403);
        assertThat(reply.errorCode()).isEqualTo("devhub:forbidden");
    }

    @Test
    void releaseEndpointUnderThePluginRegistersTheDefinition() {
        Api.Reply reply = api.put("/api/plugins/acme-echo/release", TestDefinitions.acmeEcho());

        assertThat(reply.status()).isEqualTo(201);
        assertThat(api.get("/api/plugins/acme-echo__release__1.0.0").json().get("mode").asText())
                .isEqualTo("release");
    }

    @Test
    void releaseRegistrationOfAnInvalidDefinitionIs400WithTheViolations() {
        Api.Reply reply = api.put("/api/plugins/acme-echo/release", TestDefinitions.invalid());

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.errorCode()).isEqualTo("devhub:invalid_definition");
        assertThat(reply.json().get("error").get("details")).hasSize(2);
    }

    @Test
    void registerPluginOnTheReleaseSocketIsRefused() {
        api.put("/api/plugins/acme-echo/release", TestDefinitions.acmeEcho());
        FakePlugin plugin = track(FakePlugin.connectRelease(hub, "acme-echo__release__1.0.0"));
        plugin.join();

        JsonNode reply = plugin.register(TestDefinitions.acmeEcho());

        assertThat(reply.get("response").get("code").asText()).isEqualTo("devhub:not_debug");
    }
}
