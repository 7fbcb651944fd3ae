package dev.atomemo4j.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;

/**
 * A {@code credential_auth_spec} request: the Hub asks for the auth spec of a credential, for example to run one
 * of the plugin's models. {@code extra} carries what the Hub adds, such as {@code {"model": "deepseek-chat"}}.
 */
public record CredentialRequest(JsonNode extra, Optional<String> organizationId) {

  /** The model the spec is for, when the Hub says. */
  public Optional<String> model() {
    JsonNode m = extra == null ? null : extra.get("model");
    return m != null && m.isTextual() ? Optional.of(m.asText()) : Optional.empty();
  }
}
