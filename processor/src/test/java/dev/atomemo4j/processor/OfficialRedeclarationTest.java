package dev.atomemo4j.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import dev.atomemo4j.model.PluginDefinition;
import dev.atomemo4j.model.io.DefinitionReader;
import dev.atomemo4j.model.io.DefinitionWriter;
import dev.atomemo4j.processor.redeclare.Redeclaration;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every official definition can be declared with the public annotations: for each file of the shared corpus, a
 * generator writes Java declarations from the JSON, the processor compiles them, and the generated
 * {@code definition.json} equals the official one (author, email, lang, repo and version aside), byte for byte
 * once both are canonical. The declarations are kept under {@code target/redeclared/<plugin>/} for reading.
 */
class OfficialRedeclarationTest {
  static final Path CORPUS = Path.of(System.getProperty("atomemo4j.shared", "../../shared"), "conformance",
      "official-definitions").toAbsolutePath().normalize();

  static Stream<String> officialDefinitions() throws IOException {
    try (Stream<Path> files = Files.list(CORPUS)) {
      List<String> names = files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".json")).sorted()
          .toList();
      assertThat(names).as("the corpus in " + CORPUS).hasSize(12);
      return names.stream();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("officialDefinitions")
  void theRedeclaredPluginGeneratesTheOfficialDefinition(String file) throws IOException {
    String official = Files.readString(CORPUS.resolve(file), StandardCharsets.UTF_8);
    String pkg = "redeclared." + file.replace(".json", "").replaceAll("[^A-Za-z0-9]", "_");
    Redeclaration.Output out = Redeclaration.of(official, pkg);

    Path dir = Path.of("target", "redeclared", file.replace(".json", "")).toAbsolutePath();
    Path resources = dir.resolve("resources");
    Files.createDirectories(resources.resolve(out.translationsPath()).getParent());
    Files.writeString(resources.resolve(out.translationsPath()), out.translations(), StandardCharsets.UTF_8);
    JavaFileObject[] sources = new JavaFileObject[out.sources().size()];
    int i = 0;
    for (Map.Entry<String, String> s : out.sources().entrySet()) {
      Path f = dir.resolve("java").resolve(s.getKey().replace('.', '/') + ".java");
      Files.createDirectories(f.getParent());
      Files.writeString(f, s.getValue(), StandardCharsets.UTF_8);
      sources[i++] = JavaFileObjects.forSourceString(s.getKey(), s.getValue());
    }

    Compilation c = Sources.compile(List.of("-Aatomemo4j.version=" + out.version(),
        "-Aatomemo4j.resources=" + resources), sources);

    assertThat(c.diagnostics().stream().filter(d -> d.getKind() == Diagnostic.Kind.ERROR)
        .map(d -> d.getMessage(null)).limit(20).toList()).as("errors compiling " + dir).isEmpty();
    assertThat(c).succeeded();
    String name = (String) new com.fasterxml.jackson.databind.ObjectMapper().readTree(official).path("name")
        .asText();
    String generated = Sources.resource(c, "META-INF/atomemo4j/" + name + "/definition.json");
    String expected = canonical(official);
    String actual = canonical(generated);
    if (!actual.equals(expected)) {
      int at = 0;
      while (at < Math.min(actual.length(), expected.length()) && actual.charAt(at) == expected.charAt(at)) {
        at++;
      }
      throw new AssertionError("the definition generated from " + dir + " differs at character " + at
          + ":\n  official  …" + excerpt(expected, at) + "…\n  generated …" + excerpt(actual, at) + "…");
    }
  }

  private static String excerpt(String s, int at) {
    return s.substring(Math.max(0, at - 120), Math.min(s.length(), at + 80)).replace("\n", "⏎");
  }

  /** The definition's canonical bytes without the members a re-declaration legitimately changes. */
  static String canonical(String json) {
    PluginDefinition d = DefinitionReader.read(json).definition().orElseThrow();
    return DefinitionWriter.toJson(new PluginDefinition(d.name(), d.displayName(), d.description(), d.icon(), null,
        null, d.locales(), null, null, null, d.credentials(), d.models(), d.tools()));
  }
}
