package dev.atomemo4j.examples.search;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.atomemo4j.annotations.Datasource;
import dev.atomemo4j.annotations.HealthCheck;
import dev.atomemo4j.annotations.Hook;
import dev.atomemo4j.annotations.HookPoint;
import dev.atomemo4j.annotations.Plugin;
import dev.atomemo4j.annotations.PluginType;
import dev.atomemo4j.annotations.Validate;
import dev.atomemo4j.runtime.HealthResult;
import dev.atomemo4j.runtime.datasource.QueryConnection;
import dev.atomemo4j.runtime.datasource.QueryResult;
import dev.atomemo4j.runtime.datasource.ValidationResult;
import dev.atomemo4j.runtime.hooks.QueryEvent;
import dev.atomemo4j.runtime.hooks.QueryRewrite;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A datasource whose queries are not SQL: JSON searches ({@code {"index": "tickets", "match": "printer",
 * "size": 20}}) POSTed to a ticket system's search API. Its {@code @Validate} replaces the host's SQL path (no
 * guard, no automatic LIMIT), so the plugin bounds the result itself: a {@code beforeQuery} hook adds a
 * {@code size} when the agent left it out, and the host hands that rewrite to the validator again.
 */
@Plugin(
    name = "ticket-search",
    displayName = "Ticket Search",
    description = "Searches the ticket system's tickets and articles with JSON queries, for the agent.",
    icon = "🔎",
    types = PluginType.DATASOURCE,
    config = SearchConfig.class)
public final class TicketSearch {
  static final Set<String> INDEXES = Set.of("tickets", "articles");
  static final Set<String> KEYS = Set.of("index", "match", "size");
  static final int MAX_SIZE = 100;
  static final int DEFAULT_SIZE = 20;
  private static final ObjectMapper JSON = new ObjectMapper();

  private final URI search;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  public TicketSearch(SearchConfig config) {
    this.search = URI.create(config.url().replaceAll("/+$", "") + "/search");
  }

  @Datasource(dbType = "ticket-search",
      dialect = "Send one JSON object: {\"index\": \"tickets\" or \"articles\", \"match\": words to find, "
          + "\"size\": at most 100}. No SQL.")
  public QueryConnection connect() {
    return (query, timeout) -> {
      HttpResponse<String> r = http.send(HttpRequest.newBuilder(search).timeout(timeout)
          .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(query)).build(),
          HttpResponse.BodyHandlers.ofString());
      if (r.statusCode() != 200) {
        throw new IOException("the search API answered HTTP " + r.statusCode());
      }
      List<List<Object>> rows = new ArrayList<>();
      for (JsonNode hit : JSON.readTree(r.body()).path("hits")) {
        rows.add(List.of(hit.path("id").asText(), hit.path("title").asText()));
      }
      return new QueryResult(List.of("id", "title"), rows);
    };
  }

  /** The whole check of a query, since the host's SQL path does not apply: shape, index, keys, size. */
  @Validate
  public ValidationResult validate(String query) {
    JsonNode q;
    try {
      q = JSON.readTree(query);
    } catch (IOException e) {
      return ValidationResult.invalid("the query is not JSON; send one JSON object");
    }
    if (q == null || !q.isObject()) {
      return ValidationResult.invalid("send one JSON object");
    }
    if (!INDEXES.contains(q.path("index").asText())) {
      return ValidationResult.invalid("search one of the indexes articles, tickets");
    }
    for (var names = q.fieldNames(); names.hasNext(); ) {
      String key = names.next();
      if (!KEYS.contains(key)) {
        return ValidationResult.invalid("unknown key \"" + key + "\"; the keys are index, match, size");
      }
    }
    JsonNode size = q.get("size");
    if (size != null && (!size.canConvertToInt() || size.asInt() < 1 || size.asInt() > MAX_SIZE)) {
      return ValidationResult.invalid("size must be a whole number from 1 to " + MAX_SIZE);
    }
    return ValidationResult.valid();
  }

  /** No automatic LIMIT for a custom language: the plugin adds its own bound, validated again by the host. */
  @Hook(HookPoint.BEFORE_QUERY)
  public QueryRewrite boundTheResult(QueryEvent event) throws IOException {
    ObjectNode q = (ObjectNode) JSON.readTree(event.sql());
    if (q.has("size")) {
      return null;
    }
    q.put("size", DEFAULT_SIZE);
    return QueryRewrite.to(JSON.writeValueAsString(q));
  }

  /** The host cannot probe a search API with {@code SELECT 1}: ask it for nothing instead. */
  @HealthCheck
  public HealthResult health() throws IOException, InterruptedException {
    HttpResponse<Void> r = http.send(HttpRequest.newBuilder(search).timeout(Duration.ofSeconds(5))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString("{\"index\":\"tickets\",\"size\":1}")).build(),
        HttpResponse.BodyHandlers.discarding());
    return r.statusCode() == 200 ? HealthResult.ok() : HealthResult.unhealthy("HTTP " + r.statusCode());
  }
}
