package dev.atomemo4j.devhub.phoenix;

import dev.atomemo4j.devhub.testsupport.NodeScript;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URISyntaxException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The dev hub against the official Phoenix JS client, the one the JS plugin SDK uses: join, a server push, replies
 * ok/error/none, a heartbeat round trip and a leave, all through {@code phoenix.js} 1.8 over the {@code ws} package.
 *
 * <p>Needs {@code node} on the PATH and the npm packages {@code phoenix} and {@code ws} in a {@code node_modules}
 * directory, given by the system property {@code atomemo4j.node.modules} (Maven default:
 * {@code devhub/target/node/node_modules}). Install them there, from the repository root, with
 * <pre>npm install --prefix devhub/target/node --no-audit --no-fund phoenix@1.8.5 ws@8.18.3</pre>
 * Without them the test is skipped, except under {@code CI=true}, where it fails: CI must run it.
 */
class PhoenixJsInteropTest {
    private static final String TOPIC = "debug_plugin:interop-test";

    @Test
    void officialPhoenixJsClientJoinsPushesGetsRepliesHeartbeatsAndLeaves() throws Exception {
        Path modules = NodeScript.nodeModules();
        NodeScript.requirePackages(modules, "phoenix", "ws");
        RecordingHandler recorder = new RecordingHandler();
        ChannelHandler welcoming = new ChannelHandler() {
            @Override
            public void onJoin(PhoenixChannel channel) {
                recorder.onJoin(channel);
                ObjectNode welcome = JsonNodeFactory.instance.objectNode().put("hello", "interop");
                channel.push("welcome", welcome);
            }

            @Override
            public Reply onEvent(PhoenixChannel channel, String event, ObjectNode payload, String ref) {
                return recorder.onEvent(channel, event, payload, ref);
            }

            @Override
            public void onLeave(PhoenixChannel channel, LeaveReason reason) {
                recorder.onLeave(channel, reason);
            }
        };

        try (PhoenixServer server = PhoenixServer.builder().channelHandler(welcoming).build()) {
            server.start();
            String endpoint = server.websocketUri(SocketKind.DEBUG).toString().replaceFirst("/websocket$", "");

            JsonNode summary = NodeScript.run(script(), java.time.Duration.ofSeconds(30), null, endpoint, server.debugApiKey(), modules.toString());

            assertThat(summary.path("phoenixVersion").asText()).startsWith("1.8.");
            assertThat(summary.get("join")).isEqualTo(json("{'status':'ok','response':{}}"));
            assertThat(summary.get("welcome")).isEqualTo(json("{'hello':'interop'}"));
            assertThat(summary.get("echo"))
                    .isEqualTo(json("{'status':'ok','response':{'echo':{'text':'hello from phoenix.js'}}}"));
            assertThat(summary.get("refuse")).isEqualTo(json("{'status':'error','response':{'reason':'refused'}}"));
            assertThat(summary.get("noReply")).isEqualTo(json("{'status':'timeout'}"));
            assertThat(summary.path("heartbeatReplied").asBoolean()).isTrue();
            assertThat(summary.get("leave")).isEqualTo(json("{'status':'ok','response':{}}"));
            assertThat(summary.path("channelClosed").asBoolean()).isTrue();
            assertThat(summary.path("channelState").asText()).isEqualTo("closed");
            assertThat(summary.path("unexpectedSocketErrors").asInt()).isZero();
            assertThat(summary.path("unexpectedSocketCloses").asInt()).isZero();

            // The server saw the same conversation.
            assertThat(recorder.next()).startsWith("join " + TOPIC + " ");
            assertThat(recorder.next()).startsWith("event " + TOPIC + " echo {\"text\":\"hello from phoenix.js\"}");
            assertThat(recorder.next()).startsWith("event " + TOPIC + " refuse");
            assertThat(recorder.next()).startsWith("event " + TOPIC + " invoke_tool_response");
            assertThat(recorder.next()).startsWith("leave " + TOPIC + " ").endsWith(" LEFT");
        }
    }

    private static Path script() throws URISyntaxException {
        return Path.of(PhoenixJsInteropTest.class.getResource("phoenix-interop.cjs").toURI());
    }

    private static JsonNode json(String singleQuoted) {
        return PhoenixTestClient.json(singleQuoted.replace('\'', '"'));
    }
}
