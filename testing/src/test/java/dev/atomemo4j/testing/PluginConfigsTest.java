package dev.atomemo4j.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.atomemo4j.runtime.spi.ConfigViolation;
import dev.atomemo4j.testing.fixture.Motto;
import dev.atomemo4j.testing.fixture.Notes;
import dev.atomemo4j.testing.fixture.NotesConfig;
import org.junit.jupiter.api.Test;

class PluginConfigsTest {

  @Test
  void aValidRecordHasNoProblems() {
    assertThat(PluginConfigs.problems(Notes.class, new NotesConfig("notes.txt", "Notes"))).isEmpty();
  }

  @Test
  void everyBrokenRuleOfARecordIsReportedWithTheHostsPathAndCode() {
    assertThat(PluginConfigs.problems(Notes.class, new NotesConfig(" ", "x".repeat(41))))
        .extracting(ConfigViolation::path, ConfigViolation::code)
        .containsExactly(
            tuple("plugins.notes-plugin.config.file", "config:not_blank"),
            tuple("plugins.notes-plugin.config.title", "config:size"));
  }

  @Test
  void aYamlConfigIsDecodedAsAHostFileWouldBeWithDefaultsForAbsentKeys() {
    assertThat(PluginConfigs.problemsInYaml(Notes.class, "file: notes.txt")).isEmpty();
  }

  @Test
  void aYamlConfigReportsMissingAndUnknownKeysTogether() {
    assertThat(PluginConfigs.problemsInYaml(Notes.class, "titel: Notes"))
        .extracting(ConfigViolation::path, ConfigViolation::code)
        .containsExactlyInAnyOrder(
            tuple("plugins.notes-plugin.config.file", "config:required"),
            tuple("plugins.notes-plugin.config.titel", "config:unknown_key"));
  }

  @Test
  void aConfigForAPluginThatTakesNoneIsAProblem() {
    assertThat(PluginConfigs.problems(Motto.class, new NotesConfig("a", "b")))
        .extracting(ConfigViolation::code).containsExactly("host:unexpected_config");
  }
}
