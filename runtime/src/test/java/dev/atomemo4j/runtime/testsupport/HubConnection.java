package dev.atomemo4j.runtime.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import mockwebserver3.RecordedRequest;
import okhttp3.WebSocket;
import okhttp3.WebSocketListener;
import okio.ByteString;

/**
 * The server side of one WebSocket accepted by {@link TestHub}. Like OkHttp's WebSocketRecorder it queues what the
 * client sends, for assertions in order, and it scripts what the server sends back.
 */
public final class HubConnection extends WebSocketListener {

  public sealed interface Event {}

  public record Text(String text) implements Event {}

  public record Binary(int size) implements Event {}

  public record Closing(int code, String reason) implements Event {}

  public record Closed(int code, String reason) implements Event {}

  public record Failure(Throwable cause) implements Event {}

  public final RecordedRequest request;
  private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
  private final CountDownLatch opened = new CountDownLatch(1);
  private volatile WebSocket webSocket;

  HubConnection(RecordedRequest request) {
    this.request = request;
  }

  // --- client → server -------------------------------------------------------------------------------------------

  public Event nextEvent() {
    try {
      Event event = events.poll(5, TimeUnit.SECONDS);
      assertThat(event).as("an event from the client within 5 s").isNotNull();
      return event;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  /** The next thing the client sent must be a text frame; returns it parsed. */
  public ArrayNode expectFrame() {
    Event event = nextEvent();
    assertThat(event).isInstanceOf(Text.class);
    return Json.array(((Text) event).text());
  }

  /** The next frame must equal {@code expected} (single quotes allowed), compared as JSON. */
  public ArrayNode expectFrame(String expected) {
    ArrayNode actual = expectFrame();
    assertThat(actual).isEqualTo(Json.parse(expected));
    return actual;
  }

  /**
   * The next frame that is not a heartbeat (heartbeats are answered ok on the way); asserts its event is
   * {@code event}.
   */
  public ArrayNode expectEvent(String event) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (true) {
      assertThat(System.nanoTime()).as("a %s frame within 5 s", event).isLessThan(deadline);
      ArrayNode frame = expectFrame();
      if ("heartbeat".equals(frame.get(3).asText())) {
        replyOk(frame);
        continue;
      }
      assertThat(frame.get(3).asText()).as("event of %s", frame).isEqualTo(event);
      return frame;
    }
  }

  /** The next event within {@code millis}, or null. */
  public Event pollEvent(long millis) {
    try {
      return events.poll(millis, TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  /** Nothing more arrives within {@code millis}. */
  public void expectNothing(long millis) {
    try {
      Event event = events.poll(millis, TimeUnit.MILLISECONDS);
      assertThat(event).as("nothing more from the client").isNull();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  public Closing expectClosing() {
    Event event = nextEvent();
    assertThat(event).isInstanceOf(Closing.class);
    return (Closing) event;
  }

  // --- server → client -------------------------------------------------------------------------------------------

  public void awaitOpen() {
    try {
      assertThat(opened.await(5, TimeUnit.SECONDS)).as("upgrade completed within 5 s").isTrue();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  /** Sends a frame written with single quotes, as strict JSON. */
  public void send(String frame) {
    sendRaw(Json.compact(Json.parse(frame)));
  }

  /** Sends a frame if the socket still takes it (the client may already be closing); returns whether it did. */
  public boolean trySend(String frame) {
    awaitOpen();
    return webSocket.send(Json.compact(Json.parse(frame)));
  }

  /** Bytes this side has queued and not yet written; OkHttp closes the socket when a send would pass 16 MiB. */
  public long queuedBytes() {
    awaitOpen();
    return webSocket.queueSize();
  }

  /** Sends text exactly as given, malformed or not. */
  public void sendRaw(String text) {
    awaitOpen();
    assertThat(webSocket.send(text)).isTrue();
  }

  public void sendBinary(byte[] bytes) {
    awaitOpen();
    assertThat(webSocket.send(ByteString.of(bytes))).isTrue();
  }

  /** Answers {@code push} the way Phoenix does: join_ref, ref and topic copied, event phx_reply. */
  public void reply(ArrayNode push, String status, String response) {
    ArrayNode reply = JsonNodeFactory.instance.arrayNode();
    reply.add(push.get(0));
    reply.add(push.get(1));
    reply.add(push.get(2));
    reply.add("phx_reply");
    ObjectNode payload = reply.addObject();
    payload.put("status", status);
    payload.set("response", Json.parse(response));
    sendRaw(Json.compact(reply));
  }

  public void replyOk(ArrayNode push) {
    reply(push, "ok", "{}");
  }

  public void close(int code, String reason) {
    awaitOpen();
    webSocket.close(code, reason);
  }

  // --- WebSocketListener -----------------------------------------------------------------------------------------

  @Override
  public void onOpen(WebSocket webSocket, okhttp3.Response response) {
    this.webSocket = webSocket;
    opened.countDown();
  }

  @Override
  public void onMessage(WebSocket webSocket, String text) {
    events.add(new Text(text));
  }

  @Override
  public void onMessage(WebSocket webSocket, ByteString bytes) {
    events.add(new Binary(bytes.size()));
  }

  @Override
  public void onClosing(WebSocket webSocket, int code, String reason) {
    events.add(new Closing(code, reason));
    webSocket.close(1000, null); // complete the closing handshake
  }

  @Override
  public void onClosed(WebSocket webSocket, int code, String reason) {
    events.add(new Closed(code, reason));
  }

  @Override
  public void onFailure(WebSocket webSocket, Throwable t, okhttp3.Response response) {
    events.add(new Failure(t));
  }
}
