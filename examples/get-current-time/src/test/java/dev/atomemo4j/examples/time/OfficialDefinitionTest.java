package dev.atomemo4j.examples.time;

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

  /** The members the issue lets differ: who wrote it, in which language, where, which version. */
  private static String normalized(String json) {
    PluginDefinition d = DefinitionReader.read(json).definition().orElseThrow();
    return DefinitionWriter.toJson(new PluginDefinition(d.name(), d.displayName(), d.description(), d.icon(),
        "typescript", null, d.locales(), null, null, "0.0.0", d.credentials(), d.models(), d.tools()));
  }

  @Test
  void generatedDefinitionEqualsTheOfficialOneButForAuthorEmailLangRepoAndVersion() throws Exception {
    String generated;
    try (InputStream in = getClass().getClassLoader()
        .getResourceAsStream("META-INF/atomemo4j/get-current-time/definition.json")) {
      assertThat(in).as("generated definition.json on the classpath").isNotNull();
      generated = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    String official = Files.readString(Path.of(System.getProperty("atomemo4j.shared", "../../../shared"),
        "conformance", "official-definitions", "get-current-time.json"));

    assertThat(normalized(generated)).isEqualTo(normalized(official));
  }

  @Test
  void generatedDefinitionCarriesTheBuildVersionAndJavaLang() throws Exception {
    try (InputStream in = getClass().getClassLoader()
        .getResourceAsStream("META-INF/atomemo4j/get-current-time/definition.json")) {
      PluginDefinition d = DefinitionReader.read(new String(in.readAllBytes(), StandardCharsets.UTF_8))
          .definition().orElseThrow();
      assertThat(d.version()).isEqualTo(System.getProperty("project.version", d.version()));
      assertThat(d.lang()).isEqualTo("java");
    }
  }
}
