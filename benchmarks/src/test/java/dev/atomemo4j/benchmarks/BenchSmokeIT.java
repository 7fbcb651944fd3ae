package dev.atomemo4j.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Runs {@code BenchMain --smoke} as {@code ./atomemo4j bench --smoke} does (a separate JVM on the module's class
 * path, so JMH can fork) and checks the table has every row of issue 7. Never looks at the numbers.
 */
class BenchSmokeIT {

  /** Every row the table must have: the seven measures and their variants. */
  static final List<String> ROWS = List.of("1", "2", "3", "3a", "3b", "4", "4a", "5", "5a", "6", "6a", "7", "8", "8a",
      "8b", "8c", "9", "9a");

  @Test
  void theSmokeRunWritesATableWithEveryRow() throws Exception {
    Path dir = Path.of(System.getProperty("atomemo4j.benchmarks.dir", ".")).toAbsolutePath();
    Path classPath = dir.resolve("target/classpath.txt");
    assertThat(classPath).as("written by maven-dependency-plugin at generate-resources").exists();
    Path out = dir.resolve("target/smoke.md");
    Files.deleteIfExists(out);
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    String cp = dir.resolve("target/classes") + File.pathSeparator + Files.readString(classPath).trim();
    Process p = new ProcessBuilder(java, "-Datomemo4j.benchmarks.dir=" + dir, "-cp", cp,
        "dev.atomemo4j.benchmarks.BenchMain", "--smoke")
        .redirectErrorStream(true)
        .redirectOutput(dir.resolve("target/smoke-it.log").toFile())
        .start();
    // No time limit here: a busy machine may take long, and how long is not what this test checks. CI's own job
    // limit bounds a run that hangs; the child is stopped if this JVM ends first.
    int exit;
    try {
      exit = p.waitFor();
    } finally {
      if (p.isAlive()) {
        p.destroyForcibly();
      }
    }
    String log = Files.readString(dir.resolve("target/smoke-it.log"), StandardCharsets.UTF_8);
    assertThat(exit).as("exit status; log:\n%s", log).isZero();

    String table = Files.readString(out, StandardCharsets.UTF_8);
    List<String> ids = new ArrayList<>();
    Matcher m = Pattern.compile("(?m)^\\| ([0-9][a-z]?) \\| .*\\|$").matcher(table);
    while (m.find()) {
      ids.add(m.group(1));
    }
    assertThat(ids).as("rows of %s", out).containsExactlyElementsOf(ROWS);
    assertThat(table).as("no measure failed").doesNotContain("| error |");
    assertThat(table).contains("| # | measure | ours | baseline | ratio | goal | met? |");
  }
}
