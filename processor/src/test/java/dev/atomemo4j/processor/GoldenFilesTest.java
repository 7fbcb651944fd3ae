package dev.atomemo4j.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.Compilation;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.tools.StandardLocation;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The generated outputs of the kitchen-sink fixture against reviewed golden files under
 * {@code src/test/resources/goldens/kitchen/}. Run with {@code -Dgolden.update=true} to rewrite them after an
 * intended change, then review the diff like code.
 */
class GoldenFilesTest {
  static final Path GOLDENS = Path.of("src", "test", "resources", "goldens", "kitchen");
  static final boolean UPDATE = Boolean.getBoolean("golden.update");

  static Compilation compilation;

  static synchronized Compilation kitchen() {
    if (compilation == null) {
      compilation = Fixtures.compile("kitchen");
    }
    return compilation;
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {
      "META-INF/atomemo4j/kitchen-sink/definition.json",
      "META-INF/atomemo4j/kitchen-sink/schemas/search-items.input.json",
      "META-INF/atomemo4j/kitchen-sink/schemas/search-items.output.json",
      "META-INF/atomemo4j/kitchen-sink/schemas/store-file.input.json",
      "META-INF/atomemo4j/kitchen-sink/schemas/store-file.output.json",
      "META-INF/services/dev.atomemo4j.runtime.spi.PluginRegistry",
      "kitchen/KitchenRegistry.java"})
  void generatedOutputMatchesItsGoldenFile(String path) throws IOException {
    Compilation c = kitchen();
    assertThat(c).succeeded();
    String actual = path.endsWith(".java")
        ? c.generatedSourceFile(path.replace(".java", "").replace('/', '.')).orElseThrow()
            .getCharContent(true).toString()
        : Sources.resource(c, path);
    Path golden = GOLDENS.resolve(path);
    if (UPDATE) {
      Files.createDirectories(golden.getParent());
      Files.writeString(golden, actual, StandardCharsets.UTF_8);
    }
    assertThat(golden).as("golden file (run with -Dgolden.update=true to create it)").exists();
    assertThat(actual).isEqualTo(Files.readString(golden, StandardCharsets.UTF_8));
  }

  @org.junit.jupiter.api.Test
  void twoCompilationsProduceIdenticalBytes() throws IOException {
    Compilation first = Fixtures.compile("kitchen");
    Compilation second = Fixtures.compile("kitchen");
    for (String path : List.of("META-INF/atomemo4j/kitchen-sink/definition.json",
        "META-INF/atomemo4j/kitchen-sink/schemas/search-items.input.json")) {
      assertThat(Sources.resource(second, path)).isEqualTo(Sources.resource(first, path));
    }
    assertThat(second.generatedSourceFile("kitchen.KitchenRegistry").orElseThrow().getCharContent(true).toString())
        .isEqualTo(first.generatedSourceFile("kitchen.KitchenRegistry").orElseThrow().getCharContent(true)
            .toString());
  }

  @org.junit.jupiter.api.Test
  void theGeneratedDefinitionIsValidForTheCli() {
    String definition = Sources.resource(kitchen(), "META-INF/atomemo4j/kitchen-sink/definition.json");
    var read = dev.atomemo4j.model.io.DefinitionReader.read(definition);

    assertThat(read.problems()).isEmpty();
    assertThat(dev.atomemo4j.model.validate.DefinitionValidator.validate(read.definition().orElseThrow())).isEmpty();
    assertThat(kitchen().generatedFile(StandardLocation.CLASS_OUTPUT, "kitchen", "KitchenRegistry.class"))
        .isPresent();
  }
}
