package dev.atomemo4j.examples.hackernews;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.atomemo4j.testing.PluginClient;
import dev.atomemo4j.testing.PluginTest;
import dev.atomemo4j.testing.ToolResult;
import java.util.List;
import java.util.Map;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The three tools as the Hub calls them: over the socket of an in-process dev hub, with the parameters decoded (and
 * defaults filled in) by the runtime from the generated shapes and the results encoded snake_case, against a
 * MockWebServer standing in for the Algolia API.
 */
@ExtendWith(MockHackerNewsApi.class) // first: it points the plugin at the mock server before @PluginTest starts it
@PluginTest(HackerNews.class)
class HackerNewsPluginTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static final String DROPBOX = """
      {"id": 8863, "type": "story", "title": "My YC app: Dropbox - Throw away your USB drive",
       "url": "http://www.getdropbox.com/u/2/screencast.html", "author": "dhouston",
       "created_at": "2007-04-04T19:16:40.000Z", "points": 104, "text": null, "parent_id": null,
       "children": [
         {"id": 8865, "author": "dhouston", "text": "oh, and a mac port is coming :)",
          "created_at": "2007-04-04T19:22:55.000Z", "parent_id": 8863, "children": []}]}""";

  @Test
  void searchWithOnlyAKeywordGetsTheDeclaredDefaultsAndAnswersSnakeCase(PluginClient client, MockHackerNewsApi api)
      throws Exception {
    api.answer(200, "{\"nbHits\": 1, \"hits\": [{\"objectID\": \"1\", \"type\": \"story\", \"title\": \"Hi\", "
        + "\"num_comments\": 0}]}");

    ToolResult r = client.invoke("search-hacker-news", Map.of("keyword", "YC"));

    HttpUrl url = api.request().getUrl();
    assertThat(url.encodedPath()).isEqualTo("/api/v1/search");
    assertThat(url.queryParameterNames()).containsExactly("query", "page", "hitsPerPage");
    assertThat(url.queryParameter("query")).isEqualTo("YC");
    assertThat(url.queryParameter("page")).isEqualTo("0");
    assertThat(url.queryParameter("hitsPerPage")).isEqualTo("100");
    assertThat(r.assertOk().data()).isEqualTo(JSON.readTree("{\"query\":\"YC\",\"tags\":[],\"total\":1,\"count\":1,"
        + "\"items\":[{\"id\":\"1\",\"type\":\"story\",\"title\":\"Hi\",\"url\":null,\"author\":null,"
        + "\"created_at\":null,\"points\":null,\"comment_count\":0,\"text\":null}]}"));
  }

  @Test
  void searchPassesEveryParameterToAlgolia(PluginClient client, MockHackerNewsApi api) {
    api.answer(200, "{\"hits\": [], \"nbHits\": 0}");

    client.invoke("search-hacker-news", Map.of("keyword", "YC", "page", 2, "results_per_page", 5,
        "search_by_date", true, "tags", List.of("story", "show_hn"), "author", "pg", "story_id", 8863,
        "numeric_filters", "points>100")).assertOk();

    HttpUrl url = api.request().getUrl();
    assertThat(url.encodedPath()).isEqualTo("/api/v1/search_by_date");
    assertThat(url.queryParameter("tags")).isEqualTo("story,show_hn,author_pg,story_8863");
    assertThat(url.queryParameter("numericFilters")).isEqualTo("points>100");
    assertThat(url.queryParameter("page")).isEqualTo("2");
    assertThat(url.queryParameter("hitsPerPage")).isEqualTo("5");
  }

  @Test
  void anArticleWithoutCommentsLeavesThemOut(PluginClient client, MockHackerNewsApi api) {
    api.answer(200, DROPBOX);

    JsonNode data = client.invoke("get-hacker-news-article", Map.of("article_id", "8863")).assertOk().data();

    assertThat(api.request().getUrl().encodedPath()).isEqualTo("/api/v1/items/8863");
    assertThat(data.has("comments")).as(data.toString()).isFalse();
    assertThat(data.get("item").get("id").asLong()).isEqualTo(8863);
    assertThat(data.get("item").get("created_at").asText()).isEqualTo("2007-04-04T19:16:40.000Z");
    assertThat(data.get("item").get("children_count").asInt()).isEqualTo(1);
    assertThat(data.get("item").get("parent_id").isNull()).isTrue();
  }

  @Test
  void anArticleWithCommentsCarriesTheTree(PluginClient client, MockHackerNewsApi api) throws Exception {
    api.answer(200, DROPBOX);

    JsonNode data = client.invoke("get-hacker-news-article", Map.of("article_id", "8863", "include_comments", true))
        .assertOk().data();

    api.request();
    assertThat(data.get("comments")).isEqualTo(JSON.readTree("[{\"id\":8865,\"author\":\"dhouston\","
        + "\"text\":\"oh, and a mac port is coming :)\",\"created_at\":\"2007-04-04T19:22:55.000Z\","
        + "\"parent_id\":8863,\"children_count\":0,\"children\":[]}]"));
  }

  @Test
  void aUserIsFetchedByName(PluginClient client, MockHackerNewsApi api) throws Exception {
    api.answer(200, "{\"username\": \"pg\", \"karma\": 157316, \"about\": \"Bug fixer.\", \"avg\": 1.2}");

    JsonNode data = client.invoke("get-hacker-news-user", Map.of("username", "pg")).assertOk().data();

    assertThat(api.request().getUrl().encodedPath()).isEqualTo("/api/v1/users/pg");
    assertThat(data).isEqualTo(JSON.readTree("{\"user\":{\"username\":\"pg\",\"karma\":157316,"
        + "\"about\":\"Bug fixer.\"}}"));
  }

  @Test
  void anApiErrorReachesTheHubWithTheToolsCode(PluginClient client, MockHackerNewsApi api) {
    api.answer(404, "{\"status\":404,\"error\":\"Not Found\"}");

    ToolResult r = client.invoke("get-hacker-news-user", Map.of("username", "nobody-here"));

    r.assertError("hacker_news:not_found");
    assertThat(r.error().message()).startsWith("Hacker News API error: 404");
    api.request();
  }

  @Test
  void invalidParametersAreRefusedBeforeAnyRequestIsSent(PluginClient client, MockHackerNewsApi api) {
    int before = api.requestCount();

    client.invoke("search-hacker-news", Map.of("results_per_page", 500)).assertError("sdk:invalid_parameter");
    client.invoke("search-hacker-news", Map.of("page", "first")).assertError("sdk:invalid_parameter");
    client.invoke("get-hacker-news-article", Map.of()).assertError("sdk:invalid_parameter");
    client.invoke("get-hacker-news-user", Map.of("username", "")).assertError("sdk:invalid_parameter");

    assertThat(api.requestCount()).isEqualTo(before);
  }
}
