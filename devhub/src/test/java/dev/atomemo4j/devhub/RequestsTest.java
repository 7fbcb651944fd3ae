package dev.atomemo4j.devhub;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** Hub-to-plugin requests (hub-protocol.md §8): correlation, errors, timeouts, round robin and failover. */
class RequestsTest extends HubTest {
    private static final String INVOKE = "/api/plugins/acme-echo/tools/echo-text/invoke";

    @Test
    void invokeToolSendsAFreshRequestIdThePluginIdentifierAndTheDevhubContext() {
        FakePlugin plugin = startPlugin();

        CompletableFuture<Api.Reply> reply = api.postAsync(INVOKE, json("{'parameters':{'text':'hello'}}"));
        JsonNode request = plugin.awaitRequest("invoke_tool");
        plugin.respond("invoke_tool", request, json("{'text':'hello'}"));
        Api.await(reply);

        assertThat(UUID.fromString(request.get("request_id").asText())).isNotNull();
        assertThat(request.get("plugin_identifier").asText()).isEqualTo("acme-echo");
        assertThat(request.get("tool_name").asText()).isEqualTo("echo-text");
        assertThat(request.get("parameters")).isEqualTo(json("{'text':'hello'}"));
        assertThat(request.get("credentials")).isEqualTo(json("{}"));
        assertThat(request.get("context")).isEqualTo(json("{'organization_id':'devhub'}"));
    }

    @Test
    void invokeToolReturnsTheResponseDataWithTheElapsedTime() {
        FakePlugin plugin = startPlugin();

        CompletableFuture<Api.Reply> reply = api.postAsync(INVOKE, json("{'parameters':{'text':'hello'}}"));
        JsonNode request = plugin.awaitRequest("invoke_tool");
        plugin.respond("invoke_tool", request, json("{'text':'hello'}"));
        JsonNode body = Api.await(reply).json();

        assertThat(body.get("ok").asBoolean()).isTrue();
        assertThat(body.get("data")).isEqualTo(json("{'text':'hello'}"));
        assertThat(body.get("elapsed_ms").isIntegralNumber()).isTrue();
        assertThat(body.get("request_id").asText()).isEqualTo(request.get("request_id").asText());
    }

    @Test
    void pluginErrorIsReturnedAsNotOkWithThePluginsError() {
        FakePlugin plugin = startPlugin();

        CompletableFuture<Api.Reply> reply = api.postAsync(INVOKE, json("{'parameters':{'text':''}}"));
        plugin.fail("invoke_tool", plugin.awaitRequest("invoke_tool"), "sdk:exception", "text must not be empty");
        Api.Reply result = Api.await(reply);

        assertThat(result.status()).isEqualTo(200);
        assertThat(result.json().get("ok").asBoolean()).isFalse();
        assertThat(result.json().get("error"))
                .isEqualTo(json("{'code':'sdk:exception','message':'text must not be empty'}"));
    }

    @Test
    void unansweredRequestFailsWithTimeout() {
        FakePlugin plugin = startPlugin();

        CompletableFuture<Api.Reply> reply = api.postAsync(INVOKE,
                json("{'parameters':{'text':'x'},'timeout_ms':200}"));
        plugin.awaitRequest("invoke_tool");
        JsonNode body = Api.await(reply).json();

        assertThat(body.get("ok").asBoolean()).isFalse();
        assertThat(body.get("error").get("code").asText()).isEqualTo("devhub:timeout");
        assertThat(body.get("error").get("message").asText()).contains("did not answer invoke_tool", "within 200 ms");
    }

    @Test
    void defaultRequestTimeoutComesFromTheBuilder() throws Exception {
        hub.close();
        hub = DevHub.builder().dataDirectory(data).requestTimeout(java.time.Duration.ofMillis(150)).build();
        hub.start();
        api = new Api(hub);
        FakePlugin plugin = startPlugin();

        CompletableFuture<RequestOutcome> outcome = hub.invokeTool("acme-echo", "echo-text", json("{'text':'x'}"));
        plugin.awaitRequest("invoke_tool");

        assertThat(outcome.get().errorCode()).isEqualTo("devhub:timeout");
    }

    @Test
    void unsupportedEventEndsTheRequestWithThePluginsError() {
        FakePlugin plugin = startPlugin();

        CompletableFuture<Api.Reply> reply = api.postAsync(INVOKE, json("{'parameters':{'text':'x'}}"));
        JsonNode request = plugin.awaitRequest("invoke_tool");
        plugin.push("unsupported_event", json("{'request_id':'" + request.get("request_id").asText()
                + "','error':{'code':'sdk:unsupported_event','message':'Event not supported: invoke_tool'}}"));
        JsonNode body = Api.await(reply).json();

        assertThat(body.get("ok").asBoolean()).isFalse();
        assertThat(body.get("error").get("code").asText()).isEqualTo("sdk:unsupported_event");
    }

    @Test
    void answersGetNoPhoenixReply() {
        FakePlugin plugin = startPlugin();

        CompletableFuture<Api.Reply> reply = api.postAsync(INVOKE, json("{'parameters':{'text':'x'}}"));
        JsonNode request = plugin.awaitRequest("invoke_tool");
        plugin.respond("invoke_tool", request, json("{}"));
        Api.await(reply);
        String leaveRef = plugin.push("phx_leave", json("{}"));
        plugin.awaitReply(leaveRef);

        assertThat(plugin.hasReceived(frame -> frame.event().equals("phx_reply"))).isFalse();
    }

    @Test
    void answerWithTheWrongEventFailsTheRequestClearly() {
        FakePlugin plugin = startPlugin();

        CompletableFuture<Api.Reply> reply = api.postAsync(INVOKE, json("{'parameters':{'text':'x'}}"));
        plugin.respond("locator_list", plugin.awaitRequest("invoke_tool"), json("{}"));
        JsonNode body = Api.await(reply).json();

        assertThat(body.get("error").get("code").asText()).isEqualTo("devhub:unexpected_response");
        assertThat(body.get("error").get("message").asText()).contains("was invoke_tool", "locator_list_response");
    }

    @Test
    void requestsAlternateBetweenTwoInstancesRoundRobin() {
        FakePlugin first = startPlugin().answer("invoke_tool", request -> FakePlugin.Answer.ok(json("{'by':'first'}")));
        FakePlugin second = track(FakePlugin.start(hub, TestDefinitions.acmeEcho()))
                .answer("invoke_tool", request -> FakePlugin.Answer.ok(json("{'by':'second'}")));

        StringBuilder order = new StringBuilder();
        for (int i = 0; i < 4; i++) {
            order.append(api.post(INVOKE, json("{'parameters':{'text':'x'}}")).json().get("data").get("by").asText())
                    .append(' ');
        }

        assertThat(order.toString()).isIn("first second first second ", "second first second first ");
        assertThat(first.topic()).isEqualTo(second.topic());
    }

    @Test
    void requestFailsOverToAnotherInstanceWhenItsInstanceLeaves() {
        FakePlugin first = startPlugin();
        FakePlugin second = track(FakePlugin.start(hub, TestDefinitions.acmeEcho()));
        FakePlugin holder = whichGetsTheNextRequest(first, second);
        FakePlugin other = holder == first ? second : first;

        CompletableFuture<Api.Reply> reply = api.postAsync(INVOKE, json("{'parameters':{'text':'x'}}"));
        JsonNode request = holder.awaitRequest("invoke_tool");
        holder.leave();
        JsonNode failedOver = other.awaitRequest("invoke_tool");
        other.respond("invoke_tool", failedOver, json("{'by':'other'}"));
        JsonNode body = Api.await(reply).json();

        assertThat(failedOver.get("request_id")).isEqualTo(request.get("request_id"));
        assertThat(body.get("ok").asBoolean()).isTrue();
        assertThat(body.get("data")).isEqualTo(json("{'by':'other'}"));
    }

    @Test
    void requestFailsOverToAnotherInstanceWhenItsConnectionDrops() {
        FakePlugin first = startPlugin();
        FakePlugin second = track(FakePlugin.start(hub, TestDefinitions.acmeEcho()));
        FakePlugin holder = whichGetsTheNextRequest(first, second);
        FakePlugin other = holder == first ? second : first;

        CompletableFuture<Api.Reply> reply = api.postAsync(INVOKE, json("{'parameters':{'text':'x'}}"));
        holder.awaitRequest("invoke_tool");
        holder.drop();
        other.respond("invoke_tool", other.awaitRequest("invoke_tool"), json("{'by':'other'}"));

        assertThat(Api.await(reply).json().get("data")).isEqualTo(json("{'by':'other'}"));
    }

    @Test
    void aRequestCaughtByAConnectionDropIsAnsweredByThePluginAfterItReconnects() {
        FakePlugin plugin = startPlugin();

        CompletableFuture<Api.Reply> reply = api.postAsync(INVOKE, json("{'parameters':{'text':'x'}}"));
        JsonNode request = plugin.awaitRequest("invoke_tool");
        plugin.drop();
        FakePlugin reconnected = track(FakePlugin.start(hub, TestDefinitions.acmeEcho()));
        awaitReady(TestDefinitions.PLUGIN);
        reconnected.respond("invoke_tool", request, json("{'text':'late but here'}"));

        JsonNode body = Api.await(reply).json();
        assertThat(body.get("ok").asBoolean()).isTrue();
        assertThat(body.get("data")).isEqualTo(json("{'text':'late but here'}"));
    }

    @Test
    void requestFailsWithInstanceLeftWhenNoOtherInstanceIsConnected() {
        FakePlugin plugin = startPlugin();

        CompletableFuture<Api.Reply> reply = api.postAsync(INVOKE, json("{'parameters':{'text':'x'}}"));
        plugin.awaitRequest("invoke_tool");
        plugin.leave();
        JsonNode body = Api.await(reply).json();

        assertThat(body.get("ok").asBoolean()).isFalse();
        assertThat(body.get("error").get("code").asText()).isEqualTo("devhub:instance_left");
        assertThat(body.get("error").get("message").asText())
                .contains("left the channel before answering invoke_tool", "no other instance is connected");
    }

    @Test
    void failedOverRequestFailsWhenItsSecondInstanceAlsoLeaves() {
        FakePlugin first = startPlugin();
        FakePlugin second = track(FakePlugin.start(hub, TestDefinitions.acmeEcho()));
        FakePlugin third = track(FakePlugin.start(hub, TestDefinitions.acmeEcho()));

        CompletableFuture<Api.Reply> reply = api.postAsync(INVOKE, json("{'parameters':{'text':'x'}}"));
        FakePlugin holder = awaitAnyRequest(first, second, third);
        holder.leave();
        FakePlugin secondHolder = awaitAnyRequest(first, second, third);
        secondHolder.leave();
        JsonNode body = Api.await(reply).json();

        assertThat(body.get("error").get("code").asText()).isEqualTo("devhub:instance_left");
        assertThat(body.get("error").get("message").asText()).contains("already been failed over once");
    }

    @Test
    void requestKeepsWaitingThroughARejoinAndIsAnsweredOnTheNewChannel() {
        FakePlugin plugin = startPlugin();

        CompletableFuture<Api.Reply> reply = api.postAsync(INVOKE, json("{'parameters':{'text':'x'}}"));
        JsonNode request = plugin.awaitRequest("invoke_tool");
        plugin.join();
        plugin.register(TestDefinitions.acmeEcho());
        plugin.respond("invoke_tool", request, json("{'after':'rejoin'}"));

        assertThat(Api.await(reply).json().get("data")).isEqualTo(json("{'after':'rejoin'}"));
    }

    @Test
    void unknownPluginIs404WithItsCode() {
        Api.Reply reply = api.post("/api/plugins/nope-plugin/tools/echo-text/invoke", json("{}"));

        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.errorCode()).isEqualTo("devhub:unknown_plugin");
    }

    @Test
    void unknownToolIs404WithItsCodeAndTheToolList() {
        startPlugin();

        Api.Reply reply = api.post("/api/plugins/acme-echo/tools/no-such-tool/invoke", json("{}"));

        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.errorCode()).isEqualTo("devhub:unknown_tool");
        assertThat(reply.json().get("error").get("message").asText()).contains("echo-text, call-api, pick-item");
    }

    @Test
    void pluginWithoutAConnectedInstanceIs503() {
        startPlugin().leave();

        Api.Reply reply = api.post(INVOKE, json("{'parameters':{'text':'x'}}"));

        assertThat(reply.status()).isEqualTo(503);
        assertThat(reply.errorCode()).isEqualTo("devhub:plugin_not_connected");
    }

    @Test
    void locatorListCarriesTheMethodFilterAndPaginationToken() {
        FakePlugin plugin = startPlugin();

        CompletableFuture<Api.Reply> reply = api.postAsync("/api/plugins/acme-echo/tools/pick-item/locator-list",
                json("{'method':'list_items','filter':'ab','pagination_token':'p2','parameters':{}}"));
        JsonNode request = plugin.awaitRequest("locator_list");
        plugin.respond("locator_list", request, json("{'results':[{'label':'A','value':'a'}],'pagination_token':null}"));
        JsonNode body = Api.await(reply).json();

        assertThat(request.get("tool_name").asText()).isEqualTo("pick-item");
        assertThat(request.get("method").asText()).isEqualTo("list_items");
        assertThat(request.get("filter").asText()).isEqualTo("ab");
        assertThat(request.get("pagination_token").asText()).isEqualTo("p2");
        assertThat(body.get("data").get("results").get(0).get("value").asText()).isEqualTo("a");
    }

    @Test
    void resourceMappingCarriesTheMethodAndReturnsTheFields() {
        FakePlugin plugin = startPlugin();

        CompletableFuture<Api.Reply> reply = api.postAsync("/api/plugins/acme-echo/tools/pick-item/resource-mapping",
                json("{'method':'item_fields','parameters':{'item':{'__type__':'resource_locator','mode_name':'id','value':'7'}}}"));
        JsonNode request = plugin.awaitRequest("resource_mapping");
        plugin.respond("resource_mapping", request, json("{'fields':[{'id':'title','type':'string'}]}"));
        JsonNode body = Api.await(reply).json();

        assertThat(request.get("method").asText()).isEqualTo("item_fields");
        assertThat(request.get("parameters").get("item").get("value").asText()).isEqualTo("7");
        assertThat(body.get("data").get("fields").get(0).get("id").asText()).isEqualTo("title");
    }

    @Test
    void locatorListWithoutAMethodIs400() {
        startPlugin();

        Api.Reply reply = api.post("/api/plugins/acme-echo/tools/pick-item/locator-list", json("{}"));

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.errorCode()).isEqualTo("devhub:invalid_request");
    }

    @Test
    void javaApiInvokesAToolAndReturnsTheOutcome() throws Exception {
        startPlugin().answer("invoke_tool", request -> FakePlugin.Answer.ok(request.get("parameters")));

        RequestOutcome outcome = hub.invokeTool("acme-echo", "echo-text", json("{'text':'direct'}")).get();

        assertThat(outcome.ok()).isTrue();
        assertThat(outcome.data()).isEqualTo(json("{'text':'direct'}"));
        assertThat(outcome.event()).isEqualTo("invoke_tool");
    }

    /** Finds, with one answered probe request, which instance the round robin picks next. */
    private FakePlugin whichGetsTheNextRequest(FakePlugin first, FakePlugin second) {
        CompletableFuture<Api.Reply> probe = api.postAsync(INVOKE, json("{'parameters':{'text':'probe'}}"));
        FakePlugin got = awaitAnyRequestAndAnswer(first, second);
        Api.await(probe);
        return got == first ? second : first;
    }

    private static FakePlugin awaitAnyRequestAndAnswer(FakePlugin... plugins) {
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (System.nanoTime() < deadline) {
            for (FakePlugin plugin : plugins) {
                if (plugin.hasReceived(frame -> frame.event().equals("invoke_tool"))) {
                    plugin.respond("invoke_tool", plugin.awaitRequest("invoke_tool"), json("{}"));
                    return plugin;
                }
            }
            pause();
        }
        throw new AssertionError("no instance received the request");
    }

    private static FakePlugin awaitAnyRequest(FakePlugin... plugins) {
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (System.nanoTime() < deadline) {
            for (FakePlugin plugin : plugins) {
                if (plugin.hasReceived(frame -> frame.event().equals("invoke_tool"))) {
                    plugin.awaitRequest("invoke_tool");
                    return plugin;
                }
            }
            pause();
        }
        throw new AssertionError("no instance received the request");
    }

    private static void pause() {
        try {
            Thread.sleep(5);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
