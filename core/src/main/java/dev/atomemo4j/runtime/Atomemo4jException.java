package dev.atomemo4j.runtime;

/**
 * The plugin cannot start or had to stop: no generated registry found, bad configuration, the Hub refused the
 * connection, the join or the registration. The message is written for a person: what happened, and what to do.
 * It never contains the debug API key.
 */
public class Atomemo4jException extends RuntimeException {

  public Atomemo4jException(String message) {
    super(message);
  }

  public Atomemo4jException(String message, Throwable cause) {
    super(message, cause);
  }
}
