package dev.atomemo4j.examples.deepseek;

import dev.atomemo4j.annotations.Authenticate;
import dev.atomemo4j.annotations.Credential;
import dev.atomemo4j.annotations.Param;
import dev.atomemo4j.runtime.AuthSpec;
import dev.atomemo4j.runtime.Secret;
import dev.atomemo4j.runtime.ToolException;
import java.util.Map;

/**
 * The DeepSeek API key a user stores. {@code apiKey} is written as {@code api_key}, an {@code encrypted_string} with
 * an {@code encrypted-input}, because its type is {@link Secret}.
 */
@Credential(
    name = "deepseek-api-key",
    displayName = "DeepSeek API Key",
    description = "Your DeepSeek API key for chat completions",
    icon = "🔑")
public record DeepSeekApiKey(
    @Param(displayName = "DeepSeek API Key", hint = "Enter your DeepSeek API key", placeholder = "sk-...",
        width = "full")
        Secret apiKey) {

  /** DeepSeek's OpenAI-compatible chat completions endpoint, which the official plugin names. */
  public static final String ENDPOINT = "https://api.deepseek.com/chat/completions";

  /**
   * How the Hub calls DeepSeek with this key, as the official plugin answers: the {@code deepseek} adapter, the
   * chat completions endpoint, and the key both as {@code api_key} and as a bearer {@code authorization} header
   * (lower case: the official plugin builds it with fetch's {@code Headers}, which lower-cases names). The official
   * plugin names no model; the Hub picks the model it runs.
   */
  @Authenticate
  public AuthSpec authenticate() throws ToolException {
    // Only a missing or empty key is refused, as the official plugin does: a key of spaces goes to DeepSeek, which
    // answers it with its own 401.
    if (apiKey == null || apiKey.reveal().isEmpty()) {
      throw new ToolException("deepseek:empty_api_key", "credential api_key is empty, please check your credential");
    }
    return new AuthSpec("deepseek", apiKey, ENDPOINT, null,
        Map.of("authorization", headerValue("Bearer " + apiKey.reveal())));
  }

  /** As fetch's {@code Headers.set} normalizes a value: leading and trailing HTTP whitespace (tab, space, CR, LF) go. */
  static String headerValue(String value) {
    int start = 0;
    int end = value.length();
    while (start < end && " \t\r\n".indexOf(value.charAt(start)) >= 0) {
      start++;
    }
    while (end > start && " \t\r\n".indexOf(value.charAt(end - 1)) >= 0) {
      end--;
    }
    return value.substring(start, end);
  }
}
