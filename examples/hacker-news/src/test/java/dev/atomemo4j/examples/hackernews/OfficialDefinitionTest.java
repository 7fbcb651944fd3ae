package dev.atomemo4j.examples.hackernews;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atomemo4j.model.PluginDefinition;
import dev.atomemo4j.model.io.DefinitionReader;
import dev.atomemo4j.model.io.DefinitionWriter;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class OfficialDefinitionTest {
  private static final String NAME = "hacker-news";

  /** The members the issue lets differ: who wrote it, in which language, where, which version. */
  private static String normalized(String json) {
    PluginDefinition d = DefinitionReader.read(json).definition().orElseThrow();
    return DefinitionWriter.toJson(new PluginDefinition(d.name(), d.displayName(), d.description(), d.icon(),
        "typescript", null, d.locales(), null, null, "0.0.0", d.credentials(), d.models(), d.tools()));
  }

  /**
   * The official file: under the {@code atomemo4j.shared} directory the root build passes, else under
   * {@code ../../../shared} (this module built on its own with {@code -f}, where the root's default points nowhere).
   */
  static Path official(String name) {
    Path relative = Path.of("conformance", "official-definitions", name + ".json");
    String configured = System.getProperty("atomemo4j.shared");
    if (configured != null && Files.isRegularFile(Path.of(configured).resolve(relative))) {
      return Path.of(configured).resolve(relative);
    }
    return Path.of("../../../shared").resolve(relative);
  }

  private String generated() throws Exception {
    try (InputStream in = getClass().getClassLoader()
        .getResourceAsStream("META-INF/atomemo4j/" + NAME + "/definition.json")) {
      assertThat(in).as("generated definition.json on the classpath").isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @Test
  void generatedDefinitionEqualsTheOfficialOneButForAuthorEmailLangRepoAndVersion() throws Exception {
    String official = Files.readString(official(NAME));

    assertThat(normalized(generated())).isEqualTo(normalized(official));
  }

  @Test
  void generatedDefinitionCarriesTheBuildVersionAndJavaLang() throws Exception {
    PluginDefinition d = DefinitionReader.read(generated()).definition().orElseThrow();
    assertThat(d.version()).isEqualTo(System.getProperty("project.version", d.version()));
    assertThat(d.lang()).isEqualTo("java");
  }
}
