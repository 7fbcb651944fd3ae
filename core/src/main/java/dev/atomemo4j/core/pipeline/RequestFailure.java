package dev.atomemo4j.core.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A request answered with a specific error instead of running (or finishing) it: unknown tool, invalid parameters,
 * a malformed request. Thrown by pipeline stages (and by front ends reading their wire format); the code is one of
 * {@link ErrorCodes} or the plugin's own, and the message goes to the caller, so it must never contain a secret.
 * Carries no stack trace: it is an answer, not a bug. For front ends, not for plugin authors (who throw
 * {@code ToolException}).
 */
public final class RequestFailure extends Exception {
  private static final long serialVersionUID = 1L;

  private final String code;
  private final Map<String, JsonNode> members;

  public RequestFailure(String code, String message) {
    this(code, message, Map.of());
  }

  /** @param members extra members of the error object, after {@code code} and {@code message}, in order */
  public RequestFailure(String code, String message, Map<String, JsonNode> members) {
    super(Objects.requireNonNull(message, "message"), null, false, false);
    this.code = Objects.requireNonNull(code, "code");
    this.members = Collections.unmodifiableMap(new LinkedHashMap<>(members));
  }

  /** The stable error code, e.g. {@code sdk:invalid_parameter}. */
  public String code() {
    return code;
  }

  /** Extra members of the error object, after {@code code} and {@code message}. */
  public Map<String, JsonNode> members() {
    return members;
  }
}
