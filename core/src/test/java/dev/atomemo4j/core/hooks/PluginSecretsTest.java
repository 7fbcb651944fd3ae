package dev.atomemo4j.core.hooks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atomemo4j.core.pipeline.Secrets;
import org.junit.jupiter.api.Test;

class PluginSecretsTest {

  @Test
  void aCutNeverLeavesHalfACharacter() {
    String message = "ab" + "\uD83D\uDD12" + "cd"; // a lock emoji: one character, two chars

    assertThat(PluginSecrets.clean(message, Secrets.NONE, 3)).isEqualTo("ab…");
  }

  @Test
  void aSecretIsMaskedBeforeTheCapCountsTheText() {
    Secrets secrets = Secrets.builder().value("sk-0123456789").build();

    assertThat(PluginSecrets.clean("key sk-0123456789 refused", secrets, 100))
        .isEqualTo("key [REDACTED] refused");
  }

  @Test
  void aShortMessageIsKeptWhole() {
    assertThat(PluginSecrets.clean("  no HR tables  ", Secrets.NONE, 100)).isEqualTo("no HR tables");
  }
}
