package dev.atomemo4j.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.io.Closeable;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.Response;
import okhttp3.WebSocket;
import okhttp3.WebSocketListener;
import okio.ByteString;

/**
 * The Hub side for the fault suite, on loopback behind a {@link TcpRelay}: accepts every connection, answers joins,
 * registrations, heartbeats and leaves with {@code ok}, records every answer by {@code request_id}, keeps every frame
 * text it received (for the marker grep), and sends requests and raw frames on the live channel.
 */
final class FakeHub implements Closeable {

  static final String TOPIC = "debug_plugin:" + ChaosPlugin.NAME;
  private static final ObjectMapper JSON = new ObjectMapper();

  private final MockWebServer server = new MockWebServer();
  private final TcpRelay relay;
  private final Map<String, List<JsonNode>> answers = new ConcurrentHashMap<>();
  private final List<String> received = java.util.Collections.synchronizedList(new ArrayList<>());
  private final AtomicInteger joins = new AtomicInteger();
  private final AtomicLong receivedBytes = new AtomicLong();
  private volatile Live live;
  /** Request ids sent and the frame that carried them, to send again after a reconnect. */
  private final Map<String, String> sentRequests = new ConcurrentHashMap<>();

  /** The channel currently joined: the socket and the join_ref requests must carry. */
  private record Live(WebSocket socket, String joinRef) {}

  FakeHub() throws IOException {
    server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        return new MockResponse.Builder().webSocketUpgrade(new Listener()).build();
      }
    });
    server.start(java.net.InetAddress.getLoopbackAddress(), 0);
    relay = new TcpRelay(new java.net.InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), server.getPort()));
  }

  /** What the plugin is given as {@code HUB_WS_URL}. */
  String url() {
    return "ws://127.0.0.1:" + relay.port();
  }

  TcpRelay relay() {
    return relay;
  }

  int joins() {
    return joins.get();
  }

  /** Waits until the plugin has joined (and registered) at least {@code n} times, while {@code alive} holds. */
  boolean awaitJoins(int n, long timeoutMillis, java.util.function.BooleanSupplier alive)
      throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
    while (joins.get() < n || live == null) {
      if (System.nanoTime() > deadline || !alive.getAsBoolean()) {
        return false;
      }
      Thread.sleep(5);
    }
    return true;
  }

  /** Sends a request on the live channel and remembers it, so {@link #resendUnanswered()} can repeat it. */
  void request(String event, String requestId, String payloadJsonWithoutId) {
    String payload = "{\"request_id\":" + quote(requestId)
        + (payloadJsonWithoutId.isEmpty() ? "" : "," + payloadJsonWithoutId) + "}";
    sentRequests.put(requestId, event + "\u0000" + payload);
    sendPayload(event, payload);
  }

  /** Sends {@code [join_ref, null, topic, event, payload]} with the raw payload text. */
  void sendPayload(String event, String payload) {
    Live l = live;
    if (l != null) {
      l.socket().send("[" + quote(l.joinRef()) + ",null," + quote(TOPIC) + "," + quote(event) + "," + payload + "]");
    }
  }

  /** Sends any text as a frame, well-formed or not. */
  void sendRaw(String text) {
    Live l = live;
    if (l != null) {
      l.socket().send(text);
    }
  }

  void sendBinary(byte[] bytes) {
    Live l = live;
    if (l != null) {
      l.socket().send(ByteString.of(bytes));
    }
  }

  /** The join_ref of the live channel, for frames a suite builds itself. */
  String joinRef() {
    Live l = live;
    return l == null ? "0" : l.joinRef();
  }

  /** Sends every remembered request that has no answer yet again, as a Hub that timed out and retried would. */
  int resendUnanswered() {
    int n = 0;
    for (Map.Entry<String, String> e : sentRequests.entrySet()) {
      if (!answers.containsKey(e.getKey())) {
        String[] parts = e.getValue().split("\u0000", 2);
        sendPayload(parts[0], parts[1]);
        n++;
      }
    }
    return n;
  }

  /** Waits until every id in {@code ids} has an answer, at most {@code timeoutMillis}; returns those still missing. */
  Set<String> awaitAnswers(Set<String> ids, long timeoutMillis) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
    while (true) {
      Set<String> missing = new java.util.HashSet<>(ids);
      missing.removeAll(answers.keySet());
      if (missing.isEmpty() || System.nanoTime() > deadline) {
        return missing;
      }
      Thread.sleep(10);
    }
  }

  List<JsonNode> answersTo(String requestId) {
    return answers.getOrDefault(requestId, List.of());
  }

  int answered() {
    return answers.size();
  }

  /** Every text frame received so far, joined: what the marker grep reads. */
  String receivedText() {
    synchronized (received) {
      return String.join("\n", received);
    }
  }

  @Override
  public void close() {
    relay.close();
    server.close();
  }

  private static String quote(String s) {
    try {
      return JSON.writeValueAsString(s);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private final class Listener extends WebSocketListener {
    @Override
    public void onMessage(WebSocket socket, String text) {
      receivedBytes.addAndGet(text.length());
      ArrayNode frame;
      try {
        frame = (ArrayNode) JSON.readTree(text);
      } catch (IOException | ClassCastException e) {
        received.add(text);
        return;
      }
      String event = frame.path(3).asText();
      JsonNode payload = frame.path(4);
      if (!"heartbeat".equals(event)) {
        // Large blobs are answers, not log lines: keep what the grep needs without the bulk.
        received.add(text.length() > 64 * 1024 ? text.substring(0, 64 * 1024) : text);
      }
      switch (event) {
        case "heartbeat", "phx_leave" -> reply(socket, frame, "{}");
        case "phx_join" -> reply(socket, frame, "{}");
        case "register_plugin" -> {
          reply(socket, frame, "{\"success\":true}");
          live = new Live(socket, frame.path(0).asText());
          joins.incrementAndGet();
        }
        default -> {
          JsonNode id = payload.get("request_id");
          if (event.endsWith("_response") || event.endsWith("_error") || "unsupported_event".equals(event)) {
            String key = id == null || id.isNull() ? "<null>" : id.asText();
            answers.computeIfAbsent(key, k -> java.util.Collections.synchronizedList(new ArrayList<>()))
                .add(payload.size() > 0 && payload.has("data") && payload.get("data").has("blob")
                    ? JSON.createObjectNode().put("blob_length", payload.get("data").get("blob").asText().length())
                    : payload);
          }
        }
      }
    }

    @Override
    public void onClosing(WebSocket socket, int code, String reason) {
      socket.close(1000, null);
      dropLive(socket);
    }

    @Override
    public void onFailure(WebSocket socket, Throwable t, Response response) {
      dropLive(socket);
    }

    private void dropLive(WebSocket socket) {
      Live l = live;
      if (l != null && l.socket() == socket) {
        live = null;
      }
    }

    private void reply(WebSocket socket, ArrayNode push, String response) {
      socket.send("[" + push.get(0) + "," + push.get(1) + "," + push.get(2) + ",\"phx_reply\",{\"status\":\"ok\","
          + "\"response\":" + response + "}]");
    }
  }
}
