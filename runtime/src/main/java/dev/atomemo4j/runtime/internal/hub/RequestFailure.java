package dev.atomemo4j.runtime.internal.hub;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A request the runtime answers with a specific error object instead of running (or finishing) it: unknown tool,
 * invalid parameters, a timeout. Thrown by pipeline stages; the message is sent to the Hub, so it must never contain
 * a secret. Carries no stack trace: it is an answer, not a bug.
 */
final class RequestFailure extends Exception {
  private final String code;
  private final Map<String, JsonNode> members;

  RequestFailure(String code, String message) {
    this(code, message, Map.of());
  }

  RequestFailure(String code, String message, Map<String, JsonNode> members) {
    super(Objects.requireNonNull(message, "message"), null, false, false);
    this.code = Objects.requireNonNull(code, "code");
    this.members = new LinkedHashMap<>(members);
  }

  String code() {
    return code;
  }

  /** Extra members of the error object, after {@code code} and {@code message}. */
  Map<String, JsonNode> members() {
    return members;
  }
}
