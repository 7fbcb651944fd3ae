package dev.atomemo4j.runtime.datasource;

import java.util.Objects;

/**
 * What a {@code @Validate} method answers: the query is valid, or it is not and why. The reason is shown to the
 * user and kept in the error the host returns, so it never holds a secret.
 *
 * @param reason null when valid
 */
public record ValidationResult(boolean isValid, String reason) {

  public ValidationResult {
    if (!isValid && (reason == null || reason.isBlank())) {
      throw new IllegalArgumentException("an invalid result needs a reason");
    }
    if (isValid) {
      reason = null;
    }
  }

  private static final ValidationResult VALID = new ValidationResult(true, null);

  public static ValidationResult valid() {
    return VALID;
  }

  public static ValidationResult invalid(String reason) {
    return new ValidationResult(false, Objects.requireNonNull(reason, "reason"));
  }
}
