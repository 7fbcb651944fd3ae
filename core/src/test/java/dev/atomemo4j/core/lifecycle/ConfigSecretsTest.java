package dev.atomemo4j.core.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atomemo4j.core.pipeline.Secrets;
import org.junit.jupiter.api.Test;

class ConfigSecretsTest {

  @Test
  void aCutNeverLeavesHalfACharacter() {
    String message = "ab" + "\uD83D\uDD12" + "cd"; // a lock emoji: one character, two chars

    assertThat(ConfigSecrets.clean(message, Secrets.NONE, 3)).isEqualTo("ab…");
  }

  @Test
  void aSecretIsMaskedBeforeTheCapCountsTheText() {
    Secrets secrets = Secrets.builder().value("sk-0123456789").build();

    assertThat(ConfigSecrets.clean("key sk-0123456789 refused", secrets, 100))
        .isEqualTo("key [REDACTED] refused");
  }

  @Test
  void aShortMessageIsKeptWhole() {
    assertThat(ConfigSecrets.clean("  no HR tables  ", Secrets.NONE, 100)).isEqualTo("no HR tables");
  }

  @Test
  void withoutACapLineBreaksAreFlattenedAndNothingIsCut() {
    String message = "wiring failed:\n" + "x".repeat(5000);

    assertThat(ConfigSecrets.clean(message, Secrets.NONE)).isEqualTo("wiring failed: " + "x".repeat(5000));
  }

  @Test
  void aMissingMessageReadsAsEmpty() {
    assertThat(ConfigSecrets.clean(null, Secrets.NONE)).isEmpty();
  }
}
