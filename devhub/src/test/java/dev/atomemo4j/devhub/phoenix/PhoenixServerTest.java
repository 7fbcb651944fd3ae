package dev.atomemo4j.devhub.phoenix;

import static dev.atomemo4j.devhub.phoenix.PhoenixTestClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.util.Callback;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The dev hub's Phoenix socket behaviour (hub-protocol.md §2–§4, §18), checked with a real WebSocket client over
 * loopback. Each test states one rule of the protocol; frames are compared exactly, as JSON.
 */
class PhoenixServerTest {
    private static final String API_KEY = "test-key";
    private static final RecordingHandler handler = new RecordingHandler();
    private static PhoenixServer server;

    private PhoenixTestClient client;

    @BeforeAll
    static void startServer() throws Exception {
        server = PhoenixServer.builder()
                .debugApiKey(API_KEY)
                .channelHandler(handler)
                .joinAuthorizer(request -> switch (request.subtopic()) {
                    case "forbidden" -> JoinDecision.refuse("plugin forbidden is not allowed");
                    case "authorizer-bug" -> throw new IllegalStateException("authorizer bug (on purpose, in a test)");
                    default -> JoinDecision.accept();
                })
                .build();
        server.start();
    }

    @AfterAll
    static void stopServer() throws Exception {
        server.close();
    }

    @BeforeEach
    void resetHandler() {
        handler.reset();
    }

    @AfterEach
    void closeClient() throws InterruptedException {
        if (client != null) {
            client.close();
            handler.awaitAllLeft();
        }
    }

    private static String debugUrl() {
        return server.websocketUri(SocketKind.DEBUG) + "?api_key=" + API_KEY + "&vsn=2.0.0";
    }

    private static String releaseUrl() {
        return server.websocketUri(SocketKind.RELEASE) + "?vsn=2.0.0";
    }

    private PhoenixTestClient connectDebug() {
        client = PhoenixTestClient.connect(debugUrl());
        return client;
    }

    /** Joins {@code topic} with join_ref {@code ref} and consumes the ok reply and the handler's join record. */
    private void join(String topic, String ref) {
        client.send("['" + ref + "','" + ref + "','" + topic + "','phx_join',{}]");
        client.expect("['" + ref + "','" + ref + "','" + topic + "','phx_reply',{'status':'ok','response':{}}]");
        assertThat(handler.next()).isEqualTo("join " + topic + " " + ref);
    }

    @Nested
    class Upgrade {
        @Test
        void wrongApiKeyIsRefusedWith403() {
            var refusal = PhoenixTestClient.connectExpectingRefusal(
                    server.websocketUri(SocketKind.DEBUG) + "?api_key=nope&vsn=2.0.0");
            assertThat(refusal.status()).isEqualTo(403);
        }

        @Test
        void missingApiKeyIsRefusedWith403() {
            var refusal = PhoenixTestClient.connectExpectingRefusal(server.websocketUri(SocketKind.DEBUG) + "?vsn=2.0.0");
            assertThat(refusal.status()).isEqualTo(403);
        }

        @Test
        void missingVsnIsRefusedWith400SayingOnlyV2IsSupported() {
            var refusal = PhoenixTestClient.connectExpectingRefusal(
                    server.websocketUri(SocketKind.DEBUG) + "?api_key=" + API_KEY);
            assertThat(refusal.status()).isEqualTo(400);
            assertThat(refusal.body()).contains("Only the Phoenix V2 serializer (vsn=2.0.0) is supported");
        }

        @Test
        void vsn1IsRefusedWith400SayingOnlyV2IsSupported() {
            var refusal = PhoenixTestClient.connectExpectingRefusal(releaseUrl().replace("vsn=2.0.0", "vsn=1.0.0"));
            assertThat(refusal.status()).isEqualTo(400);
            assertThat(refusal.body())
                    .contains("Only the Phoenix V2 serializer (vsn=2.0.0) is supported")
                    .contains("vsn=1.0.0");
        }

        @Test
        void releaseSocketNeedsNoApiKeyAndServesReleaseTopics() {
            client = PhoenixTestClient.connect(releaseUrl());
            client.send("['1','1','release_plugin:acme-echo__release__1.0.0','phx_join',{}]");
            client.expect("['1','1','release_plugin:acme-echo__release__1.0.0','phx_reply',{'status':'ok','response':{}}]");
            assertThat(handler.next()).isEqualTo("join release_plugin:acme-echo__release__1.0.0 1");
            assertThat(handler.channel("release_plugin:acme-echo__release__1.0.0").subtopic())
                    .isEqualTo("acme-echo__release__1.0.0");
        }

        @Test
        void apiKeyValuesAreRedactedInLoggedUris() {
            assertThat(UpgradeGate.redact("/debug_socket/websocket?api_key=s3cret&vsn=2.0.0"))
                    .isEqualTo("/debug_socket/websocket?api_key=<redacted>&vsn=2.0.0");
        }

        @Test
        void aDebugApiKeyIsGeneratedWhenNoneIsConfigured() {
            PhoenixServer unconfigured = PhoenixServer.builder().build();
            assertThat(unconfigured.debugApiKey()).hasSizeGreaterThanOrEqualTo(32);
            assertThat(PhoenixServer.builder().build().debugApiKey()).isNotEqualTo(unconfigured.debugApiKey());
        }
    }

    @Nested
    class Heartbeat {
        @Test
        void heartbeatIsAnsweredWithAnOkReplyCarryingTheSameRef() {
            connectDebug();
            client.send("[null,'7','phoenix','heartbeat',{}]");
            client.expect("[null,'7','phoenix','phx_reply',{'status':'ok','response':{}}]");
        }
    }

    @Nested
    class Join {
        @Test
        void joinIsAnsweredWithTheExactOkReplyFrame() {
            connectDebug();
            client.sendRaw("[\"1\",\"1\",\"debug_plugin:acme-echo\",\"phx_join\",{}]");
            assertThat(client.next()).isEqualTo(json(
                    "[\"1\",\"1\",\"debug_plugin:acme-echo\",\"phx_reply\",{\"status\":\"ok\",\"response\":{}}]"));
            assertThat(handler.next()).isEqualTo("join debug_plugin:acme-echo 1");
        }

        @Test
        void joinOfATopicOutsideTheSocketsFamilyIsAnsweredUnmatchedTopic() {
            connectDebug();
            client.send("['1','1','release_plugin:acme-echo__release__1.0.0','phx_join',{}]");
            client.expect("[null,'1','release_plugin:acme-echo__release__1.0.0','phx_reply',"
                    + "{'status':'error','response':{'reason':'unmatched topic'}}]");
        }

        @Test
        void joinRefusedByTheAuthorizerGetsAnErrorReplyWithItsReason() {
            connectDebug();
            client.send("['1','1','debug_plugin:forbidden','phx_join',{}]");
            client.expect("['1','1','debug_plugin:forbidden','phx_reply',"
                    + "{'status':'error','response':{'reason':'plugin forbidden is not allowed'}}]");
            // Not joined: a push on it is unmatched.
            client.send("['1','2','debug_plugin:forbidden','echo',{}]");
            client.expect("[null,'2','debug_plugin:forbidden','phx_reply',"
                    + "{'status':'error','response':{'reason':'unmatched topic'}}]");
        }

        @Test
        void joinWhoseAuthorizerThrowsIsRefusedAsJoinCrashed() {
            connectDebug();
            client.send("['1','1','debug_plugin:authorizer-bug','phx_join',{}]");
            client.expect("['1','1','debug_plugin:authorizer-bug','phx_reply',"
                    + "{'status':'error','response':{'reason':'join crashed'}}]");
        }

        @Test
        void duplicateJoinClosesTheOldChannelThenJoinsAnew() {
            connectDebug();
            join("debug_plugin:acme-echo", "1");

            client.send("['5','5','debug_plugin:acme-echo','phx_join',{}]");
            client.expect("['1','1','debug_plugin:acme-echo','phx_close',{}]");
            client.expect("['5','5','debug_plugin:acme-echo','phx_reply',{'status':'ok','response':{}}]");
            assertThat(handler.next()).isEqualTo("leave debug_plugin:acme-echo 1 REJOINED");
            assertThat(handler.next()).isEqualTo("join debug_plugin:acme-echo 5");
        }
    }

    @Nested
    class ClientPushes {
        @Test
        void pushOnAnUnjoinedTopicIsAnsweredUnmatchedTopic() {
            connectDebug();
            client.send("['3','4','debug_plugin:never-joined','register_plugin',{}]");
            client.expect("[null,'4','debug_plugin:never-joined','phx_reply',"
                    + "{'status':'error','response':{'reason':'unmatched topic'}}]");
        }

        @Test
        void pushWithAStaleJoinRefIsSilentlyIgnored() {
            connectDebug();
            join("debug_plugin:acme-echo", "1");
            client.send("['2','2','debug_plugin:acme-echo','phx_join',{}]"); // a rejoin makes join_ref 1 stale
            client.next(); // phx_close of join_ref 1
            client.next(); // ok reply of join_ref 2
            handler.next(); // leave of join_ref 1
            handler.next(); // join of join_ref 2

            client.send("['1','3','debug_plugin:acme-echo','echo',{'stale':true}]");

            client.expectNothingPending("4");
            assertThat(handler.pending()).isEmpty();
        }

        @Test
        void pushWithANullJoinRefReachesTheLiveChannel() {
            connectDebug();
            join("debug_plugin:acme-echo", "1");
            client.send("[null,'2','debug_plugin:acme-echo','echo',{'n':1}]");
            client.expect("['1','2','debug_plugin:acme-echo','phx_reply',{'status':'ok','response':{'echo':{'n':1}}}]");
        }

        @Test
        void handlerOkReplyIsSentWithTheJoinRefAndRefOfThePush() {
            connectDebug();
            join("debug_plugin:acme-echo", "1");
            client.send("['1','2','debug_plugin:acme-echo','echo',{'text':'hello, \\\"world\\\"'}]");
            client.expect("['1','2','debug_plugin:acme-echo','phx_reply',"
                    + "{'status':'ok','response':{'echo':{'text':'hello, \\\"world\\\"'}}}]");
            assertThat(handler.next()).isEqualTo("event debug_plugin:acme-echo echo {\"text\":\"hello, \\\"world\\\"\"} ref=2");
        }

        @Test
        void handlerErrorReplyIsSentAsStatusError() {
            connectDebug();
            join("debug_plugin:acme-echo", "1");
            client.send("['1','2','debug_plugin:acme-echo','refuse',{}]");
            client.expect("['1','2','debug_plugin:acme-echo','phx_reply',"
                    + "{'status':'error','response':{'reason':'refused'}}]");
        }

        @Test
        void handlerNoReplySendsNothing() {
            connectDebug();
            join("debug_plugin:acme-echo", "1");
            client.send("['1','2','debug_plugin:acme-echo','invoke_tool_response',{'request_id':'r1','data':{}}]");
            client.send("['1','3','debug_plugin:acme-echo','hub_call:get_file_url',{'request_id':'r2','data':{}}]");

            client.expectNothingPending("4");
            assertThat(handler.next()).startsWith("event debug_plugin:acme-echo invoke_tool_response");
            assertThat(handler.next()).startsWith("event debug_plugin:acme-echo hub_call:get_file_url");
        }

        @Test
        void handlerCanReplyLaterFromAnotherThread() throws Exception {
            connectDebug();
            join("debug_plugin:acme-echo", "1");
            client.send("['1','2','debug_plugin:acme-echo','invoke_tool_response',{}]");
            handler.next();
            PhoenixChannel channel = handler.channel("debug_plugin:acme-echo");

            Thread replier = new Thread(() -> channel.reply("2", Reply.ok()));
            replier.start();
            replier.join();

            client.expect("['1','2','debug_plugin:acme-echo','phx_reply',{'status':'ok','response':{}}]");
        }

        @Test
        void handlerThatThrowsCrashesTheChannelWithPhxError() {
            connectDebug();
            join("debug_plugin:acme-echo", "1");
            client.send("['1','2','debug_plugin:acme-echo','boom',{}]");
            client.expect("['1','1','debug_plugin:acme-echo','phx_error',{}]");
            handler.next(); // the event
            assertThat(handler.next()).isEqualTo("leave debug_plugin:acme-echo 1 CRASHED");
            // The connection survives and the client may rejoin.
            join("debug_plugin:acme-echo", "3");
        }

        @Test
        void largeFramesAreAccepted() {
            connectDebug();
            join("debug_plugin:acme-echo", "1");
            String big = "x".repeat(300_000);
            client.send("['1','2','debug_plugin:acme-echo','echo',{'big':'" + big + "'}]");
            assertThat(client.next().get(4).get("response").get("echo").get("big").textValue()).hasSize(300_000);
        }
    }

    @Nested
    class Leave {
        @Test
        void leaveIsAnsweredOkThenTheChannelIsClosed() {
            connectDebug();
            join("debug_plugin:acme-echo", "1");
            client.send("['1','2','debug_plugin:acme-echo','phx_leave',{}]");
            client.expect("['1','2','debug_plugin:acme-echo','phx_reply',{'status':'ok','response':{}}]");
            client.expect("['1','1','debug_plugin:acme-echo','phx_close',{}]");
            assertThat(handler.next()).isEqualTo("leave debug_plugin:acme-echo 1 LEFT");
        }

        @Test
        void leaveOfAnUnjoinedTopicIsStillAnsweredOk() {
            connectDebug();
            client.send("['1','2','debug_plugin:acme-echo','phx_leave',{}]");
            client.expect("['1','2','debug_plugin:acme-echo','phx_reply',{'status':'ok','response':{}}]");
            client.expectNothingPending("3"); // and no phx_close: there was nothing to close
        }

        @Test
        void losingTheConnectionEndsEveryJoinedChannel() {
            connectDebug();
            join("debug_plugin:one", "1");
            join("debug_plugin:two", "2");
            client.closeNormally();
            assertThat(List.of(handler.next(), handler.next())).containsExactlyInAnyOrder(
                    "leave debug_plugin:one 1 CONNECTION_CLOSED", "leave debug_plugin:two 2 CONNECTION_CLOSED");
            assertThat(handler.channel("debug_plugin:one").push("late", JsonNodeFactory.instance.objectNode())).isFalse();
        }
    }

    @Nested
    class ServerPushes {
        @Test
        void serverPushReachesTheClientWithTheLiveJoinRefAndANullRef() {
            connectDebug();
            join("debug_plugin:acme-echo", "3");
            ObjectNode request = JsonNodeFactory.instance.objectNode().put("request_id", "r-1").put("tool_name", "echo-text");

            assertThat(handler.channel("debug_plugin:acme-echo").push("invoke_tool", request)).isTrue();

            client.expect("['3',null,'debug_plugin:acme-echo','invoke_tool',{'request_id':'r-1','tool_name':'echo-text'}]");
        }

        @Test
        void pushOnALeftChannelIsRefusedAndNotSent() {
            connectDebug();
            join("debug_plugin:acme-echo", "1");
            PhoenixChannel channel = handler.channel("debug_plugin:acme-echo");
            client.send("['1','2','debug_plugin:acme-echo','phx_leave',{}]");
            client.next();
            client.next();
            handler.next();

            assertThat(channel.isJoined()).isFalse();
            assertThat(channel.push("invoke_tool", JsonNodeFactory.instance.objectNode())).isFalse();
            client.expectNothingPending("3");
        }

        @Test
        void serverCloseSendsPhxCloseAndEndsTheChannel() {
            connectDebug();
            join("debug_plugin:acme-echo", "1");
            handler.channel("debug_plugin:acme-echo").close();
            client.expect("['1','1','debug_plugin:acme-echo','phx_close',{}]");
            assertThat(handler.next()).isEqualTo("leave debug_plugin:acme-echo 1 SERVER_CLOSED");
            client.send("['1','2','debug_plugin:acme-echo','echo',{}]");
            client.expect("[null,'2','debug_plugin:acme-echo','phx_reply',"
                    + "{'status':'error','response':{'reason':'unmatched topic'}}]");
        }
    }

    @Nested
    class Robustness {
        @Test
        void malformedFramesAreIgnoredAndTheConnectionKeepsAnsweringHeartbeats() {
            connectDebug();
            client.sendRaw("not json");
            client.sendRaw("{\"topic\":\"phoenix\",\"event\":\"heartbeat\"}");
            client.sendRaw("[null,\"1\",\"phoenix\",\"heartbeat\"]");
            client.sendRaw("[null,1,\"phoenix\",\"heartbeat\",{}]");
            client.sendRaw("[null,\"1\",\"phoenix\",\"heartbeat\",[]]");
            client.sendRaw("[null,\"1\",\"phoenix\",\"heartbeat\",{}] trailing");

            client.expectNothingPending("2");
        }

        @Test
        void binaryFramesAreIgnored() {
            connectDebug();
            client.sendBinary("[null,\"1\",\"phoenix\",\"heartbeat\",{}]".getBytes(StandardCharsets.UTF_8));
            client.expectNothingPending("2");
        }

        @Test
        void idleConnectionIsClosedByTheServer() throws Exception {
            try (PhoenixServer impatient = PhoenixServer.builder().idleTimeout(Duration.ofMillis(300)).build()) {
                impatient.start();
                try (PhoenixTestClient idle = PhoenixTestClient.connect(
                        impatient.websocketUri(SocketKind.RELEASE) + "?vsn=2.0.0")) {
                    // 1001 "going away" is Jetty's code for an idle timeout.
                    assertThat(idle.awaitClose()).isEqualTo(1001);
                }
            }
        }

        @Test
        void stoppingTheServerClosesEachSocketWithAGoingAwayCloseFrameAndEndsItsChannels() throws Exception {
            RecordingHandler recorder = new RecordingHandler();
            PhoenixServer stopping = PhoenixServer.builder().channelHandler(recorder).build();
            stopping.start();
            try (PhoenixTestClient plugin = PhoenixTestClient.connect(
                    stopping.websocketUri(SocketKind.RELEASE) + "?vsn=2.0.0")) {
                plugin.send("['1','1','release_plugin:acme-echo__release__1.0.0','phx_join',{}]");
                plugin.next();
                assertThat(recorder.next()).startsWith("join release_plugin:acme-echo__release__1.0.0 ");

                stopping.close();

                // 1001, not 1006: a close frame was sent, so clients reconnect as to a restarting Hub.
                assertThat(plugin.awaitClose()).isEqualTo(1001);
                assertThat(recorder.next()).isEqualTo("leave release_plugin:acme-echo__release__1.0.0 1 CONNECTION_CLOSED");
            }
        }
    }

    @Nested
    class HttpHandlers {
        @Test
        void otherPathsAreServedByTheAddedHandlers() throws Exception {
            server.handlers().addHandler(new Handler.Abstract() {
                @Override
                public boolean handle(org.eclipse.jetty.server.Request request,
                        org.eclipse.jetty.server.Response response, Callback callback) {
                    if (!org.eclipse.jetty.server.Request.getPathInContext(request).equals("/api/ping")) {
                        return false;
                    }
                    Content.Sink.write(response, true, "pong", callback);
                    return true;
                }
            });
            OkHttpClient http = new OkHttpClient();
            try (Response ping = http.newCall(new Request.Builder().url(server.httpUri() + "/api/ping").build()).execute();
                    Response missing = http.newCall(new Request.Builder().url(server.httpUri() + "/nope").build()).execute()) {
                assertThat(ping.code()).isEqualTo(200);
                assertThat(ping.body().string()).isEqualTo("pong");
                assertThat(missing.code()).isEqualTo(404);
            }
        }
    }
}
