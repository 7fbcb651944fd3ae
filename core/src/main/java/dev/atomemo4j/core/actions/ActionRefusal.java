package dev.atomemo4j.core.actions;

import java.util.Objects;

/**
 * A gateway call the host refused before any request was stored or decided: unknown action, invalid input
 * ({@code sdk:invalid_parameter}), a required credential missing, a decision its caller may not make. The stable
 * {@code code} is the host's; the message never holds a secret.
 */
public final class ActionRefusal extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final String code;

  public ActionRefusal(String code, String message) {
    super(message, null, false, false);
    this.code = Objects.requireNonNull(code, "code");
  }

  public String code() {
    return code;
  }
}
