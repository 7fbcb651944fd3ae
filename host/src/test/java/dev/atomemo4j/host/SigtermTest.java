package dev.atomemo4j.host;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atomemo4j.host.testplugins.SigtermMain;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/** SIGTERM, for real: a child JVM hosting three plugins is sent SIGTERM and must tear them down LIFO. */
class SigtermTest {

  @Test
  @EnabledOnOs({OS.LINUX, OS.MAC}) // Process.destroy() sends SIGTERM there
  void sigtermTearsThePluginsDownLastRegisteredFirst(@TempDir Path dir) throws Exception {
    Path out = dir.resolve("teardowns.txt");
    assertThat(runUntilThenTerminate(out, "READY")).isEqualTo(List.of("third", "second", "first"));
  }

  @Test
  @EnabledOnOs({OS.LINUX, OS.MAC})
  void sigtermDuringBootTearsDownWhatWasStartedAndInitializesNothingMore(@TempDir Path dir) throws Exception {
    Path out = dir.resolve("teardowns.txt");
    assertThat(runUntilThenTerminate(out, "INITIALIZING", "hang-in-boot")).isEqualTo(List.of("second", "first"));
  }

  /** Starts the child, waits for {@code line} on its output, sends SIGTERM, and returns the teardown file. */
  private static List<String> runUntilThenTerminate(Path out, String line, String... extra) throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> command = new ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path"),
        SigtermMain.class.getName(), out.toString()));
    command.addAll(List.of(extra));
    Process child = new ProcessBuilder(command).redirectErrorStream(true).start();
    try {
      BufferedReader lines = new BufferedReader(new InputStreamReader(child.getInputStream(),
          StandardCharsets.UTF_8));
      String read;
      boolean seen = false;
      while ((read = lines.readLine()) != null) {
        if (read.equals(line)) {
          seen = true;
          break;
        }
      }
      assertThat(seen).as("the child printed " + line).isTrue();
      child.destroy();
      assertThat(child.waitFor(30, TimeUnit.SECONDS)).as("the child exited").isTrue();
      return Files.readAllLines(out);
    } finally {
      child.destroyForcibly();
    }
  }
}
