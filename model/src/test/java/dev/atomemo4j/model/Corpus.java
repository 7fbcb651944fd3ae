package dev.atomemo4j.model;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The official definitions in ../shared/conformance/official-definitions, read by tests. */
public final class Corpus {
  private Corpus() {}

  public static Path directory() {
    String shared = System.getProperty("atomemo4j.shared", "../../shared");
    Path dir = Path.of(shared, "conformance", "official-definitions").toAbsolutePath().normalize();
    if (!Files.isDirectory(dir)) {
      throw new IllegalStateException("conformance corpus not found at " + dir
          + " (set -Datomemo4j.shared=/path/to/shared)");
    }
    return dir;
  }

  public static List<Path> files() {
    try (Stream<Path> s = Files.list(directory())) {
      return s.filter(p -> p.toString().endsWith(".json")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static Path file(String name) {
    return directory().resolve(name);
  }

  public static String text(Path p) {
    try {
      return Files.readString(p);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
