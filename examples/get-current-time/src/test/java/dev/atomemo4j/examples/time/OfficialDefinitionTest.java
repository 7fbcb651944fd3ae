package dev.atomemo4j.examples.time;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atomemo4j.model.PluginDefinition;
import dev.atomemo4j.model.io.DefinitionReader;
import dev.atomemo4j.testing.Definitions;
import org.junit.jupiter.api.Test;

class OfficialDefinitionTest {
  private static final String NAME = "get-current-time";

  @Test
  void generatedDefinitionEqualsTheOfficialOneButForAuthorEmailLangRepoAndVersion() {
    Definitions.assertSameAs(OfficialDefinitions.file(NAME), Definitions.generated(GetCurrentTime.class),
        "author", "email", "lang", "repo", "version");
  }

  @Test
  void generatedDefinitionCarriesTheBuildVersionAndJavaLang() {
    PluginDefinition d = DefinitionReader.read(Definitions.generated(GetCurrentTime.class)).definition().orElseThrow();
    assertThat(d.name()).isEqualTo(NAME);
    assertThat(d.version()).isEqualTo(System.getProperty("project.version", d.version()));
    assertThat(d.lang()).isEqualTo("java");
  }
}
