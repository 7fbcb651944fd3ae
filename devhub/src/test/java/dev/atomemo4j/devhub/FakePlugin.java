package dev.atomemo4j.devhub;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Predicate;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.WebSocket;
import okhttp3.WebSocketListener;

/**
 * Plays a plugin runtime against a dev hub with raw Phoenix V2 frames over a real loopback WebSocket (OkHttp): join,
 * register, receive Hub requests, answer them (by hand or with auto-responders), make hub calls, leave or drop.
 */
final class FakePlugin implements AutoCloseable {
    static final long WAIT_SECONDS = 5;
    static final ObjectMapper MAPPER = new ObjectMapper();
    private static final OkHttpClient HTTP = new OkHttpClient();

    /** A received server frame: {@code [join_ref, ref, topic, event, payload]}. */
    record Frame(String joinRef, String ref, String topic, String event, JsonNode payload) {}

    /** What a responder returns: data for {@code <event>_response}, or an error for {@code <event>_error}. */
    record Answer(JsonNode data, JsonNode error) {
        static Answer ok(JsonNode data) {
            return new Answer(data, null);
        }

        static Answer error(String code, String message) {
            return new Answer(null, JsonNodeFactory.instance.objectNode().put("code", code).put("message", message));
        }
    }

    private final String topic;
    private final WebSocket socket;
    private final AtomicInteger refs = new AtomicInteger();
    private final List<Frame> inbox = new ArrayList<>();
    private final Map<String, Function<JsonNode, Answer>> responders = new ConcurrentHashMap<>();
    private final CompletableFuture<Void> opened = new CompletableFuture<>();
    private volatile String joinRef;

    private FakePlugin(String url, String topic) {
        this.topic = topic;
        this.socket = HTTP.newWebSocket(new Request.Builder().url(url).build(), new WebSocketListener() {
            @Override
            public void onOpen(WebSocket webSocket, Response response) {
                opened.complete(null);
            }

            @Override
            public void onMessage(WebSocket webSocket, String text) {
                received(text);
            }

            @Override
            public void onFailure(WebSocket webSocket, Throwable t, Response response) {
                opened.completeExceptionally(t);
            }
        });
        try {
            opened.get(WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (Exception e) {
            socket.cancel();
            throw new AssertionError("cannot connect to " + url, e);
        }
    }

    /** Connects to the debug socket and joins {@code debug_plugin:<name>} (without registering). */
    static FakePlugin joinDebug(DevHub hub, String name) {
        FakePlugin plugin = new FakePlugin(hub.wsUrl() + "/debug_socket/websocket?api_key=" + hub.apiKey()
                + "&vsn=2.0.0", "debug_plugin:" + name);
        JsonNode reply = plugin.join();
        assertThat(reply.path("status").asText()).as("join reply %s", reply).isEqualTo("ok");
        return plugin;
    }

    /** Joins, registers the definition and waits until the hub has accepted it. */
    static FakePlugin start(DevHub hub, ObjectNode definition) {
        FakePlugin plugin = joinDebug(hub, definition.get("name").asText());
        JsonNode reply = plugin.register(definition);
        assertThat(reply.path("status").asText()).as("register_plugin reply %s", reply).isEqualTo("ok");
        return plugin;
    }

    /** Connects to the release socket; the join's reply is returned by {@link #join()}. */
    static FakePlugin connectRelease(DevHub hub, String slug) {
        return new FakePlugin(hub.wsUrl() + "/release_socket/websocket?vsn=2.0.0", "release_plugin:" + slug);
    }

    /** Sends phx_join and returns its reply payload ({@code {status, response}}). */
    JsonNode join() {
        String ref = nextRef();
        joinRef = ref;
        sendFrame(ref, ref, "phx_join", JsonNodeFactory.instance.objectNode());
        return awaitReply(ref);
    }

    /** Sends register_plugin and returns its reply payload. */
    JsonNode register(ObjectNode definition) {
        return awaitReply(push("register_plugin", definition));
    }

    /** Pushes an event on the channel; returns its ref. */
    String push(String event, JsonNode payload) {
        String ref = nextRef();
        sendFrame(joinRef, ref, event, payload);
        return ref;
    }

    /** Waits for the next Hub push of this event and returns its payload. */
    JsonNode awaitRequest(String event) {
        return await(frame -> frame.event().equals(event) && frame.ref() == null, "a " + event + " push").payload();
    }

    /** Answers a request payload with {@code <event>_response}. */
    void respond(String event, JsonNode request, JsonNode data) {
        ObjectNode payload = JsonNodeFactory.instance.objectNode().put("request_id", request.get("request_id").asText());
        payload.set("data", data);
        push(event + "_response", payload);
    }

    /** Answers a request payload with {@code <event>_error}. */
    void fail(String event, JsonNode request, String code, String message) {
        ObjectNode payload = JsonNodeFactory.instance.objectNode().put("request_id", request.get("request_id").asText());
        payload.putObject("error").put("code", code).put("message", message);
        push(event + "_error", payload);
    }

    /** From now on, answers every {@code event} push automatically (on the socket's thread). */
    FakePlugin answer(String event, Function<JsonNode, Answer> responder) {
        responders.put(event, responder);
        List<Frame> waiting;
        synchronized (inbox) {
            waiting = inbox.stream().filter(f -> f.event().equals(event) && f.ref() == null).toList();
            inbox.removeAll(waiting);
        }
        waiting.forEach(frame -> autoAnswer(responder, frame));
        return this;
    }

    /** Makes a hub call and returns the hub's answer frame (hub_call_response or hub_call_error). */
    Frame hubCall(String name, JsonNode data) {
        String requestId = UUID.randomUUID().toString();
        ObjectNode payload = JsonNodeFactory.instance.objectNode().put("request_id", requestId);
        payload.set("data", data);
        push("hub_call:" + name, payload);
        return await(frame -> (frame.event().equals("hub_call_response") || frame.event().equals("hub_call_error"))
                && requestId.equals(frame.payload().path("request_id").asText()), "the answer to hub_call:" + name);
    }

    /** Waits for the phx_reply to the push with {@code ref}; returns its payload. */
    JsonNode awaitReply(String ref) {
        return await(frame -> frame.event().equals("phx_reply") && ref.equals(frame.ref()), "the reply to ref " + ref)
                .payload();
    }

    /** True if a frame matching the predicate has arrived and not been consumed. */
    boolean hasReceived(Predicate<Frame> match) {
        synchronized (inbox) {
            return inbox.stream().anyMatch(match);
        }
    }

    /** Sends phx_leave and waits for its reply. */
    void leave() {
        awaitReply(push("phx_leave", JsonNodeFactory.instance.objectNode()));
    }

    /** Drops the connection without a close handshake, like a killed process. */
    void drop() {
        socket.cancel();
    }

    String topic() {
        return topic;
    }

    @Override
    public void close() {
        socket.cancel();
    }

    // ---- internals ----------------------------------------------------------------------------------------------

    private String nextRef() {
        return Integer.toString(refs.incrementAndGet());
    }

    private void sendFrame(String frameJoinRef, String ref, String event, JsonNode payload) {
        ArrayNode frame = JsonNodeFactory.instance.arrayNode();
        frame.add(frameJoinRef).add(ref).add(topic).add(event).add(payload);
        assertThat(socket.send(frame.toString())).as("queued %s", event).isTrue();
    }

    private void received(String text) {
        JsonNode array;
        try {
            array = MAPPER.readTree(text);
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + text, e);
        }
        Frame frame = new Frame(array.get(0).isNull() ? null : array.get(0).asText(),
                array.get(1).isNull() ? null : array.get(1).asText(), array.get(2).asText(), array.get(3).asText(),
                array.get(4));
        Function<JsonNode, Answer> responder = frame.ref() == null ? responders.get(frame.event()) : null;
        if (responder != null) {
            autoAnswer(responder, frame);
            return;
        }
        synchronized (inbox) {
            inbox.add(frame);
            inbox.notifyAll();
        }
    }

    private void autoAnswer(Function<JsonNode, Answer> responder, Frame frame) {
        Answer answer = responder.apply(frame.payload());
        if (answer.error() != null) {
            ObjectNode payload = JsonNodeFactory.instance.objectNode()
                    .put("request_id", frame.payload().get("request_id").asText());
            payload.set("error", answer.error());
            push(frame.event() + "_error", payload);
        } else {
            respond(frame.event(), frame.payload(), answer.data());
        }
    }

    private Frame await(Predicate<Frame> match, String what) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
        synchronized (inbox) {
            while (true) {
                for (Frame frame : inbox) {
                    if (match.test(frame)) {
                        inbox.remove(frame);
                        return frame;
                    }
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new AssertionError("no " + what + " on " + topic + " within " + WAIT_SECONDS
                            + " s; received " + inbox);
                }
                try {
                    TimeUnit.NANOSECONDS.timedWait(inbox, left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new AssertionError(e);
                }
            }
        }
    }
}
