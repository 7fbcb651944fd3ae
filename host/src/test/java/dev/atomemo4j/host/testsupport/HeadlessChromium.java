package dev.atomemo4j.host.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Runs one of the host's page scripts ({@code *.cjs} beside its test, on {@code page-driver.cjs}) in headless Debian
 * Chromium through {@code playwright-core}, and hands back the JSON summary the script printed.
 *
 * <p>Needs {@code node}, Chromium at {@code /usr/bin/chromium} (or {@code -Datomemo4j.chromium}) and
 * {@code playwright-core} under {@code host/target/node/node_modules} (or {@code -Datomemo4j.node.modules}):
 * {@code npm install --prefix host/target/node --no-audit --no-fund playwright-core@1.65.1}. A test without them is
 * skipped, except under {@code CI}, where it fails: CI must run the browser tests.
 */
public final class HeadlessChromium {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String DRIVER = "page-driver.cjs";

  private final Path modules;
  private final Path chromium;

  private HeadlessChromium(Path modules, Path chromium) {
    this.modules = modules;
    this.chromium = chromium;
  }

  /** Chromium and its driver for {@code what} (named in the failure under CI); the test is skipped without them. */
  public static HeadlessChromium requireFor(String what) {
    Path modules = Path.of(System.getProperty("atomemo4j.node.modules", "target/node/node_modules"));
    Path chromium = Path.of(System.getProperty("atomemo4j.chromium", "/usr/bin/chromium"));
    boolean ready = Files.isDirectory(modules.resolve("playwright-core")) && Files.isExecutable(chromium)
        && onPath("node");
    if (!ready) {
      if (System.getenv("CI") != null) {
        throw new IllegalStateException("CI must run the " + what + " test: install node, chromium and "
            + "playwright-core (see HeadlessChromium's Javadoc)");
      }
      Assumptions.abort("needs node, " + chromium + " and " + modules.resolve("playwright-core"));
    }
    return new HeadlessChromium(modules, chromium);
  }

  /**
   * Runs the page script {@code script} (a resource beside {@code anchor}) on {@code url}, with its profile under
   * {@code work} and its screenshots under {@code target/<script name>}.
   *
   * @return the summary the script printed last; a {@code failure} member says why it stopped early
   */
  public JsonNode drive(Class<?> anchor, String script, String url, Path work) throws IOException,
      InterruptedException {
    Path copy = work.resolve(script);
    copy(anchor, script, copy);
    copy(HeadlessChromium.class, DRIVER, work.resolve(DRIVER));
    String name = script.endsWith(".cjs") ? script.substring(0, script.length() - ".cjs".length()) : script;
    Path shots = Files.createDirectories(Path.of("target", name));
    Process p = new ProcessBuilder(List.of("node", copy.toString(), url, chromium.toString(),
        modules.toAbsolutePath().toString(), Files.createDirectory(work.resolve("profile")).toString(),
        shots.toAbsolutePath().toString()))
        .redirectError(ProcessBuilder.Redirect.INHERIT).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(90, TimeUnit.SECONDS)).isTrue();
    return JSON.readTree(out.lines().reduce((a, b) -> b).orElse("{}"));
  }

  private static void copy(Class<?> anchor, String resource, Path to) throws IOException {
    try (InputStream in = anchor.getResourceAsStream(resource)) {
      assertThat(in).as("test resource %s beside %s", resource, anchor.getName()).isNotNull();
      Files.copy(in, to);
    }
  }

  private static boolean onPath(String command) {
    try {
      return new ProcessBuilder(command, "--version").start().waitFor(10, TimeUnit.SECONDS);
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
