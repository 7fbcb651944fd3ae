package dev.atomemo4j.examples.deepseek;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.atomemo4j.runtime.AuthSpec;
import dev.atomemo4j.runtime.Secret;
import dev.atomemo4j.runtime.ToolException;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DeepSeekApiKeyTest {
  @Test
  void authenticateAnswersWhatTheOfficialPluginAnswers() throws Exception {
    AuthSpec spec = new DeepSeekApiKey(Secret.of("sk-test")).authenticate();

    assertThat(spec.adapter()).isEqualTo("deepseek");
    assertThat(spec.apiKey().reveal()).isEqualTo("sk-test");
    assertThat(spec.endpoint()).isEqualTo("https://api.deepseek.com/chat/completions");
    assertThat(spec.model()).as("the official plugin names no model").isNull();
    assertThat(spec.headers()).isEqualTo(Map.of("authorization", "Bearer sk-test"));
  }

  @Test
  void anEmptyKeyIsRefusedWithTheOfficialMessage() {
    assertThatThrownBy(() -> new DeepSeekApiKey(Secret.of("")).authenticate())
        .isInstanceOfSatisfying(ToolException.class, e -> {
          assertThat(e.code()).isEqualTo("deepseek:empty_api_key");
          assertThat(e.getMessage()).isEqualTo("credential api_key is empty, please check your credential");
        });
  }

  @Test
  void aMissingKeyIsRefusedAsAnEmptyOne() {
    assertThatThrownBy(() -> new DeepSeekApiKey(null).authenticate())
        .isInstanceOfSatisfying(ToolException.class, e -> assertThat(e.code()).isEqualTo("deepseek:empty_api_key"));
  }

  @Test
  void aKeyOfSpacesIsPassedOnAsTheOfficialPluginDoes() throws Exception {
    AuthSpec spec = new DeepSeekApiKey(Secret.of("   ")).authenticate();

    assertThat(spec.apiKey().reveal()).isEqualTo("   ");
    // fetch's Headers trims the value it is given: the official header is "Bearer".
    assertThat(spec.headers()).isEqualTo(Map.of("authorization", "Bearer"));
  }

  @Test
  void trailingWhitespaceOfAKeyLeavesTheHeaderAsFetchHeadersDo() throws Exception {
    AuthSpec spec = new DeepSeekApiKey(Secret.of("sk-test \t")).authenticate();

    assertThat(spec.apiKey().reveal()).as("api_key is passed as stored").isEqualTo("sk-test \t");
    assertThat(spec.headers()).isEqualTo(Map.of("authorization", "Bearer sk-test"));
  }

  @Test
  void theKeyNeverShowsInTheCredentialsToString() {
    assertThat(new DeepSeekApiKey(Secret.of("sk-very-secret")).toString()).doesNotContain("sk-very-secret");
  }
}
