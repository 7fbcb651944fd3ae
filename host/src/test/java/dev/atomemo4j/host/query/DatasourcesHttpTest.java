package dev.atomemo4j.host.query;

import static dev.atomemo4j.host.testplugins.DatasourcePlugins.plugin;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.atomemo4j.annotations.ParserDialect;
import dev.atomemo4j.host.PluginHost;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The admin API's datasource routes, over real HTTP on loopback, on a real H2 datasource. */
class DatasourcesHttpTest {
  static final ObjectMapper JSON = new ObjectMapper();
  ShopDatabase db;
  PluginHost host;
  final HttpClient http = HttpClient.newHttpClient();

  @BeforeEach
  void start() throws Exception {
    db = new ShopDatabase();
    host = PluginHost.builder().adminPort(0)
        .plugin(plugin("shop").datasource(ParserDialect.H2, ShopDatabase.ENTITIES, p -> db.connect()).registry())
        .start();
  }

  @AfterEach
  void stop() throws Exception {
    host.close();
    db.close();
  }

  HttpResponse<String> send(String method, String path, String body) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create(host.adminUrl().orElseThrow() + path))
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
        .build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void theListNamesEachDatasourceWithDbTypeDialectTextAndEntities() throws Exception {
    HttpResponse<String> r = send("GET", "/api/datasources", null);

    assertThat(r.statusCode()).isEqualTo(200);
    JsonNode d = JSON.readTree(r.body()).get("datasources").get(0);
    assertThat(d.get("id").asText()).isEqualTo("shop");
    assertThat(d.get("dbType").asText()).isEqualTo("h2");
    assertThat(d.get("dialect").asText()).isEqualTo("Use H2 SQL.");
    assertThat(d.get("entities").toString()).isEqualTo("[\"customers\",\"orders\"]");
  }

  @Test
  void aQueryAnswersColumnsRowsAndTheSqlThatRan() throws Exception {
    HttpResponse<String> r = send("POST", "/api/datasources/shop/query",
        "{\"sql\":\"SELECT id, name FROM customers WHERE id = 2\"}");

    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    JsonNode a = JSON.readTree(r.body());
    assertThat(a.get("columns").toString()).isEqualTo("[\"ID\",\"NAME\"]");
    assertThat(a.get("rows").toString()).isEqualTo("[[2,\"Grace\"]]");
    assertThat(a.get("sql").asText()).containsIgnoringCase("LIMIT 1000");
    assertThat(a.get("metadata").get("rowLimit").asInt()).isEqualTo(1000);
  }

  @Test
  void aRefusedQueryAnswersTheStructuredErrorWith422() throws Exception {
    HttpResponse<String> r = send("POST", "/api/datasources/shop/query", "{\"sql\":\"SELECT * FROM salaries\"}");

    assertThat(r.statusCode()).isEqualTo(422);
    JsonNode e = JSON.readTree(r.body());
    assertThat(e.get("code").asText()).isEqualTo("query:table_not_allowed");
    assertThat(e.get("message").asText()).contains("salaries");
  }

  @Test
  void anUnknownDatasourceIs404() throws Exception {
    HttpResponse<String> r = send("POST", "/api/datasources/nope/query", "{\"sql\":\"SELECT 1\"}");

    assertThat(r.statusCode()).isEqualTo(404);
    assertThat(JSON.readTree(r.body()).get("code").asText()).isEqualTo(QueryException.UNKNOWN_DATASOURCE);
  }

  @Test
  void aBodyWithoutSqlIs400() throws Exception {
    HttpResponse<String> r = send("POST", "/api/datasources/shop/query", "{\"query\":1}");

    assertThat(r.statusCode()).isEqualTo(400);
  }

  @Test
  void aCrossOriginQueryIsRefused() throws Exception {
    HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(host.adminUrl().orElseThrow()
            + "/api/datasources/shop/query")).header("Origin", "http://evil.example")
        .POST(HttpRequest.BodyPublishers.ofString("{\"sql\":\"SELECT id FROM customers\"}")).build(),
        HttpResponse.BodyHandlers.ofString());

    assertThat(r.statusCode()).isEqualTo(403);
  }

  @Test
  void theConsolePageIsServed() throws Exception {
    HttpResponse<String> r = send("GET", "/datasources", null);

    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
    assertThat(r.body()).contains("Query console", "/api/datasources");
  }
}
