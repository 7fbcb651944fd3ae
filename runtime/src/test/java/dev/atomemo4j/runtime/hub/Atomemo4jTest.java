package dev.atomemo4j.runtime.hub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.atomemo4j.runtime.Atomemo4j;
import dev.atomemo4j.runtime.Atomemo4jException;
import dev.atomemo4j.runtime.ConfigException;
import dev.atomemo4j.runtime.PluginServer;
import dev.atomemo4j.runtime.spi.PluginDescriptor;
import dev.atomemo4j.runtime.spi.PluginRegistry;
import dev.atomemo4j.runtime.spi.Shape;
import dev.atomemo4j.runtime.spi.ToolBinding;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import okhttp3.Response;
import okhttp3.WebSocket;
import okhttp3.WebSocketListener;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The public entry point, used as an author would: builder, start, serve, close; and its failures. */
@Timeout(30)
class Atomemo4jTest {

  static final ObjectMapper JSON = new ObjectMapper();

  /** A registry as the processor generates it, for a plugin with one tool. */
  public static final class EchoRegistry implements PluginRegistry {
    @Override
    public PluginDescriptor descriptor() {
      ToolBinding echo = new ToolBinding("echo-text", new Shape.Obj("echo-text",
          List.of(new Shape.Field("text", Shape.Str.ANY, true, false, null)), v -> v, null), Shape.Str.ANY, null,
          (in, ctx) -> ((Object[]) in)[0], Map.of(), Map.of(),
          "META-INF/atomemo4j/acme-echo/schemas/echo-text.input.json");
      return new PluginDescriptor("acme-echo", "1.0.0", "META-INF/atomemo4j/acme-echo/definition.json",
          EchoRegistry.class, List.of(echo), List.of());
    }
  }

  /** The Hub's side: answers join, register and leave with ok, records everything else. */
  static final class AutoHub extends WebSocketListener {
    final BlockingQueue<ArrayNode> received = new LinkedBlockingQueue<>();
    volatile WebSocket socket;

    @Override
    public void onOpen(WebSocket webSocket, Response response) {
      socket = webSocket;
    }

    @Override
    public void onMessage(WebSocket webSocket, String text) {
      try {
        ArrayNode frame = (ArrayNode) JSON.readTree(text);
        String event = frame.get(3).asText();
        if (event.equals("phx_join") || event.equals("register_plugin") || event.equals("phx_leave")
            || event.equals("heartbeat")) {
          ArrayNode reply = JSON.createArrayNode();
          reply.add(frame.get(0)).add(frame.get(1)).add(frame.get(2)).add("phx_reply");
          ObjectNode payload = reply.addObject();
          payload.put("status", "ok");
          payload.putObject("response");
          webSocket.send(reply.toString());
        }
        received.add(frame);
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }

    @Override
    public void onClosing(WebSocket webSocket, int code, String reason) {
      webSocket.close(1000, null);
    }

    ArrayNode expect(String event) throws InterruptedException {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
      while (System.nanoTime() < deadline) {
        ArrayNode f = received.poll(100, TimeUnit.MILLISECONDS);
        if (f != null && f.get(3).asText().equals(event)) {
          return f;
        }
      }
      throw new AssertionError("no " + event + " within 5 s");
    }
  }

  @TempDir Path dir;
  MockWebServer server;

  @BeforeEach
  void setUp() throws Exception {
    server = new MockWebServer();
    server.start();
  }

  @AfterEach
  void tearDown() {
    server.close();
  }

  Atomemo4j.Builder builder() {
    return Atomemo4j.builder()
        .registry(new EchoRegistry())
        .environment(Map.of())
        .workingDirectory(dir)
        .config("HUB_WS_URL", "ws://127.0.0.1:" + server.getPort())
        .config("HUB_DEBUG_API_KEY", "K3y")
        .author("Jane Doe", "jane@example.com")
        .shutdownHook(false);
  }

  @Test
  void badConfigurationThrowsOneExceptionListingEveryProblem() {
    assertThatThrownBy(() -> Atomemo4j.builder().registry(new EchoRegistry()).environment(Map.of())
        .workingDirectory(dir).config("HUB_WS_URL", "http://hub.example").shutdownHook(false).start())
        .isInstanceOf(ConfigException.class)
        .satisfies(e -> assertThat(((ConfigException) e).problems()).hasSize(3))
        .hasMessageStartingWith("atomemo4j cannot start: 3 configuration problems:\n  - HUB_WS_URL")
        .hasMessageContaining("\n  - HUB_DEBUG_API_KEY is not set")
        .hasMessageContaining("\n  - debug mode registers the plugin under your Atomemo account's name and e-mail,"
            + " and you are not logged in to Atomemo on this machine");
  }

  @Test
  void startedServerServesRequestsAndClosesCleanly() throws Exception {
    AutoHub hub = new AutoHub();
    server.enqueue(new MockResponse.Builder().webSocketUpgrade(hub).build());
    PluginServer plugin = builder().start();

    hub.expect("register_plugin");
    hub.socket.send("[\"1\",null,\"debug_plugin:acme-echo\",\"invoke_tool\",{\"request_id\":\"r\","
        + "\"tool_name\":\"echo-text\",\"parameters\":{\"text\":\"hi\"}}]");
    JsonNode answer = hub.expect("invoke_tool_response").get(4);
    assertThat(answer).isEqualTo(JSON.readTree("{\"request_id\":\"r\",\"data\":\"hi\"}"));

    plugin.close();
    hub.expect("phx_leave");
    assertThat(plugin.awaitTermination(Duration.ofSeconds(5))).isTrue();
    assertThat(plugin.termination().toCompletableFuture()).isCompleted();
  }

  @Test
  void fatalErrorEndsTheServerWithAnActionableMessage() {
    server.enqueue(new MockResponse.Builder().code(403).build());
    PluginServer plugin = builder().start();
    assertThatThrownBy(plugin::awaitTermination)
        .isInstanceOf(Atomemo4jException.class)
        .hasMessageContaining("atomemo plugin refresh-key");
  }
}
