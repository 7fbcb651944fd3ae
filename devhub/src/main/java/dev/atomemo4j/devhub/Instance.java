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
    /**
     * Whether requests may be sent to it. Release: from the join. Debug: once this channel's register_plugin was
     * accepted, or from the join when the plugin already has an accepted definition (an official JS plugin rejoins
     * without registering again); false again if its own registration is refused.
     */
    private volatile boolean ready;
    /** Debug: true once this channel's own register_plugin was accepted. */
    private volatile boolean registered;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicLong answered = new AtomicLong();

    private final boolean release;

    /**
     * @param ready whether requests may be sent to it from the join
     */
    Instance(PhoenixChannel channel, Instant joinedAt, boolean release, boolean ready) {
        this.channel = channel;
        this.joinedAt = joinedAt;
        this.release = release;
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

    /** Its own register_plugin was accepted. */
    void markRegistered() {
        registered = true;
        ready = true;
    }

    /** Its own register_plugin was refused: the definition it serves is not the one its code has. */
    void markRefused() {
        registered = false;
        ready = false;
    }

    boolean isRegistered() {
        return registered;
    }

    /** A debug instance served with a definition it did not register (see {@link #ready}). */
    boolean servedInherited() {
        return !release && ready && !registered && channel.isJoined();
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
        json.put("registered", release || registered);
        json.put("ready", isReady());
        json.put("inherited_definition", servedInherited());
        json.put("in_flight", inFlight.get());
        json.put("answered", answered.get());
        return json;
    }

    @Override
    public String toString() {
        return "instance " + id() + " of " + channel.topic();
    }
}
