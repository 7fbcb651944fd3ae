package dev.atomemo4j.runtime;

import java.util.Objects;

/**
 * A secret value ({@code encrypted_string}): an API key, a client secret, a token. {@link #toString()} never shows
 * it, so a secret logged or put into an exception by mistake stays secret; call {@link #reveal()} where the value
 * is really needed.
 */
public final class Secret {
  private final String value;

  private Secret(String value) {
    this.value = Objects.requireNonNull(value, "value");
  }

  public static Secret of(String value) {
    return new Secret(value);
  }

  /** The secret itself. */
  public String reveal() {
    return value;
  }

  public boolean isEmpty() {
    return value.isEmpty();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Secret s && MessageDigestEquality.equal(s.value, value);
  }

  @Override
  public int hashCode() {
    return value.hashCode();
  }

  @Override
  public String toString() {
    return "Secret[redacted]";
  }

  /** Constant-time comparison, so equality checks do not leak a prefix through timing. */
  private static final class MessageDigestEquality {
    static boolean equal(String a, String b) {
      return java.security.MessageDigest.isEqual(a.getBytes(java.nio.charset.StandardCharsets.UTF_8),
          b.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
  }
}
