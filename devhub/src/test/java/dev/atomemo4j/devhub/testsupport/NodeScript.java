package dev.atomemo4j.devhub.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs a node script that prints a JSON summary as its last line of standard output, failing the test with both
 * outputs when node fails or takes too long. Used by the phoenix.js interop test and the inspector's browser test.
 */
public final class NodeScript {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private NodeScript() {}

    /**
     * @param echoPrefix when not null, node's standard error is printed line by line with this prefix
     */
    public static JsonNode run(Path script, Duration timeout, String echoPrefix, String... args)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("node", script.toString()));
        command.addAll(List.of(args));
        Path stdout = Files.createTempFile("node-script", ".out");
        Path stderr = Files.createTempFile("node-script", ".err");
        try {
            Process process = new ProcessBuilder(command)
                    .redirectOutput(stdout.toFile())
                    .redirectError(stderr.toFile())
                    .start();
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                fail("node " + script.getFileName() + " did not finish within " + timeout.toSeconds()
                        + " s; stderr:\n" + Files.readString(stderr));
            }
            String out = Files.readString(stdout, StandardCharsets.UTF_8).strip();
            String err = Files.readString(stderr, StandardCharsets.UTF_8);
            assertThat(process.exitValue())
                    .as("node exit status; stdout:\n%s\nstderr:\n%s", out, err)
                    .isZero();
            if (echoPrefix != null) {
                System.out.print(err.lines().map(line -> echoPrefix + line + "\n").reduce("", String::concat));
            }
            String[] lines = out.split("\n");
            return MAPPER.readTree(lines[lines.length - 1]);
        } finally {
            Files.deleteIfExists(stdout);
            Files.deleteIfExists(stderr);
        }
    }
}
