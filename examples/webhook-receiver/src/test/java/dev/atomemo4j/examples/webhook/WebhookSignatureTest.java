package dev.atomemo4j.examples.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atomemo4j.runtime.Secret;
import dev.atomemo4j.runtime.routes.RouteRequest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** The signature scheme on its own, at a fixed instant: the tolerance's edges and the header formats. */
class WebhookSignatureTest {
  private static final String KEY = "0123456789abcdef-key";
  private static final Instant NOW = Instant.parse("2026-12-04T12:00:00Z");
  private final WebhookSignature verifier = new WebhookSignature(Secret.of(KEY), Duration.ofSeconds(300),
      Clock.fixed(NOW, ZoneOffset.UTC));

  private static RouteRequest signed(long timestamp, String body) {
    return RouteRequest.of("POST", "/events").withBody(body)
        .withHeader(WebhookSignature.TIMESTAMP_HEADER, Long.toString(timestamp))
        .withHeader(WebhookSignature.SIGNATURE_HEADER, WebhookSignature.sign(KEY, timestamp, "POST", "/events",
            body.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void aSignatureMadeAtTheEdgeOfTheToleranceIsAccepted() {
    assertThat(verifier.refusal(signed(NOW.getEpochSecond() - 300, "{}"))).isEmpty();
    assertThat(verifier.refusal(signed(NOW.getEpochSecond() + 300, "{}"))).isEmpty();
  }

  @Test
  void aSignatureMadeJustPastTheToleranceIsRefused() {
    assertThat(verifier.refusal(signed(NOW.getEpochSecond() - 301, "{}"))).isPresent();
  }

  @Test
  void theSignatureIsHexOfTheHmacPrefixedWithItsAlgorithm() {
    assertThat(WebhookSignature.sign(KEY, 1, "POST", "/events", new byte[0])).matches("sha256=[0-9a-f]{64}");
  }

  @Test
  void anUppercaseHexSignatureIsTheSameSignature() {
    long ts = NOW.getEpochSecond();
    String sig = WebhookSignature.sign(KEY, ts, "POST", "/events", "{}".getBytes(StandardCharsets.UTF_8));
    RouteRequest request = RouteRequest.of("POST", "/events").withBody("{}")
        .withHeader(WebhookSignature.TIMESTAMP_HEADER, Long.toString(ts))
        .withHeader(WebhookSignature.SIGNATURE_HEADER, "sha256=" + sig.substring(7).toUpperCase());

    assertThat(verifier.refusal(request)).isEmpty();
  }

  @Test
  void aTruncatedSignatureIsRefusedAsMalformed() {
    RouteRequest request = RouteRequest.of("POST", "/events").withBody("{}")
        .withHeader(WebhookSignature.TIMESTAMP_HEADER, Long.toString(NOW.getEpochSecond()))
        .withHeader(WebhookSignature.SIGNATURE_HEADER, "sha256=abcd");

    assertThat(verifier.refusal(request)).hasValue("X-Webhook-Signature is not sha256=<64 hex digits>");
  }

  @Test
  void aTimestampThatIsNoNumberIsRefused() {
    RouteRequest request = RouteRequest.of("POST", "/events")
        .withHeader(WebhookSignature.TIMESTAMP_HEADER, "yesterday")
        .withHeader(WebhookSignature.SIGNATURE_HEADER, "sha256=" + "0".repeat(64));

    assertThat(verifier.refusal(request)).hasValue("X-Webhook-Timestamp is not a number of seconds");
  }
}
