package dev.atomemo4j.devhub.phoenix;

import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A {@link ChannelHandler} for tests: records every callback as a line of text and answers events by name.
 *
 * <ul>
 *   <li>{@code echo}: ok {@code {"echo": <payload>}}</li>
 *   <li>{@code refuse}: error {@code {"reason":"refused"}}</li>
 *   <li>{@code boom}: throws</li>
 *   <li>{@code *_response}, {@code *_error}, {@code unsupported_event}, {@code hub_call:*}: no reply, as the Hub</li>
 *   <li>anything else: ok {@code {}}</li>
 * </ul>
 */
final class RecordingHandler implements ChannelHandler {
    private final BlockingQueue<String> calls = new LinkedBlockingQueue<>();
    private final Map<String, PhoenixChannel> channels = new ConcurrentHashMap<>();
    private final Set<PhoenixChannel> open = ConcurrentHashMap.newKeySet();

    @Override
    public void onJoin(PhoenixChannel channel) {
        channels.put(channel.topic(), channel);
        open.add(channel);
        calls.add("join " + channel.topic() + " " + channel.joinRef());
    }

    @Override
    public Reply onEvent(PhoenixChannel channel, String event, ObjectNode payload, String ref) {
        calls.add("event " + channel.topic() + " " + event + " " + payload + " ref=" + ref);
        if (event.equals("echo")) {
            ObjectNode response = JsonNodeFactory.instance.objectNode();
            response.set("echo", payload);
            return Reply.ok(response);
        }
        if (event.equals("refuse")) {
            return Reply.error("refused");
        }
        if (event.equals("boom")) {
            throw new IllegalStateException("handler bug (on purpose, in a test)");
        }
        if (event.endsWith("_response") || event.endsWith("_error") || event.equals("unsupported_event")
                || event.startsWith("hub_call:")) {
            return Reply.noReply();
        }
        return Reply.ok();
    }

    @Override
    public void onLeave(PhoenixChannel channel, LeaveReason reason) {
        open.remove(channel);
        calls.add("leave " + channel.topic() + " " + channel.joinRef() + " " + reason);
    }

    /** The next recorded callback; fails if none happens. */
    String next() {
        try {
            String call = calls.poll(5, TimeUnit.SECONDS);
            if (call == null) {
                fail("no handler callback within 5 s");
            }
            return call;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** Callbacks recorded so far and not yet taken with {@link #next()}. */
    String pending() {
        return String.join("\n", calls);
    }

    /** The latest channel joined on {@code topic}. */
    PhoenixChannel channel(String topic) {
        PhoenixChannel channel = channels.get(topic);
        if (channel == null) {
            fail("no channel joined on " + topic);
        }
        return channel;
    }

    /**
     * Waits until every joined channel has been reported as left, so that a closed client's late leave callbacks do not
     * leak into the next test.
     */
    void awaitAllLeft() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!open.isEmpty()) {
            if (System.nanoTime() > deadline) {
                fail("channels still joined: " + open);
            }
            Thread.sleep(10);
        }
    }

    void reset() {
        calls.clear();
        channels.clear();
    }
}
