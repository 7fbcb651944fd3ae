package dev.atomemo4j.examples.hackernews;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.QueueDispatcher;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * A MockWebServer standing in for the Algolia API, for a whole test class: before the class it starts the server and
 * points system property {@value HackerNewsApi#BASE_URL_PROPERTY} at it, which the runtime's
 * {@code new HackerNewsTools()} reads; after the class it restores the property. Tests receive it as a parameter.
 *
 * <p>Declare it <em>before</em> {@code @PluginTest}: JUnit runs class-level extensions in declaration order, and the
 * plugin must be created (by {@code @PluginTest}) after the property is set.
 */
final class MockHackerNewsApi implements BeforeAllCallback, BeforeEachCallback, AfterAllCallback, ParameterResolver {
  private MockWebServer server;
  private String previous;

  @Override
  public void beforeAll(ExtensionContext context) throws IOException {
    server = new MockWebServer();
    server.start();
    previous = System.getProperty(HackerNewsApi.BASE_URL_PROPERTY);
    System.setProperty(HackerNewsApi.BASE_URL_PROPERTY, server.url("/api/v1").toString());
  }

  /** Each test starts with no queued answers and no unread requests. */
  @Override
  public void beforeEach(ExtensionContext context) throws InterruptedException {
    server.setDispatcher(new QueueDispatcher());
    while (server.takeRequest(0, TimeUnit.MILLISECONDS) != null) {
      // drop what an earlier test left unread
    }
  }

  @Override
  public void afterAll(ExtensionContext context) {
    if (previous == null) {
      System.clearProperty(HackerNewsApi.BASE_URL_PROPERTY);
    } else {
      System.setProperty(HackerNewsApi.BASE_URL_PROPERTY, previous);
    }
    server.close();
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == MockHackerNewsApi.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return this;
  }

  /** Queues the next answer, a JSON body with {@code code}. */
  void answer(int code, String json) {
    server.enqueue(new MockResponse.Builder().code(code).setHeader("Content-Type", "application/json")
        .body(json).build());
  }

  /** The next request the plugin sent; fails when none arrives within 5 seconds. */
  RecordedRequest request() {
    try {
      RecordedRequest r = server.takeRequest(5, TimeUnit.SECONDS);
      assertThat(r).as("a request reached the mock Hacker News API").isNotNull();
      return r;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
  }

  /** How many requests reached the server since it started. */
  int requestCount() {
    return server.getRequestCount();
  }
}
