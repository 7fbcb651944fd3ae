package dev.atomemo4j.processor;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import javax.tools.JavaFileObject;

/** Fixture plugins kept as real source files under src/test/resources/fixtures/<name>/. */
final class Fixtures {
  private Fixtures() {}

  static final Path ROOT = Path.of("src", "test", "resources", "fixtures");

  static JavaFileObject[] sources(String fixture) {
    try (Stream<Path> files = Files.list(ROOT.resolve(fixture))) {
      return files.filter(p -> p.toString().endsWith(".java")).sorted().map(p -> {
        try {
          return JavaFileObjects.forSourceString(fixture + "." + p.getFileName().toString().replace(".java", ""),
              Files.readString(p));
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }).toArray(JavaFileObject[]::new);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Compilation compile(String fixture) {
    return Sources.compile(List.of("-Aatomemo4j.version=1.2.3", "-Aatomemo4j.author=Jane Doe",
        "-Aatomemo4j.email=jane@example.com", "-Aatomemo4j.resources=" + ROOT.toAbsolutePath()), sources(fixture));
  }
}
