package dev.atomemo4j.examples.hackernews;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.atomemo4j.examples.hackernews.HackerNewsResults.ArticleResult;
import dev.atomemo4j.examples.hackernews.HackerNewsResults.Item;
import dev.atomemo4j.examples.hackernews.HackerNewsResults.SearchItem;
import dev.atomemo4j.examples.hackernews.HackerNewsResults.SearchResult;
import dev.atomemo4j.examples.hackernews.HackerNewsResults.UserResult;
import dev.atomemo4j.runtime.ToolException;
import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The tools against a MockWebServer standing in for https://hn.algolia.com/api/v1. */
class HackerNewsToolsTest {
  private MockWebServer server;
  private HackerNewsTools tools;

  @BeforeEach
  void start() throws Exception {
    server = new MockWebServer();
    server.start();
    OkHttpClient client = new OkHttpClient.Builder().callTimeout(Duration.ofSeconds(5)).build();
    tools = new HackerNewsTools(new HackerNewsApi(client, server.url("/api/v1").toString()));
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private void answer(int code, String body) {
    server.enqueue(new MockResponse.Builder().code(code).setHeader("Content-Type", "application/json")
        .body(body).build());
  }

  private HttpUrl requested() throws InterruptedException {
    RecordedRequest r = server.takeRequest(5, TimeUnit.SECONDS);
    assertThat(r).as("a request reached the mock server").isNotNull();
    assertThat(r.getMethod()).isEqualTo("GET");
    return r.getUrl();
  }

  @Test
  void searchBuildsTheAlgoliaQueryFromEveryParameter() throws Exception {
    answer(200, "{\"hits\": [], \"nbHits\": 0}");

    SearchResult result = tools.search("YC", 2, 5, true, List.of("story", "show_hn", "story"), " pg ",
        OptionalLong.of(8863), " points>100 ");

    HttpUrl url = requested();
    assertThat(url.encodedPath()).isEqualTo("/api/v1/search_by_date");
    assertThat(url.queryParameterNames()).containsExactly("query", "tags", "numericFilters", "page", "hitsPerPage");
    assertThat(url.queryParameter("query")).isEqualTo("YC");
    // The user's tags (once each), then the helper tags for author and story.
    assertThat(url.queryParameter("tags")).isEqualTo("story,show_hn,author_pg,story_8863");
    assertThat(url.queryParameter("numericFilters")).isEqualTo("points>100");
    assertThat(url.queryParameter("page")).isEqualTo("2");
    assertThat(url.queryParameter("hitsPerPage")).isEqualTo("5");
    // Only the user's own tags are echoed, as the skill documents.
    assertThat(result.tags()).containsExactly("story", "show_hn");
    assertThat(result.query()).isEqualTo("YC");
  }

  @Test
  void searchWithTheDefaultsCallsSearchAndLeavesEmptyParametersOut() throws Exception {
    answer(200, "{\"hits\": [], \"nbHits\": 0}");

    tools.search("", 0, 100, false, List.of(), "", OptionalLong.empty(), "");

    HttpUrl url = requested();
    assertThat(url.encodedPath()).isEqualTo("/api/v1/search");
    assertThat(url.queryParameterNames()).containsExactly("page", "hitsPerPage");
    assertThat(url.queryParameter("hitsPerPage")).isEqualTo("100");
  }

  @Test
  void searchNormalizesHits() throws Exception {
    answer(200, """
        {"nbHits": 28560, "hits": [
          {"objectID": "47612289", "_tags": ["story", "author_throwaw12", "story_47612289"],
           "title": "Please stop flagging", "url": "", "author": "throwaw12",
           "created_at": "2026-04-02T10:03:02Z", "created_at_i": 1775124182, "points": 5, "num_comments": 3,
           "story_text": "Another post got flagged", "story_id": 47612289},
          {"objectID": "8865", "_tags": ["comment", "author_dhouston"], "author": "dhouston",
           "created_at_i": 1175714575, "comment_text": "oh, and a mac port is coming :)", "story_text": "ignored",
           "story_id": 8863, "story_title": "My YC app: Dropbox", "story_url": "http://www.getdropbox.com/u/2/"}
        ]}""");

    SearchResult result = tools.search("YC", 0, 100, false, List.of(), "", OptionalLong.empty(), "");

    assertThat(result.total()).isEqualTo(28560);
    assertThat(result.count()).isEqualTo(2);
    SearchItem story = result.items().get(0);
    assertThat(story).isEqualTo(new SearchItem("47612289", "story", "Please stop flagging", null, "throwaw12",
        "2026-04-02T10:03:02Z", 5L, 3L, "Another post got flagged", OptionalLong.of(47612289),
        java.util.Optional.empty(), java.util.Optional.empty()));
    SearchItem comment = result.items().get(1);
    assertThat(comment.type()).as("type inferred from _tags").isEqualTo("comment");
    assertThat(comment.createdAt()).as("from created_at_i, as JavaScript's toISOString")
        .isEqualTo("2007-04-04T19:22:55.000Z");
    assertThat(comment.text()).as("comment_text wins over story_text").isEqualTo("oh, and a mac port is coming :)");
    assertThat(comment.title()).isNull();
    assertThat(comment.storyTitle()).contains("My YC app: Dropbox");
    assertThat(comment.storyUrl()).contains("http://www.getdropbox.com/u/2/");
  }

  @Test
  void articleFetchesTheItemAndItsCommentTree() throws Exception {
    String item = """
        {"id": 8863, "type": "story", "title": "My YC app: Dropbox - Throw away your USB drive",
         "url": "http://www.getdropbox.com/u/2/screencast.html", "author": "dhouston",
         "created_at": "2007-04-04T19:16:40.000Z", "points": 104, "text": null, "parent_id": null,
         "children": [
           {"id": 8865, "author": "dhouston", "text": "oh, and a mac port is coming :)",
            "created_at": "2007-04-04T19:22:55.000Z", "parent_id": 8863, "children": [
              {"id": 9007, "author": "vlad", "text": "Drew, this is awesome!", "created_at_i": 1175737691,
               "parent": 8865, "children": []}]}]}""";
    answer(200, item);
    answer(200, item);

    ArticleResult bare = tools.article("8863", false);
    ArticleResult full = tools.article(" 8863 ", true);

    assertThat(requested().encodedPath()).isEqualTo("/api/v1/items/8863");
    assertThat(requested().encodedPath()).isEqualTo("/api/v1/items/8863");
    assertThat(bare.item()).isEqualTo(new Item(8863L, "story", "My YC app: Dropbox - Throw away your USB drive",
        "http://www.getdropbox.com/u/2/screencast.html", "dhouston", "2007-04-04T19:16:40.000Z", 104L, null, null,
        1));
    assertThat(bare.comments()).isEmpty();
    assertThat(full.comments()).hasValueSatisfying(comments -> assertThat(comments.toString()).isEqualTo(
        "[{\"id\":8865,\"author\":\"dhouston\",\"text\":\"oh, and a mac port is coming :)\","
            + "\"created_at\":\"2007-04-04T19:22:55.000Z\",\"parent_id\":8863,\"children_count\":1,\"children\":["
            + "{\"id\":9007,\"author\":\"vlad\",\"text\":\"Drew, this is awesome!\","
            + "\"created_at\":\"2007-04-05T01:48:11.000Z\",\"parent_id\":8865,\"children_count\":0,"
            + "\"children\":[]}]}]"));
  }

  @Test
  void anIdCannotEscapeItsPathSegment() throws Exception {
    answer(404, "{\"error\": \"Not Found\"}");

    assertThatThrownBy(() -> tools.article("1/../../users/pg", false)).isInstanceOf(ToolException.class);

    assertThat(requested().encodedPath()).isEqualTo("/api/v1/items/1%2F..%2F..%2Fusers%2Fpg");
  }

  @Test
  void userIsFetchedByName() throws Exception {
    answer(200, "{\"username\": \"pg\", \"karma\": 157316, \"about\": \"Bug fixer.\", \"avg\": 1.2}");

    UserResult result = tools.user("pg");

    assertThat(requested().encodedPath()).isEqualTo("/api/v1/users/pg");
    assertThat(result.user()).isEqualTo(new HackerNewsResults.User("pg", 157316L, "Bug fixer."));
  }

  @Test
  void aMissingUserIsAToolErrorWithTheStatus() {
    server.enqueue(new MockResponse.Builder().code(404).body("{\"status\":404,\"error\":\"Not Found\"}").build());

    assertThatThrownBy(() -> tools.user("nobody-here"))
        .isInstanceOfSatisfying(ToolException.class, e -> {
          assertThat(e.code()).isEqualTo("hacker_news:not_found");
          assertThat(e.getMessage()).startsWith("Hacker News API error: 404").contains("/api/v1/users/nobody-here");
          assertThat(e.details()).containsEntry("status", 404);
        });
  }

  @Test
  void aServerErrorIsAToolErrorWithTheStatus() {
    server.enqueue(new MockResponse.Builder().code(503).body("busy").build());

    assertThatThrownBy(() -> tools.search("YC", 0, 100, false, List.of(), "", OptionalLong.empty(), ""))
        .isInstanceOfSatisfying(ToolException.class, e -> {
          assertThat(e.code()).isEqualTo("hacker_news:http_error");
          assertThat(e.getMessage()).startsWith("Hacker News API error: 503");
          assertThat(e.details()).containsEntry("status", 503);
        });
  }

  @Test
  void anAnswerThatIsNotJsonIsAToolError() {
    answer(200, "<html>maintenance</html>");

    assertThatThrownBy(() -> tools.user("pg"))
        .isInstanceOfSatisfying(ToolException.class,
            e -> assertThat(e.code()).isEqualTo("hacker_news:invalid_response"));
  }

  @Test
  void anUnreachableApiIsAToolError() throws Exception {
    HttpUrl gone = server.url("/api/v1");
    server.close();
    HackerNewsTools offline = new HackerNewsTools(new HackerNewsApi(new OkHttpClient(), gone.toString()));

    assertThatThrownBy(() -> offline.user("pg"))
        .isInstanceOfSatisfying(ToolException.class, e -> assertThat(e.code()).isEqualTo("hacker_news:unreachable"));
  }

  @Test
  void theBaseUrlComesFromTheSystemPropertyElseTheRealApi() {
    String before = System.getProperty(HackerNewsApi.BASE_URL_PROPERTY);
    try {
      System.clearProperty(HackerNewsApi.BASE_URL_PROPERTY);
      assertThat(HackerNewsApi.configuredBaseUrl()).isEqualTo("https://hn.algolia.com/api/v1");
      System.setProperty(HackerNewsApi.BASE_URL_PROPERTY, "http://localhost:1234/api/v1");
      assertThat(HackerNewsApi.configuredBaseUrl()).isEqualTo("http://localhost:1234/api/v1");
    } finally {
      if (before == null) {
        System.clearProperty(HackerNewsApi.BASE_URL_PROPERTY);
      } else {
        System.setProperty(HackerNewsApi.BASE_URL_PROPERTY, before);
      }
    }
  }
}
