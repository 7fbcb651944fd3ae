package dev.atomemo4j.examples.hackernews;

import com.fasterxml.jackson.databind.JsonNode;
import dev.atomemo4j.annotations.Option;
import dev.atomemo4j.annotations.Param;
import dev.atomemo4j.annotations.Required;
import dev.atomemo4j.annotations.Tool;
import dev.atomemo4j.examples.hackernews.HackerNewsResults.ArticleResult;
import dev.atomemo4j.examples.hackernews.HackerNewsResults.SearchItem;
import dev.atomemo4j.examples.hackernews.HackerNewsResults.SearchResult;
import dev.atomemo4j.examples.hackernews.HackerNewsResults.UserResult;
import dev.atomemo4j.runtime.ToolException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import okhttp3.OkHttpClient;

/**
 * The three tools of hacker-news. Every parameter is declared as the official plugin declares it: most have a
 * {@code default} and no {@code required} member at all ({@link Required#UNSTATED}); the two ids are
 * {@code required: true} and still carry {@code default: ""}, which {@code AUTO} would read as optional.
 */
public final class HackerNewsTools {
  /** One client for the process: OkHttp clients own a connection pool and threads. */
  private static final OkHttpClient SHARED_CLIENT = new OkHttpClient.Builder()
      .callTimeout(Duration.ofSeconds(30))
      .build();

  private static final String TAGS_LLM_DESCRIPTION = "Filter results by one or more Hacker News item tags: story, "
      + "comment, poll, pollopt, show_hn, ask_hn, or front_page";

  private final HackerNewsApi api;

  /** The runtime's constructor: the real API, or the URL of system property {@value HackerNewsApi#BASE_URL_PROPERTY}. */
  public HackerNewsTools() {
    this(new HackerNewsApi(SHARED_CLIENT, HackerNewsApi.configuredBaseUrl()));
  }

  /** Tools talking to {@code api}, e.g. one pointed at a mock server. */
  public HackerNewsTools(HackerNewsApi api) {
    this.api = api;
  }

  @Tool(
      name = "search-hacker-news",
      displayName = "Search Hacker News",
      description = "Search stories and comments from Hacker News",
      icon = "📰",
      skillResource = "skills/search-hacker-news.md",
      // Reads a public API: MCP clients may call it without asking. Not written to definition.json.
      readOnly = true,
      openWorld = true)
  public SearchResult search(
      @Param(name = "keyword", displayName = "Keyword", required = Required.UNSTATED,
          llmDescription = "Search query string for filtering Hacker News stories. Supports Algolia search syntax",
          hint = "The keyword for filtering the results of the query", placeholder = "Launch HN, AI agents, YC",
          supportExpression = true, width = "full", defaultValue = "\"\"", minLength = 0)
          String keyword,
      @Param(name = "page", displayName = "Page", required = Required.UNSTATED,
          llmDescription = "Optional zero-based page number for Algolia pagination.",
          hint = "Zero-based result page to fetch from the Hacker News Algolia API", placeholder = "0",
          supportExpression = true, width = "small", defaultValue = "0", minimum = 0)
          int page,
      @Param(name = "results_per_page", displayName = "Results Per Page", required = Required.UNSTATED,
          llmDescription = "Maximum number of search results to return per page. Range: 1-100",
          hint = "Maximum number of results to return per page", placeholder = "100",
          supportExpression = true, width = "small", defaultValue = "100", minimum = 1, maximum = 100)
          int resultsPerPage,
      @Param(name = "search_by_date", displayName = "Search By Date", required = Required.UNSTATED,
          llmDescription = "When true, calls the Hacker News Algolia search_by_date endpoint instead of search.",
          hint = "Use Algolia's search_by_date endpoint to sort by newest first",
          supportExpression = true, width = "small", defaultValue = "false")
          boolean searchByDate,
      // A multi-select over plain strings: the options carry labels, and the items no `enum` (as the official
      // plugin), so the items are described on the type argument.
      @Param(name = "tags", displayName = "Tags", required = Required.UNSTATED,
          llmDescription = TAGS_LLM_DESCRIPTION,
          hint = "Optionally narrow results to one or more Hacker News item types",
          supportExpression = true, width = "full", component = "multi-select", defaultValue = "[]",
          options = {
              @Option(value = "story", label = "Story"),
              @Option(value = "comment", label = "Comment"),
              @Option(value = "poll", label = "Poll"),
              @Option(value = "pollopt", label = "Poll Option"),
              @Option(value = "show_hn", label = "Show HN"),
              @Option(value = "ask_hn", label = "Ask HN"),
              @Option(value = "front_page", label = "Front Page")})
          List<@Param(name = "tag", displayName = "Tags", llmDescription = TAGS_LLM_DESCRIPTION) String> tags,
      @Param(name = "author", displayName = "Author", required = Required.UNSTATED,
          llmDescription = "Optional Hacker News username filter. This is mapped to the Algolia tag syntax "
              + "author_USERNAME.",
          hint = "Filter results to items by a specific Hacker News username", placeholder = "pg",
          supportExpression = true, width = "medium", defaultValue = "\"\"", minLength = 0)
          String author,
      @Param(name = "story_id", displayName = "Story ID", required = Required.UNSTATED,
          llmDescription = "Optional Hacker News story ID filter. This is mapped to the Algolia tag syntax story_ID.",
          hint = "Filter results to a specific Hacker News story ID context", placeholder = "8863",
          supportExpression = true, width = "medium", minimum = 1)
          OptionalLong storyId,
      @Param(name = "numeric_filters", displayName = "Numeric Filters", required = Required.UNSTATED,
          llmDescription = "Optional raw Algolia numericFilters query string, such as filters on created_at_i, "
              + "points, or num_comments.",
          hint = "Advanced Algolia numericFilters string, for example created_at_i>1700000000 or points>100",
          placeholder = "created_at_i>1700000000",
          supportExpression = true, width = "full", defaultValue = "\"\"", minLength = 0)
          String numericFilters)
      throws ToolException {
    String query = keyword == null ? "" : keyword;
    List<String> selected = tags == null ? List.of() : List.copyOf(new LinkedHashSet<>(tags));
    List<String> algoliaTags = new ArrayList<>(selected);
    trimmed(author).ifPresent(a -> algoliaTags.add("author_" + a));
    if (storyId != null && storyId.isPresent() && storyId.getAsLong() > 0) {
      algoliaTags.add("story_" + storyId.getAsLong());
    }

    Map<String, Object> params = new LinkedHashMap<>();
    params.put("query", query);
    params.put("tags", String.join(",", algoliaTags));
    params.put("numericFilters", trimmed(numericFilters).orElse(null));
    params.put("page", Math.max(page, 0));
    params.put("hitsPerPage", resultsPerPage);
    JsonNode answer = api.get(List.of(searchByDate ? "search_by_date" : "search"), params);

    List<SearchItem> items = new ArrayList<>();
    if (answer.path("hits").isArray()) {
      for (JsonNode hit : answer.get("hits")) {
        items.add(HackerNewsResults.searchItem(hit));
      }
    }
    JsonNode total = answer.path("nbHits");
    return new SearchResult(query, selected, total.isIntegralNumber() ? total.longValue() : 0, items.size(), items);
  }

  @Tool(
      name = "get-hacker-news-article",
      displayName = "Get Hacker News Article",
      description = "Fetch a Hacker News item by ID, optionally including comments",
      icon = "📰",
      skillResource = "skills/get-hacker-news-article.md",
      // Reads a public API: MCP clients may call it without asking. Not written to definition.json.
      readOnly = true,
      openWorld = true)
  public ArticleResult article(
      @Param(name = "article_id", displayName = "Article ID", required = Required.TRUE,
          llmDescription = "The unique identifier of a Hacker News item to fetch. Numeric ID from the URL",
          hint = "The ID of the Hacker News item to be returned", placeholder = "Example: 8863",
          supportExpression = true, width = "medium", defaultValue = "\"\"", minLength = 1)
          String articleId,
      @Param(name = "include_comments", displayName = "Include Comments", required = Required.UNSTATED,
          llmDescription = "When true, includes the full comment tree in the response. When false, returns only "
              + "the normalized item metadata",
          hint = "Whether to include the full comment tree for the Hacker News item",
          supportExpression = true, width = "small", defaultValue = "false")
          boolean includeComments)
      throws ToolException {
    String id = trimmed(articleId).orElseThrow(() -> new ToolException("hacker_news:invalid_article_id",
        "article_id is empty; give the numeric id of a Hacker News item, e.g. 8863"));
    JsonNode answer = api.get(List.of("items", id), Map.of());
    return new ArticleResult(HackerNewsResults.item(answer),
        includeComments ? Optional.of(HackerNewsResults.comments(answer)) : Optional.empty());
  }

  @Tool(
      name = "get-hacker-news-user",
      displayName = "Get Hacker News User",
      description = "Fetch a Hacker News user profile by username",
      icon = "📰",
      skillResource = "skills/get-hacker-news-user.md",
      // Reads a public API: MCP clients may call it without asking. Not written to definition.json.
      readOnly = true,
      openWorld = true)
  public UserResult user(
      @Param(name = "username", displayName = "Username", required = Required.TRUE,
          llmDescription = "The Hacker News username to fetch profile information for",
          hint = "The Hacker News username to return", placeholder = "Example: pg",
          supportExpression = true, width = "medium", defaultValue = "\"\"", minLength = 1)
          String username)
      throws ToolException {
    String name = trimmed(username).orElseThrow(() -> new ToolException("hacker_news:invalid_username",
        "username is empty; give a Hacker News username, e.g. pg"));
    return new UserResult(HackerNewsResults.user(api.get(List.of("users", name), Map.of())));
  }

  private static Optional<String> trimmed(String s) {
    return s == null || s.isBlank() ? Optional.empty() : Optional.of(s.trim());
  }
}
