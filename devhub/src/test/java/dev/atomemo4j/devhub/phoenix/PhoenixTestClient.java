package dev.atomemo4j.devhub.phoenix;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.WebSocket;
import okhttp3.WebSocketListener;
import okio.ByteString;

/**
 * A raw WebSocket client over loopback (OkHttp), recording every text frame the server sends so tests can assert on
 * exact frames in order. Frames are written in tests with single quotes for readability: {@code ['1','1','t','phx_join',{}]}.
 */
final class PhoenixTestClient implements AutoCloseable {
    /** Generous: nothing here is a performance assertion, only "it arrives at all". */
    private static final long WAIT_SECONDS = 5;

    private static final OkHttpClient HTTP = new OkHttpClient();
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final BlockingQueue<JsonNode> frames = new LinkedBlockingQueue<>();
    private final CompletableFuture<Void> opened = new CompletableFuture<>();
    private final CompletableFuture<Integer> closed = new CompletableFuture<>();
    private final CompletableFuture<Refusal> refused = new CompletableFuture<>();
    private final WebSocket webSocket;

    /** The HTTP answer to an upgrade that did not become a WebSocket. */
    record Refusal(int status, String body) {}

    private PhoenixTestClient(String url) {
        webSocket = HTTP.newWebSocket(new Request.Builder().url(url).build(), new WebSocketListener() {
            @Override
            public void onOpen(WebSocket socket, Response response) {
                opened.complete(null);
            }

            @Override
            public void onMessage(WebSocket socket, String text) {
                frames.add(json(text));
            }

            @Override
            public void onClosing(WebSocket socket, int code, String reason) {
                closed.complete(code);
                socket.close(1000, null);
            }

            @Override
            public void onClosed(WebSocket socket, int code, String reason) {
                closed.complete(code);
            }

            @Override
            public void onFailure(WebSocket socket, Throwable t, Response response) {
                if (response != null && response.code() != 101) {
                    refused.complete(new Refusal(response.code(), bodyOf(response)));
                }
                opened.completeExceptionally(t);
                closed.complete(-1);
            }
        });
    }

    /** Connects and waits for the upgrade to succeed. */
    static PhoenixTestClient connect(String url) {
        PhoenixTestClient client = new PhoenixTestClient(url);
        try {
            client.opened.get(WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (Exception e) {
            client.close();
            throw new AssertionError("WebSocket upgrade to " + url + " failed", e);
        }
        return client;
    }

    /** Attempts an upgrade that the server should refuse, and returns its HTTP status and body. */
    static Refusal connectExpectingRefusal(String url) {
        PhoenixTestClient client = new PhoenixTestClient(url);
        try {
            return client.refused.get(WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("expected the upgrade to " + url + " to be refused", e);
        } finally {
            client.close();
        }
    }

    /** Sends a frame written with single quotes, e.g. {@code [null,'1','phoenix','heartbeat',{}]}. */
    void send(String frameWithSingleQuotes) {
        sendRaw(frameWithSingleQuotes.replace('\'', '"'));
    }

    void sendRaw(String text) {
        assertThat(webSocket.send(text)).as("queued %s", text).isTrue();
    }

    void sendBinary(byte[] bytes) {
        assertThat(webSocket.send(ByteString.of(bytes))).isTrue();
    }

    /** The next frame from the server; fails if none arrives. */
    JsonNode next() {
        try {
            JsonNode frame = frames.poll(WAIT_SECONDS, TimeUnit.SECONDS);
            if (frame == null) {
                fail("no frame from the server within " + WAIT_SECONDS + " s");
            }
            return frame;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** Asserts the next frame equals the given one (single quotes allowed), compared as JSON. */
    void expect(String frameWithSingleQuotes) {
        assertThat(next()).isEqualTo(frame(frameWithSingleQuotes));
    }

    /**
     * Asserts that nothing was sent in answer to earlier frames: a heartbeat is a round trip that the server answers
     * in order, so if its reply is the very next frame, nothing else was queued before it. No sleeping involved.
     */
    void expectNothingPending(String heartbeatRef) {
        send("[null,'" + heartbeatRef + "','phoenix','heartbeat',{}]");
        expect("[null,'" + heartbeatRef + "','phoenix','phx_reply',{'status':'ok','response':{}}]");
    }

    /** Waits until the server closes the connection; returns the close code (or -1 on a failure). */
    int awaitClose() {
        try {
            return closed.get(WAIT_SECONDS * 2, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("the connection was not closed", e);
        }
    }

    /** Closes the WebSocket from the client side, as a plugin runtime does on shutdown. */
    void closeNormally() {
        webSocket.close(1000, "bye");
    }

    @Override
    public void close() {
        webSocket.cancel();
    }

    static JsonNode frame(String frameWithSingleQuotes) {
        return json(frameWithSingleQuotes.replace('\'', '"'));
    }

    static JsonNode json(String text) {
        try {
            return MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            throw new AssertionError("not JSON: " + text, e);
        }
    }

    private static String bodyOf(Response response) {
        try {
            return response.body() == null ? "" : response.body().string();
        } catch (IOException e) {
            return "<unreadable body: " + e + ">";
        }
    }
}
