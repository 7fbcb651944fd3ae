package dev.atomemo4j.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.Compilation;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The outputs of the Atlas fixture (a context plugin with a config and every lifecycle method) against reviewed
 * golden files under {@code src/test/resources/goldens/atlas/}; {@code -Dgolden.update=true} rewrites them.
 */
class AtlasGoldenFilesTest {
  static final Path GOLDENS = Path.of("src", "test", "resources", "goldens", "atlas");

  static Compilation compilation;

  static synchronized Compilation atlas() {
    if (compilation == null) {
      compilation = Fixtures.compile("atlas");
    }
    return compilation;
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {
      "META-INF/atomemo4j/tickets/manifest.json",
      "META-INF/atomemo4j/tickets/schemas/config.json",
      "META-INF/atomemo4j/tickets/definition.json",
      "atlas/TicketsRegistry.java"})
  void generatedOutputMatchesItsGoldenFile(String path) throws IOException {
    Compilation c = atlas();
    assertThat(c).succeeded();
    String actual = path.endsWith(".java")
        ? c.generatedSourceFile(path.replace(".java", "").replace('/', '.')).orElseThrow()
            .getCharContent(true).toString()
        : Sources.resource(c, path);
    Path golden = GOLDENS.resolve(path);
    if (GoldenFilesTest.UPDATE) {
      Files.createDirectories(golden.getParent());
      Files.writeString(golden, actual, StandardCharsets.UTF_8);
    }
    assertThat(golden).as("golden file (run with -Dgolden.update=true to create it)").exists();
    assertThat(actual).isEqualTo(Files.readString(golden, StandardCharsets.UTF_8));
  }

  @org.junit.jupiter.api.Test
  void twoCompilationsWriteTheSameManifestBytes() {
    Compilation again = Fixtures.compile("atlas");
    for (String path : new String[] {"META-INF/atomemo4j/tickets/manifest.json",
        "META-INF/atomemo4j/tickets/schemas/config.json"}) {
      assertThat(Sources.resource(again, path)).isEqualTo(Sources.resource(atlas(), path));
    }
  }
}
