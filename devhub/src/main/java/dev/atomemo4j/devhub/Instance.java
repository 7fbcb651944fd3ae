package dev.atomemo4j.devhub;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.atomemo4j.devhub.phoenix.PhoenixChannel;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One running copy of a plugin: a joined channel. Several instances of one plugin may join the same topic (one per
 * connection); requests are spread across the {@link #isReady() ready} ones.
 */
final class Instance {
    private final PhoenixChannel channel;
    private final Instant joinedAt;
    /** Debug: true once this channel's register_plugin was accepted. Release: true from the join. */
    private volatile boolean ready;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicLong answered = new AtomicLong();

    Instance(PhoenixChannel channel, Instant joinedAt, boolean ready) {
        this.channel = channel;
        this.joinedAt = joinedAt;
        this.ready = ready;
    }

    PhoenixChannel channel() {
        return channel;
    }

    /** {@code <connection id>/<join_ref>}, e.g. {@code c3/1}: unique for the hub's lifetime. */
    String id() {
        return channel.connectionId() + "/" + channel.joinRef();
    }

    boolean isReady() {
        return ready && channel.isJoined();
    }

    void markReady() {
        ready = true;
    }

    void requestSent() {
        inFlight.incrementAndGet();
    }

    void requestDone(boolean answeredHere) {
        inFlight.decrementAndGet();
        if (answeredHere) {
            answered.incrementAndGet();
        }
    }

    ObjectNode toJson() {
        ObjectNode json = Json.object();
        json.put("id", id());
        json.put("connection", channel.connectionId());
        json.put("join_ref", channel.joinRef());
        json.put("socket", channel.socketKind().name().toLowerCase(java.util.Locale.ROOT));
        json.put("joined_at", joinedAt.toString());
        json.put("registered", ready);
        json.put("in_flight", inFlight.get());
        json.put("answered", answered.get());
        return json;
    }

    @Override
    public String toString() {
        return "instance " + id() + " of " + channel.topic();
    }
}
