package dev.atomemo4j.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atomemo4j.host.PluginHost;
import dev.atomemo4j.testing.fixture.Motto;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class AdminApiTest {

  @RegisterExtension
  static final PluginHostExtension HOST = PluginHostExtension.builder().plugins(Motto.class).adminApi(true).build();

  @Test
  void theAdminApiServesTheHostsHealthOnALoopbackPort(PluginHost host) throws Exception {
    URI base = host.adminUrl().orElseThrow();
    HttpResponse<String> health = HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(base.resolve("/health")).build(), HttpResponse.BodyHandlers.ofString());

    assertThat(base.getHost()).isEqualTo("127.0.0.1");
    assertThat(health.statusCode()).isEqualTo(200);
    assertThat(health.body()).contains("\"motto-plugin\"");
  }
}
