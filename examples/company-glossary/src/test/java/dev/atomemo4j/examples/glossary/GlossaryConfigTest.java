package dev.atomemo4j.examples.glossary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.atomemo4j.core.lifecycle.InvalidConfigException;
import dev.atomemo4j.host.PluginHost;
import dev.atomemo4j.runtime.spi.ConfigViolation;
import dev.atomemo4j.testing.PluginConfigs;
import org.junit.jupiter.api.Test;

/**
 * Step 1 of the Atlas test pattern: an invalid config is refused before the plugin exists, with every problem at
 * once. (The glossary has no secret field, so there is no secret to keep out of the messages here.)
 */
class GlossaryConfigTest {

  @Test
  void theHostRefusesAnInvalidConfigWithEveryProblemAndStartsNothing() {
    assertThatThrownBy(() -> PluginHost.builder()
        .plugin(CompanyGlossary.class, new GlossaryConfig(" ", "", 0))
        .start())
        .isInstanceOfSatisfying(InvalidConfigException.class, e -> assertThat(e.problems())
            .extracting(ConfigViolation::path, ConfigViolation::code)
            .containsExactly(
                tuple("plugins.company-glossary.config.path", "config:not_blank"),
                tuple("plugins.company-glossary.config.title", "config:not_blank"),
                tuple("plugins.company-glossary.config.maxTerms", "config:min")))
        .hasMessageContaining("3 problems in the plugin configuration; nothing was started");
  }

  @Test
  void aValidConfigHasNoProblems() {
    assertThat(PluginConfigs.problems(CompanyGlossary.class, new GlossaryConfig("glossary.txt", "Terms", 200)))
        .isEmpty();
  }

  @Test
  void theTitleIsAtMostEightyCharacters() {
    assertThat(PluginConfigs.problems(CompanyGlossary.class, new GlossaryConfig("g.txt", "t".repeat(81), 200)))
        .extracting(ConfigViolation::path, ConfigViolation::code)
        .containsExactly(tuple("plugins.company-glossary.config.title", "config:size"));
    assertThat(PluginConfigs.problems(CompanyGlossary.class, new GlossaryConfig("g.txt", "t".repeat(80), 200)))
        .isEmpty();
  }

  @Test
  void maxTermsIsBetweenOneAndFiveThousand() {
    assertThat(PluginConfigs.problems(CompanyGlossary.class, new GlossaryConfig("g.txt", "Terms", 5001)))
        .extracting(ConfigViolation::code).containsExactly("config:max");
    assertThat(PluginConfigs.problems(CompanyGlossary.class, new GlossaryConfig("g.txt", "Terms", 5000))).isEmpty();
    assertThat(PluginConfigs.problems(CompanyGlossary.class, new GlossaryConfig("g.txt", "Terms", 1))).isEmpty();
  }

  @Test
  void inAHostFileOnlyThePathIsRequiredTitleAndMaxTermsHaveDefaults() {
    assertThat(PluginConfigs.problemsInYaml(CompanyGlossary.class, "path: glossary.txt")).isEmpty();
  }

  @Test
  void inAHostFileAMissingPathAMisspelledKeyAndAWrongTypeAreReportedTogether() {
    assertThat(PluginConfigs.problemsInYaml(CompanyGlossary.class, "maxTerm: 20\ntitle: 7\nmaxTerms: many"))
        .extracting(ConfigViolation::path, ConfigViolation::code)
        .containsExactlyInAnyOrder(
            tuple("plugins.company-glossary.config.path", "config:required"),
            tuple("plugins.company-glossary.config.maxTerm", "config:unknown_key"),
            tuple("plugins.company-glossary.config.title", "config:invalid_type"),
            tuple("plugins.company-glossary.config.maxTerms", "config:invalid_type"));
  }

  @Test
  void aMisspelledKeyIsAnsweredWithTheKeyMeant() {
    assertThat(PluginConfigs.problemsInYaml(CompanyGlossary.class, "path: g.txt\nmaxTerm: 20"))
        .singleElement().extracting(ConfigViolation::message).asString().contains("maxTerms");
  }
}
