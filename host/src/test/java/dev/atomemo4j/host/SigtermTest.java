package dev.atomemo4j.host;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atomemo4j.host.testplugins.SigtermMain;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
        SigtermMain.class.getName(), out.toString()).redirectErrorStream(true).start();
    try {
      BufferedReader lines = new BufferedReader(new InputStreamReader(child.getInputStream(),
          StandardCharsets.UTF_8));
      String line;
      boolean ready = false;
      while ((line = lines.readLine()) != null) {
        if (line.equals("READY")) {
          ready = true;
          break;
        }
      }
      assertThat(ready).as("the child host started").isTrue();
      child.destroy();
      assertThat(child.waitFor(30, TimeUnit.SECONDS)).as("the child exited").isTrue();
      assertThat(Files.readAllLines(out)).isEqualTo(List.of("third", "second", "first"));
    } finally {
      child.destroyForcibly();
    }
  }
}
