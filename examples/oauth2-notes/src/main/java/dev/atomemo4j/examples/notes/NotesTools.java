package dev.atomemo4j.examples.notes;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.atomemo4j.annotations.Param;
import dev.atomemo4j.annotations.Tool;
import dev.atomemo4j.runtime.ToolException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;

/** The tool of oauth2-notes: the account's notes, read with its access token. */
public final class NotesTools {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final OkHttpClient http;

  /** The runtime's constructor. */
  public NotesTools() {
    this(Http.SHARED);
  }

  /** Tools sending their requests with {@code http}. */
  public NotesTools(OkHttpClient http) {
    this.http = Objects.requireNonNull(http, "http");
  }

  /** What {@code list-notes} answers. */
  public record NotesPage(int count, List<Note> notes) {}

  /** One note; members the service leaves out are left out. */
  public record Note(String id, String title, Optional<String> snippet, Optional<String> updatedAt) {}

  @Tool(
      name = "list-notes",
      displayName = "List Notes",
      description = "List the notes of the signed-in account, newest first, optionally only those matching a "
          + "search text.")
  public NotesPage listNotes(
      @Param(name = "notes_account", displayName = "Notes account", hint = "The notes account to read from")
          NotesAccount account,
      @Param(name = "query", displayName = "Search", hint = "Only notes whose title or text contains this",
          placeholder = "meeting", llmDescription = "Optional text to search the notes for; leave empty to list "
              + "the newest notes.", supportExpression = true, width = "full")
          Optional<String> query,
      @Param(name = "limit", displayName = "Limit", hint = "At most this many notes", placeholder = "20",
          llmDescription = "How many notes to return at most, 1 to 100.", supportExpression = true,
          width = "small", defaultValue = "20", minimum = 1, maximum = 100)
          int limit)
      throws ToolException {
    HttpUrl.Builder url = account.endpoint("api/v1/notes").newBuilder();
    query.map(String::trim).filter(q -> !q.isEmpty()).ifPresent(q -> url.addQueryParameter("q", q));
    url.addQueryParameter("limit", Integer.toString(limit));
    JsonNode answer = get(url.build(), account);

    List<Note> notes = new ArrayList<>();
    for (JsonNode n : answer.path("notes")) {
      notes.add(new Note(n.path("id").asText(""), n.path("title").asText(""), text(n, "snippet"),
          text(n, "updated_at")));
    }
    return new NotesPage(notes.size(), notes);
  }

  private JsonNode get(HttpUrl url, NotesAccount account) throws ToolException {
    Request request = new Request.Builder().url(url).get()
        .header("Authorization", "Bearer " + account.requireAccessToken().reveal())
        .header("Accept", "application/json")
        .build();
    try (Response response = http.newCall(request).execute()) {
      if (response.code() == 401) {
        throw new ToolException(NotesErrors.UNAUTHORIZED, "the notes service refused the access token (HTTP 401): "
            + "it expired or was revoked; refresh the credential or authorize it again",
            Map.of("status", 401), null);
      }
      if (!response.isSuccessful()) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("status", response.code());
        details.put("path", url.encodedPath());
        throw new ToolException(NotesErrors.HTTP_ERROR, "the notes service answered HTTP " + response.code()
            + " (GET " + url.encodedPath() + ")", details, null);
      }
      ResponseBody body = response.body();
      String text = body == null ? "" : body.string();
      JsonNode answer;
      try {
        answer = JSON.readTree(text);
      } catch (JacksonException e) {
        answer = null;
      }
      if (answer == null || !answer.isObject() || !answer.path("notes").isArray()) {
        throw new ToolException(NotesErrors.INVALID_RESPONSE, "the notes service answered " + url.encodedPath()
            + " without a \"notes\" list");
      }
      return answer;
    } catch (InterruptedIOException e) {
      throw new ToolException(NotesErrors.UNREACHABLE, "the notes service did not answer in time (" + url.host()
          + ")", Map.of(), e);
    } catch (IOException e) {
      throw new ToolException(NotesErrors.UNREACHABLE, "the notes service is unreachable (" + url.host() + "): "
          + e.getMessage(), Map.of(), e);
    }
  }

  private static Optional<String> text(JsonNode node, String field) {
    JsonNode v = node.get(field);
    return v != null && v.isTextual() && !v.textValue().isEmpty() ? Optional.of(v.textValue()) : Optional.empty();
  }
}
