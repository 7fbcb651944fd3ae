package dev.atomemo4j.devhub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line of {@code DevHubMain}: options, errors, and the banner it prints. */
class DevHubMainTest {
    @TempDir
    Path data;

    @Test
    void optionsConfigureTheHub() throws Exception {
        DevHub.Builder builder = DevHubMain.parse(new String[] {"--port", "0", "--api-key=k1", "--data",
                data.toString(), "--request-timeout", "5"}, Map.of());

        try (DevHub hub = builder.build()) {
            hub.start();
            assertThat(hub.apiKey()).isEqualTo("k1");
            assertThat(hub.dataDirectory()).isEqualTo(data);
            assertThat(hub.requestTimeout().toSeconds()).isEqualTo(5);
        }
    }

    @Test
    void unknownOptionIsRefused() {
        assertThatThrownBy(() -> DevHubMain.parse(new String[] {"--colour", "red"}, Map.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("unknown option --colour");
    }

    @Test
    void portOutOfRangeIsRefused() {
        assertThatThrownBy(() -> DevHubMain.parse(new String[] {"--port", "70000"}, Map.of()))
                .hasMessageContaining("--port must be an integer from 0 to 65535");
    }

    @Test
    void llmEndpointMustBeAnHttpUrl() {
        assertThatThrownBy(() -> DevHubMain.parse(new String[] {"--llm-endpoint", "ftp://x"}, Map.of()))
                .hasMessageContaining("must be an http(s) URL");
    }

    @Test
    void badArgumentsExitWithStatus2AndUsage() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int status = DevHubMain.run(new String[] {"--port"}, Map.of(), new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(err, true, StandardCharsets.UTF_8));

        assertThat(status).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--port needs a value", "Usage: DevHubMain");
    }

    @Test
    void bannerShowsTheInspectorUrlAndTheConnectionSettings() throws Exception {
        try (DevHub hub = DevHub.builder().dataDirectory(data).apiKey("k2").build()) {
            hub.start();

            String banner = DevHubMain.banner(hub);

            assertThat(banner).contains("Inspector:          " + hub.url() + "/inspector/",
                    "HUB_WS_URL=" + hub.wsUrl(), "HUB_DEBUG_API_KEY=k2", "Press Ctrl-C to stop.");
        }
    }

    @Test
    void mainRunsUntilInterruptedAndThenStopsCleanly() throws Exception {
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), DevHubMain.class.getName(),
                "--port", "0", "--data", data.toString(), "--api-key", "main-key")
                .redirectErrorStream(true).start();
        try {
            java.io.BufferedReader out = new java.io.BufferedReader(
                    new java.io.InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
            StringBuilder seen = new StringBuilder();
            String inspector = null;
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                seen.append(line).append('\n');
                if (line.trim().startsWith("Inspector:")) {
                    inspector = line.substring(line.indexOf("http"));
                }
                if (line.startsWith("Press Ctrl-C")) {
                    break;
                }
            }
            assertThat(inspector).as(seen.toString()).isNotNull();
            Api.Reply health = Api.send(java.net.http.HttpRequest.newBuilder(
                    java.net.URI.create(inspector.replace("/inspector/", "/api/health"))).GET());

            // Ctrl-C: SIGINT to the process we started.
            new ProcessBuilder("kill", "-INT", Long.toString(process.pid())).start().waitFor();
            String rest = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

            assertThat(health.json().get("status").asText()).isEqualTo("ok");
            assertThat(process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
            assertThat(rest).contains("Dev hub stopped");
        } finally {
            process.destroyForcibly();
        }
    }
}
