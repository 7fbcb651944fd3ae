package dev.atomemo4j.maven;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atomemo4j.model.I18nText;
import dev.atomemo4j.model.PluginDefinition;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What the Hub's release upload would refuse, checked before a release definition.json is written. */
class ReleaseChecksTest {

  private static PluginDefinition definition(String lang, String version, String author, String email) {
    I18nText text = new I18nText(Map.of("en_US", "Echo"));
    return new PluginDefinition("it-echo", text, text, "🔁", lang, null, List.of("en-US"), author, email, version,
        List.of(), List.of(), List.of());
  }

  @Test
  void aTypescriptPluginAtAFixedVersionByAPersonPasses() {
    assertThat(ReleaseChecks.problems(definition("typescript", "1.2.0", "Ada Lovelace", "ada@example.com"), "1.2.0"))
        .isEmpty();
  }

  @Test
  void everyProblemIsListedAtOnceWithItsCode() {
    List<String> problems = ReleaseChecks.problems(definition("java", "1.0.0-SNAPSHOT", "root", "root@dev.local"),
        "1.0.0-SNAPSHOT");

    assertThat(problems).extracting(p -> p.substring(0, p.indexOf(']') + 1))
        .containsExactly("[atomemo4j:release-lang]", "[atomemo4j:release-snapshot]", "[atomemo4j:release-author]");
  }

  @Test
  void aVersionThatIsNotTheProjectsIsRefused() {
    assertThat(ReleaseChecks.problems(definition("elixir", "1.2.0", "Ada", "ada@example.com"), "1.3.0"))
        .singleElement().asString().startsWith("[atomemo4j:release-version] the definition's version 1.2.0 is not"
            + " the project's 1.3.0");
  }

  @Test
  void machineAccountsAndLocalDomainsAreNotPublishers() {
    assertThat(ReleaseChecks.isPlaceholder("root", "root@example.com")).isTrue();
    assertThat(ReleaseChecks.isPlaceholder("Ada", "ada@dev.local")).isTrue();
    assertThat(ReleaseChecks.isPlaceholder("Ada", "ada@localhost")).isTrue();
    assertThat(ReleaseChecks.isPlaceholder("Ada Lovelace", "ada@example.com")).isFalse();
  }
}
