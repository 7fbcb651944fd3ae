package dev.atomemo4j.examples.deepseek;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.atomemo4j.runtime.AuthSpec;
import dev.atomemo4j.runtime.CredentialRequest;
import dev.atomemo4j.runtime.Secret;
import dev.atomemo4j.runtime.ToolException;
import dev.atomemo4j.runtime.internal.shape.Decoded;
import dev.atomemo4j.runtime.internal.shape.ShapeDecoder;
import dev.atomemo4j.runtime.spi.CredentialBinding;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DeepSeekApiKeyTest {
  private static final ObjectMapper JSON = new ObjectMapper();

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
  void anEmptyKeyIsRefusedWithAClearError() {
    for (String empty : new String[] {"", "   "}) {
      assertThatThrownBy(() -> new DeepSeekApiKey(Secret.of(empty)).authenticate())
          .isInstanceOfSatisfying(ToolException.class, e -> {
            assertThat(e.code()).isEqualTo("deepseek:empty_api_key");
            assertThat(e.getMessage()).isEqualTo("credential api_key is empty, please check your credential");
          });
    }
  }

  @Test
  void theKeyNeverShowsInTheCredentialsToString() {
    assertThat(new DeepSeekApiKey(Secret.of("sk-very-secret")).toString()).doesNotContain("sk-very-secret");
  }

  /** As the runtime answers {@code credential_auth_spec}: stored values decoded, then the generated callback. */
  @Test
  void throughTheGeneratedRegistry() throws Exception {
    CredentialBinding binding = new DeepSeekRegistry().descriptor().credential("deepseek-api-key").orElseThrow();
    Decoded values = ShapeDecoder.decodeCredential(binding.values(), JSON.readTree("{\"api_key\": \"sk-abc\"}"));
    assertThat(values.isOk()).as(values.toString()).isTrue();

    Object spec = binding.authenticate().call(values.value(),
        new CredentialRequest(JSON.readTree("{\"model\": \"deepseek-reasoner\"}"), Optional.of("org-1")));

    assertThat(spec).isEqualTo(new AuthSpec("deepseek", Secret.of("sk-abc"),
        "https://api.deepseek.com/chat/completions", null, Map.of("authorization", "Bearer sk-abc")));
  }
}
