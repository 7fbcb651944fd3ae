package dev.atomemo4j.examples.webhook;

import dev.atomemo4j.runtime.Secret;
import dev.atomemo4j.runtime.routes.RouteRequest;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The signature scheme of this receiver. A sender signs, with HMAC-SHA256 under the shared key,
 *
 * <pre>{@code <timestamp>\n<METHOD>\n<path>\n<body bytes>}</pre>
 *
 * where {@code timestamp} is Unix seconds and {@code path} the route path ({@code /events}), and sends
 * {@value #TIMESTAMP_HEADER}: {@code <timestamp>} and {@value #SIGNATURE_HEADER}: {@code sha256=<64 hex digits>}.
 * Signing the method and path too means a signature made for one route cannot be replayed on another; the
 * timestamp bounds how long any signature is worth replaying ({@link ReplayGuard} covers the window itself).
 *
 * <p>Comparisons are constant-time ({@link MessageDigest#isEqual}), so a forger learns nothing from how long a
 * refusal took.
 */
public final class WebhookSignature {
  public static final String SIGNATURE_HEADER = "X-Webhook-Signature";
  public static final String TIMESTAMP_HEADER = "X-Webhook-Timestamp";
  private static final String PREFIX = "sha256=";
  private static final String ALGORITHM = "HmacSHA256";

  private final SecretKeySpec key;
  private final Duration tolerance;
  private final Clock clock;

  WebhookSignature(Secret key, Duration tolerance, Clock clock) {
    this.key = new SecretKeySpec(key.reveal().getBytes(StandardCharsets.UTF_8), ALGORITHM);
    this.tolerance = tolerance;
    this.clock = clock;
  }

  /** What a sender puts into {@value #SIGNATURE_HEADER}: {@code sha256=<hex>}. For senders and tests. */
  public static String sign(String key, long timestamp, String method, String path, byte[] body) {
    SecretKeySpec spec = new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), ALGORITHM);
    return PREFIX + HexFormat.of().formatHex(mac(spec, timestamp, method, path, body));
  }

  /**
   * Why {@code request} is refused, or empty when it carries a valid signature made within the tolerance. The
   * reasons name what is wrong, never a value received or expected.
   */
  Optional<String> refusal(RouteRequest request) {
    Optional<String> signature = request.header(SIGNATURE_HEADER);
    Optional<String> stamp = request.header(TIMESTAMP_HEADER);
    if (signature.isEmpty()) {
      return Optional.of("missing " + SIGNATURE_HEADER + " header");
    }
    if (stamp.isEmpty()) {
      return Optional.of("missing " + TIMESTAMP_HEADER + " header");
    }
    long timestamp;
    try {
      timestamp = Long.parseLong(stamp.get().strip());
    } catch (NumberFormatException e) {
      return Optional.of(TIMESTAMP_HEADER + " is not a number of seconds");
    }
    long age = Math.abs(clock.instant().getEpochSecond() - timestamp);
    if (age > tolerance.toSeconds()) {
      return Optional.of("the signed timestamp is more than " + tolerance.toSeconds() + " s away from now");
    }
    byte[] given = parse(signature.get().strip());
    if (given == null) {
      return Optional.of(SIGNATURE_HEADER + " is not sha256=<64 hex digits>");
    }
    byte[] expected = mac(key, timestamp, request.method(), request.path(), request.body());
    if (!MessageDigest.isEqual(given, expected)) {
      return Optional.of("the signature does not match");
    }
    return Optional.empty();
  }

  private static byte[] parse(String header) {
    if (!header.regionMatches(true, 0, PREFIX, 0, PREFIX.length()) || header.length() != PREFIX.length() + 64) {
      return null;
    }
    try {
      return HexFormat.of().parseHex(header.substring(PREFIX.length()));
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static byte[] mac(SecretKeySpec key, long timestamp, String method, String path, byte[] body) {
    try {
      Mac mac = Mac.getInstance(ALGORITHM);
      mac.init(key);
      mac.update((timestamp + "\n" + method + "\n" + path + "\n").getBytes(StandardCharsets.UTF_8));
      return mac.doFinal(body);
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      // Every JDK has HmacSHA256, and any non-empty key is valid for it.
      throw new IllegalStateException("HMAC-SHA256 is not available", e);
    }
  }
}
