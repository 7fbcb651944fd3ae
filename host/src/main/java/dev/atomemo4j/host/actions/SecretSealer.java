package dev.atomemo4j.host.actions;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals the secret values of an action's input (AES-256-GCM) so the stored request shows only {@code [REDACTED]}
 * while the host that executes it — this one after a restart, or another sharing the database and the key — can
 * still run it. Hosts that share a store must share the key.
 */
final class SecretSealer {
  private static final SecureRandom RANDOM = new SecureRandom();
  private final SecretKeySpec key;

  SecretSealer(byte[] key) {
    if (key.length != 32) {
      throw new IllegalArgumentException("the action secret key must be 32 bytes (AES-256), got " + key.length);
    }
    this.key = new SecretKeySpec(key.clone(), "AES");
  }

  static byte[] randomKey() {
    byte[] k = new byte[32];
    RANDOM.nextBytes(k);
    return k;
  }

  String seal(String plain) {
    try {
      byte[] iv = new byte[12];
      RANDOM.nextBytes(iv);
      Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
      c.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, iv));
      byte[] sealed = c.doFinal(plain.getBytes(StandardCharsets.UTF_8));
      byte[] out = new byte[iv.length + sealed.length];
      System.arraycopy(iv, 0, out, 0, iv.length);
      System.arraycopy(sealed, 0, out, iv.length, sealed.length);
      return Base64.getEncoder().encodeToString(out);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot seal an action's secrets", e);
    }
  }

  /** @throws IllegalStateException when the value was sealed with another key */
  String open(String sealed) {
    try {
      byte[] in = Base64.getDecoder().decode(sealed);
      Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
      c.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, in, 0, 12));
      return new String(c.doFinal(in, 12, in.length - 12), StandardCharsets.UTF_8);
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      throw new IllegalStateException("the request's secrets were sealed with another key", e);
    }
  }
}
