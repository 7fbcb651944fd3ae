package dev.atomemo4j.runtime;

/**
 * The plugin cannot start or had to stop: no generated registry found, bad configuration, the Hub refused the
 * connection, the join or the registration. The message is written for a person: what happened, and what to do.
 * It never contains the debug API key.
 */
public class Atomemo4jException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String code;

  public Atomemo4jException(String message) {
    this(null, message, null);
  }

  public Atomemo4jException(String message, Throwable cause) {
    this(null, message, cause);
  }

  /**
   * @param code a stable code for programs to act on, e.g. {@code sdk:no_tool_instance}; null when there is none
   */
  public Atomemo4jException(String code, String message, Throwable cause) {
    super(message, cause);
    this.code = code;
  }

  /** The stable code of this failure, e.g. {@code sdk:no_tool_instance}, or null for failures without one. */
  public String code() {
    return code;
  }
}
