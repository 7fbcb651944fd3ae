package dev.atomemo4j.examples.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atomemo4j.runtime.Secret;
import dev.atomemo4j.testing.PluginHostExtension;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Generated hooks of another plugin around the receiver's routes, in a host over real HTTP: {@code onRequest} sees
 * each request before {@code onResponse} sees its status, a forged delivery's 401 included.
 */
class HttpHooksTest {
  static {
    CapturedLogs.install();
  }

  @RegisterExtension
  static final PluginHostExtension HOST = PluginHostExtension.builder().adminApi(true)
      .configure((builder, dir) -> builder
          .plugin(WebhookReceiver.class, new WebhookConfig(Secret.of("whsec-hooks-0123456789"), 300, 10))
          .plugin(RequestJournal.class))
      .build();

  private final HttpClient http = HttpClient.newHttpClient();

  @BeforeEach
  void forgetEarlierRequests() {
    RequestJournal.SEEN.clear();
  }

  @Test
  void theHooksSeeARefusedDeliveryAndThenIts401() throws Exception {
    HttpRequest forged = HttpRequest.newBuilder(HOST.host().pluginUrl("webhook-receiver").orElseThrow()
        .resolve("events")).POST(HttpRequest.BodyPublishers.ofString("{}")).build();

    http.send(forged, HttpResponse.BodyHandlers.discarding());

    assertThat(RequestJournal.SEEN.poll(10, TimeUnit.SECONDS))
        .isEqualTo("request webhook-receiver POST /plugins/webhook-receiver/events");
    assertThat(RequestJournal.SEEN.poll(10, TimeUnit.SECONDS))
        .isEqualTo("response webhook-receiver POST /plugins/webhook-receiver/events 401");
  }

  @Test
  void theHooksSeeTheAdminApiWithoutAPluginId() throws Exception {
    http.send(HttpRequest.newBuilder(HOST.host().adminUrl().orElseThrow().resolve("/health")).build(),
        HttpResponse.BodyHandlers.discarding());

    assertThat(RequestJournal.SEEN.poll(10, TimeUnit.SECONDS)).isEqualTo("request null GET /health");
    assertThat(RequestJournal.SEEN.poll(10, TimeUnit.SECONDS)).isEqualTo("response null GET /health 200");
  }
}
