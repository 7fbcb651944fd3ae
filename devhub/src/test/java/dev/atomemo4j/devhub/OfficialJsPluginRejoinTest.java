package dev.atomemo4j.devhub;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.atomemo4j.devhub.testsupport.NodeScript;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A plugin in the official JS SDK's pattern, on the official {@code phoenix} npm client, against the dev hub: it
 * joins, registers once, loses its socket to a dev hub restart, rejoins without registering (phoenix.js does that
 * by itself), and is invoked again, served with the definition the restarted hub read back from its data directory.
 *
 * <p>Needs node and the npm packages {@code phoenix} and {@code ws}; see {@link NodeScript#requirePackages}.
 */
class OfficialJsPluginRejoinTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final long WAIT_SECONDS = 20;

    @TempDir
    Path data;

    @Test
    void anOfficialJsPluginRegistersOnceAndIsStillServedAfterTheDevHubRestarts() throws Exception {
        Path modules = NodeScript.nodeModules();
        NodeScript.requirePackages(modules, "phoenix", "ws");
        Path definition = data.resolveSibling(data.getFileName() + "-definition.json");
        Files.writeString(definition, TestDefinitions.acmeEcho().toString());

        DevHub first = DevHub.builder().dataDirectory(data).build();
        first.start();
        int port = first.port();
        String endpoint = first.wsUrl() + "/debug_socket";
        NodePlugin plugin = NodePlugin.start(script(), endpoint, first.apiKey(), modules.toString(),
                definition.toString());
        DevHub second = null;
        try {
            plugin.awaitEvent("registered");
            first.whenPluginReady(TestDefinitions.PLUGIN).get(WAIT_SECONDS, TimeUnit.SECONDS);
            RequestOutcome before = first.invokeTool(TestDefinitions.PLUGIN, "echo-text",
                    MAPPER.readTree("{\"text\":\"before\"}")).get(WAIT_SECONDS, TimeUnit.SECONDS);
            assertThat(before.data()).isEqualTo(MAPPER.readTree("{\"echo\":\"before\",\"invocation\":1}"));

            first.close();
            plugin.awaitEvent("socket_closed");
            second = DevHub.builder().port(port).dataDirectory(data).build();
            second.start();
            plugin.awaitEvent("joined");
            second.whenPluginReady(TestDefinitions.PLUGIN).get(WAIT_SECONDS, TimeUnit.SECONDS);
            RequestOutcome after = second.invokeTool(TestDefinitions.PLUGIN, "echo-text",
                    MAPPER.readTree("{\"text\":\"after\"}")).get(WAIT_SECONDS, TimeUnit.SECONDS);

            assertThat(after.ok()).as("answer after the restart: %s", after.toJson()).isTrue();
            assertThat(after.data()).isEqualTo(MAPPER.readTree("{\"echo\":\"after\",\"invocation\":2}"));
            JsonNode entry = second.plugins().get(0);
            assertThat(entry.get("warnings").findValuesAsText("code")).containsExactly("devhub:definition_not_registered");

            JsonNode summary = plugin.stop();
            assertThat(summary.get("registerPushes").asInt()).isEqualTo(1);
            assertThat(summary.get("joins").asInt()).isEqualTo(2);
            assertThat(summary.get("registerReplies"))
                    .isEqualTo(MAPPER.readTree("[{\"status\":\"ok\",\"response\":{\"success\":true}}]"));
            // The first close is the dev hub's shutdown: a close frame (1001), not an abnormal 1006.
            assertThat(summary.get("closeCodes").get(0).asInt()).isEqualTo(1001);
        } finally {
            plugin.kill();
            first.close();
            if (second != null) {
                second.close();
            }
            Files.deleteIfExists(definition);
        }
    }

    private static Path script() throws URISyntaxException {
        return Path.of(OfficialJsPluginRejoinTest.class.getResource("js-sdk-plugin.cjs").toURI());
    }

    /** The node process, its event lines as they arrive, and its summary line once its standard input closes. */
    private static final class NodePlugin {
        private final Process process;
        private final BlockingQueue<JsonNode> lines = new LinkedBlockingQueue<>();
        private final List<String> seen = new ArrayList<>();

        private NodePlugin(Process process) {
            this.process = process;
            Thread reader = new Thread(this::readLines, "node-plugin-stdout");
            reader.setDaemon(true);
            reader.start();
        }

        static NodePlugin start(Path script, String... args) throws IOException {
            List<String> command = new ArrayList<>(List.of("node", script.toString()));
            command.addAll(List.of(args));
            return new NodePlugin(new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start());
        }

        /** Waits for the next line with this event, skipping others (which are kept for the failure message). */
        void awaitEvent(String event) throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
            while (System.nanoTime() < deadline) {
                JsonNode line = lines.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
                if (line == null) {
                    break;
                }
                seen.add(line.toString());
                if (event.equals(line.path("event").asText())) {
                    return;
                }
            }
            throw new AssertionError("the node plugin did not report \"" + event + "\"; it reported " + seen);
        }

        /** Closes its standard input, which makes it disconnect and print its summary; returns the summary. */
        JsonNode stop() throws IOException, InterruptedException {
            process.getOutputStream().close();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
            while (System.nanoTime() < deadline) {
                JsonNode line = lines.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
                if (line == null) {
                    break;
                }
                if (line.has("summary")) {
                    return line.get("summary");
                }
                seen.add(line.toString());
            }
            throw new AssertionError("the node plugin printed no summary; it reported " + seen);
        }

        void kill() {
            process.destroyForcibly();
        }

        private void readLines() {
            try (BufferedReader reader = new BufferedReader(
                    new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = reader.readLine()) != null) {
                    try {
                        lines.add(MAPPER.readTree(line));
                    } catch (IOException e) {
                        lines.add(MAPPER.createObjectNode().put("unparsed", line));
                    }
                }
            } catch (IOException e) {
                // The process ended; the waiting side reports what it saw.
            }
        }
    }
}
