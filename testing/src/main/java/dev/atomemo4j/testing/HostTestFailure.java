package dev.atomemo4j.testing;

/**
 * The host a test asked for could not be used: it did not start (the config's every problem is in the message, the
 * host's exception is the cause), a plugin did not initialize, or a teardown failed. Reported by JUnit as the
 * failure of the test class (or method) that asked for the host.
 */
public final class HostTestFailure extends AssertionError {
  private static final long serialVersionUID = 1L;

  HostTestFailure(String message) {
    super(message);
  }

  HostTestFailure(String message, Throwable cause) {
    super(message, cause);
  }
}
