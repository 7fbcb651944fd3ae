package dev.atomemo4j.examples.hackernews;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.jspecify.annotations.Nullable;

/**
 * What the tools return, and how Algolia's answers become it. The shapes and the normalization rules are those of
 * the official plugin: empty strings become null, {@code created_at} falls back to {@code created_at_i}, a search
 * hit's type is inferred from its tags, and story context members are present only when known.
 *
 * <p>Record components are camelCase; the processor writes them snake_case ({@code commentCount →
 * comment_count}). {@code @Nullable} members are written as null when unknown, empty optionals are left out.
 */
public final class HackerNewsResults {
  private HackerNewsResults() {}

  /** The answer of {@code search-hacker-news}. */
  public record SearchResult(String query, List<String> tags, long total, int count, List<SearchItem> items) {}

  /** One Algolia hit. */
  public record SearchItem(
      @Nullable String id,
      @Nullable String type,
      @Nullable String title,
      @Nullable String url,
      @Nullable String author,
      @Nullable String createdAt,
      @Nullable Long points,
      @Nullable Long commentCount,
      @Nullable String text,
      OptionalLong storyId,
      Optional<String> storyTitle,
      Optional<String> storyUrl) {}

  /**
   * The answer of {@code get-hacker-news-article}. The comment tree is JSON: a record cannot contain itself, and the
   * processor refuses recursive types.
   */
  public record ArticleResult(Item item, Optional<List<JsonNode>> comments) {}

  /** An item's metadata, without its children. */
  public record Item(
      @Nullable Long id,
      @Nullable String type,
      @Nullable String title,
      @Nullable String url,
      @Nullable String author,
      @Nullable String createdAt,
      @Nullable Long points,
      @Nullable String text,
      @Nullable Long parentId,
      int childrenCount) {}

  /** The answer of {@code get-hacker-news-user}. */
  public record UserResult(User user) {}

  public record User(@Nullable String username, @Nullable Long karma, @Nullable String about) {}

  /** The tags an item type is read from when a hit has no {@code type}, most specific first. */
  private static final List<String> TYPE_TAGS =
      List.of("story", "comment", "poll", "job", "pollopt", "show_hn", "ask_hn", "front_page");

  /** JavaScript's {@code Date.prototype.toISOString}: always milliseconds, always UTC. */
  private static final DateTimeFormatter ISO_MILLIS =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  static SearchItem searchItem(JsonNode hit) {
    Long storyId = number(hit.get("story_id"));
    String comment = string(hit.get("comment_text"));
    return new SearchItem(
        string(hit.get("objectID")),
        searchItemType(hit),
        string(hit.get("title")),
        string(hit.get("url")),
        string(hit.get("author")),
        createdAt(hit),
        number(hit.get("points")),
        number(hit.get("num_comments")),
        comment != null ? comment : string(hit.get("story_text")),
        storyId == null ? OptionalLong.empty() : OptionalLong.of(storyId),
        Optional.ofNullable(string(hit.get("story_title"))),
        Optional.ofNullable(string(hit.get("story_url"))));
  }

  static Item item(JsonNode item) {
    return new Item(
        item.path("id").isNumber() ? number(item.get("id")) : null,
        string(item.get("type")),
        string(item.get("title")),
        string(item.get("url")),
        string(item.get("author")),
        createdAt(item),
        number(item.get("points")),
        string(item.get("text")),
        parentId(item),
        item.path("children").isArray() ? item.get("children").size() : 0);
  }

  /** The item's children as normalized comment trees, in the official member order. */
  static List<JsonNode> comments(JsonNode item) {
    List<JsonNode> out = new ArrayList<>();
    if (item.path("children").isArray()) {
      for (JsonNode child : item.get("children")) {
        out.add(comment(child));
      }
    }
    return out;
  }

  private static ObjectNode comment(JsonNode c) {
    ArrayNode children = NODES.arrayNode();
    if (c.path("children").isArray()) {
      for (JsonNode child : c.get("children")) {
        children.add(comment(child));
      }
    }
    ObjectNode out = NODES.objectNode();
    out.put("id", number(c.get("id")));
    out.put("author", string(c.get("author")));
    out.put("text", string(c.get("text")));
    out.put("created_at", createdAt(c));
    out.put("parent_id", parentId(c));
    out.put("children_count", children.size());
    out.set("children", children);
    return out;
  }

  static User user(JsonNode user) {
    return new User(string(user.get("username")), number(user.get("karma")), string(user.get("about")));
  }

  private static @Nullable String searchItemType(JsonNode hit) {
    String type = string(hit.get("type"));
    if (type != null) {
      return type;
    }
    JsonNode tags = hit.path("_tags");
    if (tags.isArray()) {
      for (String candidate : TYPE_TAGS) {
        for (JsonNode t : tags) {
          if (candidate.equals(t.asText(null))) {
            return candidate;
          }
        }
      }
    }
    return null;
  }

  private static @Nullable String createdAt(JsonNode node) {
    String text = string(node.get("created_at"));
    if (text != null) {
      return text;
    }
    Long epochSeconds = number(node.get("created_at_i"));
    return epochSeconds == null ? null : ISO_MILLIS.format(Instant.ofEpochSecond(epochSeconds));
  }

  private static @Nullable Long parentId(JsonNode node) {
    JsonNode parent = node.get("parent_id");
    return number(parent == null || parent.isNull() ? node.get("parent") : parent);
  }

  /** A non-empty string, else null. */
  private static @Nullable String string(@Nullable JsonNode node) {
    return node != null && node.isTextual() && !node.asText().isEmpty() ? node.asText() : null;
  }

  /** An integral number, else null (Hacker News ids, points and counts are all integers). */
  private static @Nullable Long number(@Nullable JsonNode node) {
    return node != null && node.isIntegralNumber() && node.canConvertToLong() ? node.longValue() : null;
  }
}
