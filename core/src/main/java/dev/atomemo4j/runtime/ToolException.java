package dev.atomemo4j.runtime;

import java.util.Map;
import java.util.Objects;

/**
 * An error a tool reports on purpose: the runtime answers {@code invoke_tool_error} with this code and message
 * (and the details), instead of the generic {@code sdk:exception}. Use codes of your own, e.g.
 * {@code "hacker_news:not_found"}.
 */
public class ToolException extends Exception {
  private final String code;
  private final Map<String, Object> details;

  public ToolException(String code, String message) {
    this(code, message, Map.of(), null);
  }

  public ToolException(String code, String message, Map<String, Object> details, Throwable cause) {
    super(message, cause);
    this.code = Objects.requireNonNull(code, "code");
    this.details = Map.copyOf(details);
  }

  public String code() {
    return code;
  }

  /** Extra members of the error object; JSON-mappable values only. */
  public Map<String, Object> details() {
    return details;
  }
}
