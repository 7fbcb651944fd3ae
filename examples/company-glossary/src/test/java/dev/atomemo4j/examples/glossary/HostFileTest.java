package dev.atomemo4j.examples.glossary;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atomemo4j.host.PluginHost;
import dev.atomemo4j.testing.PluginHostExtension;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The example's own host.yaml, as {@code atomemo4j host host.yaml} reads it from this directory (Maven runs the tests
 * here, so its relative {@code glossary.txt} is the bundled sample); the admin port is made ephemeral.
 */
class HostFileTest {

  @RegisterExtension
  static final PluginHostExtension HOST = PluginHostExtension.builder()
      .hostFile(Path.of("host.yaml"))
      .environment("GLOSSARY_ADMIN_PORT", "0")
      .build();

  @Test
  void theBundledGlossaryIsInTheContext(PluginHost host) {
    assertThat(host.context()).startsWith("## Company glossary\n- **ARR**: annual recurring revenue")
        .contains("- **Runbook**: ");
  }

  @Test
  void theAdminApiRefreshesThePlugin(PluginHost host) throws Exception {
    URI refresh = host.adminUrl().orElseThrow().resolve("/api/plugins/company-glossary/refresh");

    HttpResponse<String> answer = HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(refresh).POST(HttpRequest.BodyPublishers.noBody()).build(),
        HttpResponse.BodyHandlers.ofString());

    assertThat(answer.statusCode()).isEqualTo(200);
    assertThat(answer.body()).contains("\"ok\":true");
  }

  @Test
  void theBundledGlossaryIsHealthy(PluginHost host) {
    assertThat(host.probe("company-glossary").message()).isEqualTo("6 terms");
  }
}
