package dev.atomemo4j.runtime.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.Queue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;

/**
 * A loopback WebSocket server on MockWebServer. By default every request is upgraded and handed out as a {@link
 * HubConnection}; scripted responses (refusals, broken connections) are used first, in order.
 */
public final class TestHub implements AutoCloseable {

  private final MockWebServer server = new MockWebServer();
  private final Queue<MockResponse> scripted = new ConcurrentLinkedQueue<>();
  private final BlockingQueue<HubConnection> connections = new LinkedBlockingQueue<>();
  private final DroppableProxy proxy;

  public TestHub() throws IOException {
    server.setDispatcher(
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest request) {
            MockResponse next = scripted.poll();
            if (next != null) {
              return next;
            }
            HubConnection connection = new HubConnection(request);
            connections.add(connection);
            return new MockResponse.Builder().webSocketUpgrade(connection).build();
          }
        });
    server.start();
    proxy = new DroppableProxy(server.getSocketAddress());
  }

  /** A {@code ws://} endpoint on this server (through the proxy), e.g. {@code endpoint("/debug_socket")}. */
  public String endpoint(String path) {
    return "ws://127.0.0.1:" + proxy.port() + path;
  }

  /** Cuts every open connection without a close frame, like a dead network or a crashed server. */
  public void dropConnections() {
    proxy.dropAll();
  }

  /** Stops reading what clients send (their sends pile up in their own queues) until {@link #resumeReading()}. */
  public void pauseReading() {
    proxy.pauseUpstream();
  }

  public void resumeReading() {
    proxy.resumeUpstream();
  }

  /** The next upgrade is answered with {@code status} instead of 101. */
  public void refuseNext(int status) {
    scripted.add(new MockResponse.Builder().code(status).body("refused").build());
  }

  /** The next connection is closed before any response: a transport failure for the client, not a refusal. */
  public void breakNext() {
    proxy.breakNext();
  }

  public HubConnection awaitConnection() {
    try {
      HubConnection connection = connections.poll(5, TimeUnit.SECONDS);
      assertThat(connection).as("a WebSocket connection within 5 s").isNotNull();
      connection.awaitOpen();
      return connection;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  public RecordedRequest takeRequest() throws InterruptedException {
    RecordedRequest request = server.takeRequest(5, TimeUnit.SECONDS);
    assertThat(request).as("a request within 5 s").isNotNull();
    return request;
  }

  public int requestCount() {
    return server.getRequestCount();
  }

  @Override
  public void close() {
    proxy.close();
    server.close();
  }
}
