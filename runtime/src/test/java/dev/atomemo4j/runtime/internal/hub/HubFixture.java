package dev.atomemo4j.runtime.internal.hub;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.atomemo4j.runtime.testsupport.HubConnection;
import dev.atomemo4j.runtime.testsupport.Json;
import dev.atomemo4j.runtime.testsupport.TestHub;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;

/**
 * A plugin server ({@link TestPlugin}, debug mode, author given) against a loopback {@link TestHub}, with helpers
 * to script the Hub's side. Closing it shuts the server down and answers its leave, so that tests do not wait for
 * the leave timeout.
 */
final class HubFixture implements AutoCloseable {

  static final String TOPIC = "debug_plugin:acme-echo";
  static final Duration WAIT = Duration.ofSeconds(5);

  /** Shared; no silent OkHttp retries, so every connection attempt is one request on the test server. */
  static final OkHttpClient CLIENT = new OkHttpClient.Builder().retryOnConnectionFailure(false).build();

  final TestHub hub;
  final TestPlugin plugin = new TestPlugin();
  final Path workingDirectory;
  final HubOptions options;
  HubServer server;
  HubConnection connection;
  /** The join_ref of the live channel: requests sent with {@link #send(String, String)} carry it. */
  String joinRef = "1";

  HubFixture(Path workingDirectory) throws IOException {
    this.hub = new TestHub();
    this.workingDirectory = workingDirectory;
    this.options = new HubOptions()
        .registry(plugin)
        .environment(Map.of())
        .override("HUB_WS_URL", hub.endpoint(""))
        .override("HUB_DEBUG_API_KEY", "K3y")
        .override("DEBUG", "false")
        .workingDirectory(workingDirectory)
        .userHome(workingDirectory)
        .author("Jane Doe", "jane@example.com")
        .shutdownHook(false)
        .httpClient(CLIENT);
  }

  HubServer start() {
    server = HubServer.start(options);
    return server;
  }

  /** Starts, accepts the connection, answers the join and the registration with ok. */
  HubConnection startAndRegister() {
    start();
    connection = hub.awaitConnection();
    connection.replyOk(connection.expectFrame("['1','1','" + TOPIC + "','phx_join',{}]"));
    ArrayNode register = connection.expectEvent("register_plugin");
    connection.reply(register, "ok", "{'success':true}");
    assertThat(server.ready()).succeedsWithin(WAIT);
    return connection;
  }

  /** Starts in release mode, accepts the connection and answers the join. */
  HubConnection startRelease() {
    options.override("HUB_MODE", "release");
    start();
    connection = hub.awaitConnection();
    connection.replyOk(connection.expectFrame(
        "['1','1','release_plugin:acme-echo__release__1.0.0','phx_join',{}]"));
    assertThat(server.ready()).succeedsWithin(WAIT);
    return connection;
  }

  /** Accepts the reconnection after a drop: answers the rejoin and the registration, and switches to it. */
  HubConnection acceptRejoin() {
    HubConnection next = hub.awaitConnection();
    ArrayNode join = next.expectEvent("phx_join");
    next.replyOk(join);
    next.reply(next.expectEvent("register_plugin"), "ok", "{'success':true}");
    connection = next;
    joinRef = join.get(0).asText();
    return next;
  }

  /** Sends a Hub request on the live channel. */
  void send(String event, String payload) {
    send(joinRef, event, payload);
  }

  void send(String joinRef, String event, String payload) {
    connection.send("['" + joinRef + "',null,'" + TOPIC + "','" + event + "'," + payload + "]");
  }

  /** Sends a request and returns the payload of the next answer, which must be {@code answerEvent}. */
  com.fasterxml.jackson.databind.JsonNode request(String event, String payload, String answerEvent) {
    send(event, payload);
    return connection.expectEvent(answerEvent).get(4);
  }

  @Override
  public void close() throws Exception {
    try {
      if (server != null) {
        CompletableFuture<Void> closing = CompletableFuture.runAsync(server::close);
        if (connection != null) {
          answerLeave(connection);
        }
        closing.get(15, TimeUnit.SECONDS);
      }
    } finally {
      hub.close();
    }
  }

  /** Reads what the client sends until its leave, answers it ok; gives up quietly if the connection ends. */
  static void answerLeave(HubConnection connection) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(3);
    while (System.nanoTime() < deadline) {
      HubConnection.Event e = connection.pollEvent(100);
      if (e instanceof HubConnection.Text) {
        ArrayNode frame = Json.array(((HubConnection.Text) e).text());
        if ("phx_leave".equals(frame.get(3).asText())) {
          connection.replyOk(frame);
          return;
        }
      } else if (e != null) {
        return; // closing, closed or failed
      }
    }
  }
}
