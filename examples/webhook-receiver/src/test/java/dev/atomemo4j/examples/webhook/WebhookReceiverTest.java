package dev.atomemo4j.examples.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.atomemo4j.host.PluginHost;
import dev.atomemo4j.runtime.PluginStatus;
import dev.atomemo4j.runtime.Secret;
import dev.atomemo4j.testing.PluginHostExtension;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The receiver in a host over real HTTP on 127.0.0.1: signed deliveries are accepted and listed; forged ones (no
 * signature, a wrong key, an altered body, a stale timestamp, a replay, a signature for another route) are refused
 * with 401 and never stored; the signing key appears in no answer and no log line.
 */
class WebhookReceiverTest {
  static {
    CapturedLogs.install(); // before the first host logs anything
  }

  private static final String KEY = "whsec-KEYMARKER-4f9e2a7c1b";
  private static final ObjectMapper JSON = new ObjectMapper();

  /** A fresh host per test: deliveries and remembered signatures start empty. */
  @RegisterExtension
  final PluginHostExtension host = PluginHostExtension.builder().adminApi(true)
      .configure((builder, dir) -> builder.plugin(WebhookReceiver.class, new WebhookConfig(Secret.of(KEY), 300, 100)))
      .build();

  private final HttpClient http = HttpClient.newHttpClient();

  private record Reply(int status, String body) {
    JsonNode json() throws Exception {
      return JSON.readTree(body);
    }
  }

  private URI events() {
    return host.host().pluginUrl("webhook-receiver").orElseThrow().resolve("events");
  }

  private static long now() {
    return Instant.now().getEpochSecond();
  }

  private Reply send(String method, String body, String timestamp, String signature) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(events()).header("Content-Type", "application/json")
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body));
    if (timestamp != null) {
      request.header(WebhookSignature.TIMESTAMP_HEADER, timestamp);
    }
    if (signature != null) {
      request.header(WebhookSignature.SIGNATURE_HEADER, signature);
    }
    HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    return new Reply(response.statusCode(), response.body());
  }

  /** A delivery signed as a sender with {@code key} would sign it now. */
  private Reply deliver(String key, String body) throws Exception {
    long ts = now();
    return send("POST", body, Long.toString(ts), WebhookSignature.sign(key, ts, "POST", "/events",
        body.getBytes(StandardCharsets.UTF_8)));
  }

  private Reply list() throws Exception {
    long ts = now();
    return send("GET", null, Long.toString(ts), WebhookSignature.sign(KEY, ts, "GET", "/events", new byte[0]));
  }

  private WebhookReceiver plugin() {
    return (WebhookReceiver) host.host().plugin("webhook-receiver").pluginObject();
  }

  @Test
  void aSignedDeliveryIsAcceptedAndListed() throws Exception {
    Reply accepted = deliver(KEY, "{\"type\":\"ticket.closed\",\"id\":42}");
    Reply listing = list();

    assertThat(accepted.status()).isEqualTo(202);
    assertThat(accepted.json().get("sequence").asLong()).isEqualTo(1);
    assertThat(listing.status()).isEqualTo(200);
    JsonNode event = listing.json().get("events").get(0);
    assertThat(event.get("body").asText()).isEqualTo("{\"type\":\"ticket.closed\",\"id\":42}");
    assertThat(event.get("contentType").asText()).isEqualTo("application/json");
  }

  @Test
  void theEmbeddingApplicationSeesTheSameDeliveries() throws Exception {
    deliver(KEY, "{\"n\":1}");
    deliver(KEY, "{\"n\":2}");

    assertThat(plugin().events()).extracting(ReceivedEvent::body).containsExactly("{\"n\":1}", "{\"n\":2}");
  }

  @Test
  void aDeliverySignedWithAnotherKeyIsRefused() throws Exception {
    Reply forged = deliver("not-the-key-0000000000", "{\"type\":\"forged\"}");

    assertThat(forged.status()).isEqualTo(401);
    assertThat(forged.json().get("code").asText()).isEqualTo("unauthorized");
    assertThat(forged.json().get("message").asText()).isEqualTo("the signature does not match");
    assertThat(plugin().events()).isEmpty();
  }

  @Test
  void aDeliveryWithoutASignatureIsRefused() throws Exception {
    Reply unsigned = send("POST", "{}", Long.toString(now()), null);

    assertThat(unsigned.status()).isEqualTo(401);
    assertThat(unsigned.json().get("message").asText()).isEqualTo("missing X-Webhook-Signature header");
  }

  @Test
  void aDeliveryWithoutATimestampIsRefused() throws Exception {
    long ts = now();
    Reply reply = send("POST", "{}", null, WebhookSignature.sign(KEY, ts, "POST", "/events", "{}".getBytes()));

    assertThat(reply.status()).isEqualTo(401);
    assertThat(reply.json().get("message").asText()).isEqualTo("missing X-Webhook-Timestamp header");
  }

  @Test
  void aDeliveryWhoseBodyWasAlteredAfterSigningIsRefused() throws Exception {
    long ts = now();
    String signature = WebhookSignature.sign(KEY, ts, "POST", "/events", "{\"amount\":10}".getBytes());

    Reply altered = send("POST", "{\"amount\":10000}", Long.toString(ts), signature);

    assertThat(altered.status()).isEqualTo(401);
    assertThat(plugin().events()).isEmpty();
  }

  @Test
  void aDeliverySignedLongAgoIsRefusedAsAReplay() throws Exception {
    long old = now() - 3600;
    Reply stale = send("POST", "{}", Long.toString(old), WebhookSignature.sign(KEY, old, "POST", "/events",
        "{}".getBytes()));

    assertThat(stale.status()).isEqualTo(401);
    assertThat(stale.json().get("message").asText()).contains("more than 300 s away from now");
  }

  @Test
  void theSameSignedDeliveryIsAcceptedOnceOnly() throws Exception {
    long ts = now();
    String signature = WebhookSignature.sign(KEY, ts, "POST", "/events", "{}".getBytes());

    Reply first = send("POST", "{}", Long.toString(ts), signature);
    Reply again = send("POST", "{}", Long.toString(ts), signature);

    assertThat(first.status()).isEqualTo(202);
    assertThat(again.status()).isEqualTo(401);
    assertThat(again.json().get("message").asText()).contains("replay");
    assertThat(plugin().events()).hasSize(1);
  }

  @Test
  void aSignatureMadeForTheListingCannotPostADelivery() throws Exception {
    long ts = now();
    String listingSignature = WebhookSignature.sign(KEY, ts, "GET", "/events", new byte[0]);

    assertThat(send("POST", "", Long.toString(ts), listingSignature).status()).isEqualTo(401);
  }

  @Test
  void theListingNeedsASignatureToo() throws Exception {
    deliver(KEY, "{\"private\":true}");

    Reply unsigned = send("GET", null, null, null);

    assertThat(unsigned.status()).isEqualTo(401);
    assertThat(unsigned.body()).doesNotContain("private");
  }

  @Test
  void theHealthCheckCountsAcceptedAndRefusedDeliveries() throws Exception {
    deliver(KEY, "{}");
    deliver("wrong-key-000000000000", "{}");

    assertThat(host.host().probe("webhook-receiver").message()).isEqualTo("1 accepted, 1 refused");
    assertThat(host.host().plugin("webhook-receiver").status()).isEqualTo(PluginStatus.HEALTHY);
  }

  @Test
  void theSigningKeyAppearsInNoAnswerAndNoLogLine() throws Exception {
    Reply accepted = deliver(KEY, "{}");
    Reply forged = deliver("wrong-key-000000000000", "{}");
    HttpResponse<String> admin = http.send(HttpRequest.newBuilder(
        URI.create(host.host().adminUrl().orElseThrow() + "/api/plugins/webhook-receiver")).GET().build(),
        HttpResponse.BodyHandlers.ofString());
    host.host().probe("webhook-receiver");

    assertThat(admin.body()).contains("signingKey").doesNotContain(KEY);
    assertThat(accepted.body() + forged.body()).doesNotContain(KEY);
    assertThat(CapturedLogs.text()).contains("refused POST /events: the signature does not match")
        .doesNotContain(KEY);
  }

  @Test
  void aSigningKeyTooShortFailsInitializeWithoutShowingTheKey() {
    try (PluginHost shortKey = PluginHost.builder()
        .plugin(WebhookReceiver.class, new WebhookConfig(Secret.of("tiny-KEY9"), 300, 100)).start()) {
      assertThat(shortKey.plugin("webhook-receiver").status()).isEqualTo(PluginStatus.UNHEALTHY);
      assertThat(CapturedLogs.text()).contains("the signing key is shorter than 16 characters")
          .doesNotContain("tiny-KEY9");
    }
  }
}
