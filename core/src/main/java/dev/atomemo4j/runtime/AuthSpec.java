package dev.atomemo4j.runtime;

import java.util.Map;
import java.util.Objects;

/**
 * How the Hub calls a model provider with a credential ({@code credential_auth_spec} answer).
 *
 * @param adapter anthropic, openai, google_ai or deepseek
 * @param endpoint an http(s) URL, or null for the provider's default
 * @param model the model name, or null
 * @param headers extra HTTP headers
 */
public record AuthSpec(String adapter, Secret apiKey, String endpoint, String model, Map<String, String> headers) {

  public AuthSpec {
    Objects.requireNonNull(adapter, "adapter");
    Objects.requireNonNull(apiKey, "apiKey");
    headers = headers == null ? Map.of() : Map.copyOf(headers);
  }

  public static AuthSpec of(String adapter, Secret apiKey) {
    return new AuthSpec(adapter, apiKey, null, null, Map.of());
  }

  public AuthSpec withEndpoint(String newEndpoint) {
    return new AuthSpec(adapter, apiKey, newEndpoint, model, headers);
  }

  public AuthSpec withModel(String newModel) {
    return new AuthSpec(adapter, apiKey, endpoint, newModel, headers);
  }
}
