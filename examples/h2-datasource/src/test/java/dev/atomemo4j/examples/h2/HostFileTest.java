package dev.atomemo4j.examples.h2;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atomemo4j.host.PluginHost;
import dev.atomemo4j.host.query.QueryAnswer;
import dev.atomemo4j.testing.PluginHostExtension;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The example's own host.yaml, as {@code atomemo4j host examples/h2-datasource/host.yaml} reads it (Maven runs the
 * tests in this directory), with an ephemeral admin port and a row limit of 5.
 */
class HostFileTest {

  @RegisterExtension
  static final PluginHostExtension HOST = PluginHostExtension.builder()
      .hostFile(Path.of("host.yaml"))
      .environment("SHOP_ADMIN_PORT", "0")
      .environment("SHOP_ROW_LIMIT", "5")
      .build();

  @Test
  void theFilesRowLimitCapsAQueryWithoutLimit(PluginHost host) {
    QueryAnswer a = host.query("h2-datasource", "SELECT id FROM orders ORDER BY id");

    assertThat(a.result().rows()).hasSize(5);
    assertThat(a.metadata()).containsEntry("rowLimit", 5);
  }

  @Test
  void theAdminApiAnswersAQuery(PluginHost host) throws Exception {
    URI query = host.adminUrl().orElseThrow().resolve("/api/datasources/h2-datasource/query");

    HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(query)
        .POST(HttpRequest.BodyPublishers.ofString("{\"sql\":\"SELECT COUNT(*) AS n FROM customers\"}")).build(),
        HttpResponse.BodyHandlers.ofString());

    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    assertThat(answer.body()).contains("\"columns\":[\"N\"]", "\"rows\":[[8]]");
  }
}
