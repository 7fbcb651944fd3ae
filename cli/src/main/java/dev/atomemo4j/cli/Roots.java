package dev.atomemo4j.cli;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Locations the commands need. */
final class Roots {
  private Roots() {}

  /**
   * The atomemo4j checkout the CLI jar was built in ({@code cli/target/atomemo4j-cli.jar} → two levels up), or the
   * working directory when that cannot be told.
   */
  static Path checkout() {
    String env = System.getenv("ATOMEMO4J_HOME");
    if (env != null && !env.isBlank()) {
      return Path.of(env);
    }
    try {
      Path jar = Path.of(Main.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      Path candidate = jar.getParent() == null ? null : jar.getParent().getParent();
      if (candidate != null && candidate.getParent() != null
          && Files.isRegularFile(candidate.getParent().resolve("atomemo4j"))) {
        return candidate.getParent();
      }
    } catch (URISyntaxException | SecurityException e) {
      // fall through
    }
    return Path.of("").toAbsolutePath();
  }

  static void deleteQuietly(Path directory) {
    try (Stream<Path> files = Files.walk(directory)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // temporary files left behind are harmless
    }
  }
}
