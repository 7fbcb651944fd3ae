package dev.atomemo4j.core.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** What counts as a secret of a request, and how messages are scrubbed of them. */
class SecretsTest {

  static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void everyStringInsideATreeIsASecret() throws Exception {
    Secrets s = Secrets.builder()
        .allStringsOf(JSON.readTree("{\"gh\": {\"token\": \"ghp-abcdef\", \"scopes\": [\"repo-admin\"]}}"))
        .build();

    assertThat(s.isSecret("ghp-abcdef")).isTrue();
    assertThat(s.isSecret("repo-admin")).isTrue();
    assertThat(s.isSecret("gh")).isFalse();
  }

  @Test
  void stringsShorterThanTheMinimumAreNotSecrets() {
    Secrets s = Secrets.builder().value("eu").value(null).build();

    assertThat(s.isEmpty()).isTrue();
    assertThat(s.scrub("region eu")).isEqualTo("region eu");
  }

  @Test
  void aSecretContainingAnotherIsMaskedWhole() {
    Secrets s = Secrets.builder().value("abcd").value("abcd-efgh").build();

    assertThat(s.scrub("key abcd-efgh, prefix abcd")).isEqualTo("key [REDACTED], prefix [REDACTED]");
  }

  @Test
  void secretTypedParametersAreFoundWhetherOptionalOrNot() {
    assertThat(Secrets.secretParameters(DemoPlugin.GREET)).containsExactly("token");
  }
}
