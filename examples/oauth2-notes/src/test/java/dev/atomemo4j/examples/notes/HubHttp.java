package dev.atomemo4j.examples.notes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** The dev hub's HTTP API ({@code devhub/API.md}), as a browser or the inspector would call it. */
final class HubHttp {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private final URI base;

  HubHttp(URI base) {
    this.base = base;
  }

  /** One answer: its status and body. */
  record Reply(int status, String text) {
    JsonNode json() {
      try {
        return JSON.readTree(text);
      } catch (IOException e) {
        throw new AssertionError("not JSON (HTTP " + status + "): " + text, e);
      }
    }
  }

  Reply get(String pathAndQuery) {
    return send(HttpRequest.newBuilder(uri(pathAndQuery)).header("Accept", "application/json").GET());
  }

  Reply post(String path, String json) {
    return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json)));
  }

  URI uri(String pathAndQuery) {
    return URI.create(base.toString().replaceAll("/+$", "") + pathAndQuery);
  }

  private static Reply send(HttpRequest.Builder request) {
    try {
      HttpResponse<String> r = HTTP.send(request.timeout(Duration.ofSeconds(60)).build(),
          HttpResponse.BodyHandlers.ofString());
      return new Reply(r.statusCode(), r.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
  }
}
