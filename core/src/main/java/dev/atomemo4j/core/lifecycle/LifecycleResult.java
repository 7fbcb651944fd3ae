package dev.atomemo4j.core.lifecycle;

/**
 * The result of an operator's call into a plugin ({@code refresh}, {@code onUninstall}, a teardown): it worked, or
 * why not. Returned instead of thrown, so a caller (an HTTP handler, a CLI) can report it as it is.
 *
 * @param reason why it did not work; null when it did
 */
public record LifecycleResult(boolean ok, String reason) {

  public static LifecycleResult success() {
    return new LifecycleResult(true, null);
  }

  public static LifecycleResult failed(String reason) {
    return new LifecycleResult(false, reason);
  }
}
