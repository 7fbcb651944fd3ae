package dev.atomemo4j.examples.hackernews;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.atomemo4j.runtime.ToolException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * A small client of the Algolia Hacker News API (https://hn.algolia.com/api): GET requests, JSON answers, and every
 * failure turned into a {@link ToolException} with a {@code hacker_news:*} code the Hub shows the user.
 */
public final class HackerNewsApi {
  /** The API the tools call in normal use. */
  public static final String DEFAULT_BASE_URL = "https://hn.algolia.com/api/v1";

  /** A system property that points the tools elsewhere (a proxy, a mock server). */
  public static final String BASE_URL_PROPERTY = "atomemo4j.hacker-news.base-url";

  /** The answer was not a JSON object. */
  public static final String INVALID_RESPONSE = "hacker_news:invalid_response";
  /** The item or user does not exist (HTTP 404). */
  public static final String NOT_FOUND = "hacker_news:not_found";
  /** Any other non-2xx answer; {@code details.status} holds the HTTP status. */
  public static final String HTTP_ERROR = "hacker_news:http_error";
  /** The API could not be reached (DNS, connection, timeout). */
  public static final String UNREACHABLE = "hacker_news:unreachable";

  private static final ObjectMapper JSON = new ObjectMapper();

  private final OkHttpClient http;
  private final HttpUrl baseUrl;

  /**
   * @param http the client to send requests with (share one per application: it owns the connection pool)
   * @param baseUrl the API root, e.g. {@link #DEFAULT_BASE_URL}
   */
  public HackerNewsApi(OkHttpClient http, String baseUrl) {
    this.http = Objects.requireNonNull(http, "http");
    HttpUrl parsed = HttpUrl.parse(Objects.requireNonNull(baseUrl, "baseUrl"));
    if (parsed == null) {
      throw new IllegalArgumentException("not an http(s) URL: " + baseUrl);
    }
    this.baseUrl = parsed;
  }

  /** The base URL from {@link #BASE_URL_PROPERTY}, else {@link #DEFAULT_BASE_URL}. */
  public static String configuredBaseUrl() {
    String configured = System.getProperty(BASE_URL_PROPERTY, "");
    return configured.isBlank() ? DEFAULT_BASE_URL : configured.trim();
  }

  /** The API root requests go to. */
  public HttpUrl baseUrl() {
    return baseUrl;
  }

  /**
   * GETs {@code <base>/<segments…>?<query>} and parses the answer.
   *
   * @param segments path segments below the base URL, each encoded as one segment (so an id cannot change the path)
   * @param query query parameters in order; null and empty values are left out, as the official plugin does
   */
  public JsonNode get(List<String> segments, Map<String, ?> query) throws ToolException {
    HttpUrl.Builder url = baseUrl.newBuilder();
    for (String segment : segments) {
      url.addPathSegment(segment);
    }
    for (Map.Entry<String, ?> e : query.entrySet()) {
      Object v = e.getValue();
      if (v != null && !v.toString().isEmpty()) {
        url.addQueryParameter(e.getKey(), v.toString());
      }
    }
    HttpUrl target = url.build();
    Request request = new Request.Builder().url(target).get().header("Accept", "application/json").build();
    try (Response response = http.newCall(request).execute()) {
      if (!response.isSuccessful()) {
        throw httpError(response.code(), response.message(), target);
      }
      ResponseBody body = response.body();
      String text = body == null ? "" : body.string();
      try {
        JsonNode tree = JSON.readTree(text);
        if (tree == null || !tree.isObject()) {
          throw new ToolException(INVALID_RESPONSE, "Hacker News API answered " + target.encodedPath()
              + " with something other than a JSON object");
        }
        return tree;
      } catch (JacksonException e) {
        throw new ToolException(INVALID_RESPONSE, "Hacker News API answered " + target.encodedPath()
            + " with invalid JSON: " + e.getOriginalMessage(), Map.of(), e);
      }
    } catch (InterruptedIOException e) {
      throw new ToolException(UNREACHABLE, "Hacker News API did not answer in time (" + target.host() + ")",
          Map.of(), e);
    } catch (IOException e) {
      throw new ToolException(UNREACHABLE, "Hacker News API is unreachable (" + target.host() + "): "
          + e.getMessage(), Map.of(), e);
    }
  }

  /** Same as the official plugin's message, "Hacker News API error: 404 Not Found", plus what was asked. */
  private static ToolException httpError(int status, String reason, HttpUrl target) {
    String statusText = reason == null || reason.isBlank() ? "" : " " + reason;
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("status", status);
    details.put("path", target.encodedPath());
    return new ToolException(status == 404 ? NOT_FOUND : HTTP_ERROR,
        "Hacker News API error: " + status + statusText + " (GET " + target.encodedPath() + ")", details, null);
  }
}
