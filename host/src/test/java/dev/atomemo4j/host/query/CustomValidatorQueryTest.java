package dev.atomemo4j.host.query;

import static dev.atomemo4j.host.testplugins.DatasourcePlugins.plugin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.atomemo4j.annotations.HookPoint;
import dev.atomemo4j.annotations.ParserDialect;
import dev.atomemo4j.host.PluginHost;
import dev.atomemo4j.runtime.datasource.QueryConnection;
import dev.atomemo4j.runtime.datasource.QueryResult;
import dev.atomemo4j.runtime.datasource.ValidationResult;
import dev.atomemo4j.runtime.hooks.QueryRewrite;
import dev.atomemo4j.runtime.spi.DatasourceBinding;
import dev.atomemo4j.runtime.spi.PluginRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A datasource whose query language is not SQL: JSON searches sent over real HTTP to a MockWebServer search API,
 * checked by the plugin's {@code @Validate}. The validator replaces the SQL steps (no guard, no LIMIT), the hooks
 * still fire, and their rewrites are validated again by it.
 */
class CustomValidatorQueryTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Set<String> INDEXES = Set.of("tickets", "articles");

  private final MockWebServer api = new MockWebServer();
  private final List<String> searched = new CopyOnWriteArrayList<>();

  @BeforeEach
  void start() throws Exception {
    api.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest r) {
        String body = r.getBody().utf8();
        searched.add(body);
        return new MockResponse.Builder().code(200).setHeader("Content-Type", "application/json")
            .body("{\"hits\":[{\"id\":\"T-1\",\"title\":\"Printer on fire\"},{\"id\":\"T-2\",\"title\":\"Disk full\"}]}")
            .build();
      }
    });
    api.start();
  }

  @AfterEach
  void stop() {
    api.close();
  }

  /** The search API as a QueryConnection: POST the JSON query, hits become rows. */
  private QueryConnection searchApi() {
    HttpClient http = HttpClient.newHttpClient();
    URI search = api.url("/search").uri();
    return (query, timeout) -> {
      HttpResponse<String> r = http.send(HttpRequest.newBuilder(search).timeout(timeout)
          .POST(HttpRequest.BodyPublishers.ofString(query)).build(), HttpResponse.BodyHandlers.ofString());
      List<List<Object>> rows = new ArrayList<>();
      for (JsonNode hit : JSON.readTree(r.body()).path("hits")) {
        rows.add(List.of(hit.path("id").asText(), hit.path("title").asText()));
      }
      return new QueryResult(List.of("id", "title"), rows);
    };
  }

  /** Valid: a JSON object naming a known index, without scripts. */
  static ValidationResult validate(String query) {
    JsonNode q;
    try {
      q = JSON.readTree(query);
    } catch (Exception e) {
      return ValidationResult.invalid("the query is not JSON");
    }
    if (!q.isObject() || !INDEXES.contains(q.path("index").asText())) {
      return ValidationResult.invalid("search one of the indexes tickets, articles");
    }
    if (q.has("script")) {
      return ValidationResult.invalid("scripts are not allowed");
    }
    return ValidationResult.valid();
  }

  private PluginRegistry search() {
    return plugin("search").datasource(new DatasourceBinding("search-api", ParserDialect.ANSI, List.of(),
        "Send a JSON object: {\"index\": …, \"match\": …}.", "connect", p -> searchApi(),
        (p, query) -> validate(query), null)).registry();
  }

  @Test
  void theValidatorReplacesTheSqlStepsAndNoLimitIsAdded() {
    try (PluginHost host = PluginHost.builder().plugin(search()).start()) {
      String query = "{\"index\":\"tickets\",\"match\":\"printer\"}";
      QueryAnswer a = host.query("search", query);

      assertThat(a.result().rows()).containsExactly(List.of("T-1", "Printer on fire"), List.of("T-2", "Disk full"));
      assertThat(a.sql()).isEqualTo(query);
      assertThat(searched).containsExactly(query);
      assertThat(a.metadata()).containsEntry("validation", "custom").doesNotContainKey("rowLimit");
    }
  }

  @Test
  void aQueryTheValidatorRefusesAnswersItsReasonAndNeverReachesTheApi() {
    try (PluginHost host = PluginHost.builder().plugin(search()).start()) {
      assertThatThrownBy(() -> host.query("search", "{\"index\":\"users\"}"))
          .isInstanceOfSatisfying(QueryException.class, e -> {
            assertThat(e.code()).isEqualTo(QueryException.INVALID);
            assertThat(e.reason()).isEqualTo("search one of the indexes tickets, articles");
          });
      assertThat(searched).isEmpty();
    }
  }

  @Test
  void hooksFireAndTheirRewriteIsValidatedAgainByTheValidator() {
    List<String> seen = new CopyOnWriteArrayList<>();
    try (PluginHost host = PluginHost.builder().plugin(search())
        .plugin(plugin("widen").hook(HookPoint.BEFORE_QUERY, "widen", (p, e, ctx) -> {
          seen.add(((dev.atomemo4j.runtime.hooks.QueryEvent) e).sql());
          return QueryRewrite.to("{\"index\":\"tickets\",\"script\":\"delete()\"}");
        }).registry())
        .start()) {
      assertThatThrownBy(() -> host.query("search", "{\"index\":\"tickets\"}"))
          .isInstanceOfSatisfying(QueryException.class, e -> {
            assertThat(e.code()).isEqualTo(QueryException.INVALID);
            assertThat(e.reason()).isEqualTo("scripts are not allowed");
          });
      assertThat(seen).containsExactly("{\"index\":\"tickets\"}");
      assertThat(searched).isEmpty();
    }
  }

  @Test
  void aDatasourceWithAValidatorGetsNoSelectOneProbe() {
    try (PluginHost host = PluginHost.builder().plugin(search()).start()) {
      assertThat(host.probe("search").healthy()).isTrue();
      assertThat(searched).isEmpty();
    }
  }

}
