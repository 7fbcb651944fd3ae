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

    /** What installs the npm packages the node tests need, from the repository root. */
    public static final String INSTALL_COMMAND =
            "npm install --prefix devhub/target/node --no-audit --no-fund phoenix@1.8.5 ws@8.18.3";

    private NodeScript() {}

    /** The node_modules directory the pom names ({@code atomemo4j.node.modules}); the fallback serves IDE runs. */
    public static Path nodeModules() {
        String configured = System.getProperty("atomemo4j.node.modules", "target/node/node_modules");
        return Path.of(configured).toAbsolutePath();
    }

    /**
     * Skips the test when node or one of the npm packages is missing from {@code modules}, but fails under
     * {@code CI=true}: there every node test must run.
     */
    public static void requirePackages(Path modules, String... packages) {
        String problem = null;
        if (!nodeRuns()) {
            problem = "`node` is not on the PATH";
        } else {
            for (String name : packages) {
                if (!Files.isRegularFile(modules.resolve(name).resolve("package.json"))) {
                    problem = "the npm package " + name + " is not installed in " + modules;
                    break;
                }
            }
        }
        if (problem == null) {
            return;
        }
        String message = "This node test cannot run: " + problem + ". From the repository root, run `"
                + INSTALL_COMMAND + "`, or point -Datomemo4j.node.modules at a node_modules directory holding "
                + String.join(" and ", packages) + ".";
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            fail(message);
        }
        org.junit.jupiter.api.Assumptions.assumeTrue(false, message);
    }

    private static boolean nodeRuns() {
        try {
            Process process = new ProcessBuilder("node", "--version").redirectErrorStream(true).start();
            process.getInputStream().readAllBytes();
            return process.waitFor(10, TimeUnit.SECONDS) && process.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

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
