package dev.atomemo4j.devhub.phoenix;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;
import org.eclipse.jetty.websocket.api.exceptions.WebSocketTimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server side of one Phoenix socket connection: the channel table and the routing rules of Phoenix's
 * {@code Phoenix.Socket} ({@code handle_in/4}), on a Jetty WebSocket session.
 *
 * <p>Two locks, never taken in the other order:
 * <ul>
 *   <li>{@code stateLock} serializes everything that reads or changes the channel table and calls the handler: each
 *       inbound frame, the connection's end, and {@link PhoenixChannel#close()}. That is what gives handlers their
 *       one-at-a-time, wire-ordered callbacks even when Jetty reports a close on another thread.</li>
 *   <li>{@code sendLock} makes "is the channel still joined?" and "queue the frame" one step, so that no push can
 *       follow a channel's {@code phx_close} on the wire, and keeps frames in call order. Jetty's
 *       {@link Session#sendText} only queues, so the lock is held for microseconds.</li>
 * </ul>
 *
 * <p>Not API: public only because Jetty calls the listener methods through method handles, which need a public class.
 * The constructor is package-private.
 */
public final class PhoenixConnection implements Session.Listener.AutoDemanding {
    private static final Logger log = LoggerFactory.getLogger(PhoenixConnection.class);
    private static final String HEARTBEAT_TOPIC = "phoenix";

    private final String id;
    private final SocketKind kind;
    private final ChannelHandler handler;
    private final JoinAuthorizer authorizer;
    private final FrameListener frameListener;
    private final Set<PhoenixConnection> openConnections;

    private final Object stateLock = new Object();
    private final Object sendLock = new Object();
    /** Guarded by stateLock. */
    private final Map<String, Channel> channels = new HashMap<>();
    /** Guarded by stateLock. */
    private boolean ended;

    private volatile Session session;

    /**
     * @param openConnections the server's set of open connections: this one adds itself on open and removes itself
     *     on close, so that the server can close each with a close frame when it stops
     */
    PhoenixConnection(String id, SocketKind kind, ChannelHandler handler, JoinAuthorizer authorizer,
            FrameListener frameListener, Set<PhoenixConnection> openConnections) {
        this.id = id;
        this.kind = kind;
        this.handler = handler;
        this.authorizer = authorizer;
        this.frameListener = frameListener;
        this.openConnections = openConnections;
    }

    @Override
    public void onWebSocketOpen(Session session) {
        this.session = session;
        openConnections.add(this);
        log.info("Connection {} opened on {} from {}", id, kind.path(), session.getRemoteSocketAddress());
    }

    @Override
    public void onWebSocketText(String text) {
        Frame frame;
        try {
            frame = Frame.parse(text);
        } catch (Frame.MalformedFrameException e) {
            // Phoenix would crash the socket here; a dev hub keeps the connection so the developer sees every mistake.
            log.warn("Connection {}: ignoring malformed frame ({}): {}", id, e.getMessage(), abbreviate(text));
            return;
        }
        if (log.isTraceEnabled()) {
            // Never the payload: it can carry credentials. A FrameListener sees it and can redact it.
            log.trace("Connection {} <- {} ({} chars)", id, describe(frame), text.length());
        }
        observe(FrameListener.Direction.IN, frame);
        synchronized (stateLock) {
            if (!ended) {
                dispatch(frame);
            }
        }
    }

    @Override
    public void onWebSocketBinary(ByteBuffer payload, Callback callback) {
        log.warn("Connection {}: ignoring a binary frame of {} bytes; the Hub protocol uses text frames only",
                id, payload.remaining());
        callback.succeed();
    }

    @Override
    public void onWebSocketError(Throwable cause) {
        if (cause instanceof WebSocketTimeoutException) {
            log.info("Connection {}: closing after the idle timeout (no traffic)", id);
        } else if (cause instanceof IOException) {
            // A peer that vanishes without a close frame (killed runtime, cancelled client) is routine here.
            log.debug("Connection {}: connection lost: {}", id, cause.toString());
        } else {
            log.warn("Connection {}: WebSocket error: {}", id, cause.toString());
        }
    }

    @Override
    public void onWebSocketClose(int statusCode, String reason, Callback callback) {
        log.info("Connection {} closed ({} {})", id, statusCode, reason);
        openConnections.remove(this);
        try {
            synchronized (stateLock) {
                ended = true;
                List<Channel> open = new ArrayList<>(channels.values());
                channels.clear();
                for (Channel channel : open) {
                    end(channel, null);
                    notifyLeave(channel, LeaveReason.CONNECTION_CLOSED);
                }
            }
        } finally {
            callback.succeed();
        }
    }

    /**
     * Starts a WebSocket close handshake with {@code code} (the channels end when the peer's close frame arrives, or
     * when Jetty gives up on it). Clients tell a deliberate close from a lost connection by the close frame: both
     * phoenix.js and the Java runtime reconnect after any code but 1000.
     */
    void closeSocket(int code, String reason) {
        Session current = session;
        if (current != null && current.isOpen()) {
            current.close(code, reason, Callback.NOOP);
        }
    }

    // ---- routing, after Phoenix.Socket.handle_in/4 ---------------------------------------------------------------

    private void dispatch(Frame frame) {
        if (HEARTBEAT_TOPIC.equals(frame.topic()) && "heartbeat".equals(frame.event())) {
            send(Frame.reply(null, frame.ref(), HEARTBEAT_TOPIC, Reply.ok()));
            return;
        }
        Channel channel = channels.get(frame.topic());
        switch (frame.event()) {
            case "phx_join" -> join(channel, frame);
            case "phx_leave" -> leave(channel, frame);
            default -> event(channel, frame);
        }
    }

    private void join(Channel existing, Frame frame) {
        if (existing != null) {
            // Phoenix closes the old channel of a duplicate join before joining anew (lib/phoenix/socket.ex).
            log.debug("Connection {}: duplicate join of {}; closing join_ref {}", id, frame.topic(), existing.joinRef);
            channels.remove(frame.topic());
            end(existing, closeFrame(existing));
            notifyLeave(existing, LeaveReason.REJOINED);
        }
        String subtopic = kind.subtopicOf(frame.topic());
        if (subtopic == null) {
            log.warn("Connection {}: refusing join of unmatched topic \"{}\"; a {} socket serves only {}<name>",
                    id, frame.topic(), kind.name().toLowerCase(Locale.ROOT), kind.topicPrefix());
            send(unmatchedTopic(frame));
            return;
        }
        JoinDecision decision;
        try {
            decision = Objects.requireNonNull(
                    authorizer.authorize(new JoinRequest(id, kind, frame.topic(), subtopic, frame.payload())),
                    "JoinAuthorizer returned null");
        } catch (RuntimeException e) {
            log.error("Connection {}: join authorizer failed for {}", id, frame.topic(), e);
            decision = JoinDecision.refuse("join crashed");
        }
        if (!decision.accepted()) {
            log.info("Connection {}: join of {} refused: {}", id, frame.topic(), decision.response());
            send(Frame.reply(frame.joinRef(), frame.ref(), frame.topic(), Reply.error(decision.response())));
            return;
        }
        Channel channel = new Channel(frame.topic(), subtopic, frame.joinRef());
        channels.put(frame.topic(), channel);
        send(Frame.reply(frame.joinRef(), frame.ref(), frame.topic(), Reply.ok(decision.response())));
        log.info("Connection {}: joined {} (join_ref {})", id, frame.topic(), frame.joinRef());
        try {
            handler.onJoin(channel);
        } catch (RuntimeException e) {
            crash(channel, "onJoin", e);
        }
    }

    private void leave(Channel channel, Frame frame) {
        if (channel == null) {
            // Phoenix answers a leave of a topic it does not hold with ok, and has nothing to close.
            send(Frame.reply(frame.joinRef(), frame.ref(), frame.topic(), Reply.ok()));
            return;
        }
        if (isStale(channel, frame)) {
            // The client raced a server-side close; Phoenix ignores such a leave.
            log.debug("Connection {}: ignoring phx_leave of {} with stale join_ref {}", id, frame.topic(), frame.joinRef());
            return;
        }
        channels.remove(frame.topic());
        synchronized (sendLock) {
            send(Frame.reply(channel.joinRef, frame.ref(), frame.topic(), Reply.ok()));
            end(channel, closeFrame(channel));
        }
        log.info("Connection {}: left {} (join_ref {})", id, frame.topic(), channel.joinRef);
        notifyLeave(channel, LeaveReason.LEFT);
    }

    private void event(Channel channel, Frame frame) {
        if (channel == null) {
            // Also what a client gets after the server dropped its channel; hub-protocol.md §2.4 has it rejoin.
            send(unmatchedTopic(frame));
            return;
        }
        if (isStale(channel, frame)) {
            log.debug("Connection {}: ignoring {} on {} with stale join_ref {} (live: {})",
                    id, frame.event(), frame.topic(), frame.joinRef(), channel.joinRef);
            return;
        }
        Reply reply;
        try {
            reply = Objects.requireNonNull(handler.onEvent(channel, frame.event(), frame.payload(), frame.ref()),
                    "ChannelHandler.onEvent returned null; return Reply.noReply() to send nothing");
        } catch (RuntimeException e) {
            crash(channel, frame.event(), e);
            return;
        }
        if (!reply.isNoReply()) {
            channel.reply(frame.ref(), reply);
        }
    }

    /** A push whose join_ref is neither the live one nor null belongs to an older incarnation of the channel. */
    private static boolean isStale(Channel channel, Frame frame) {
        return frame.joinRef() != null && !frame.joinRef().equals(channel.joinRef);
    }

    private void crash(Channel channel, String during, RuntimeException e) {
        log.error("Connection {}: channel handler failed during {} on {}; sending phx_error", id, during, channel.topic, e);
        channels.remove(channel.topic);
        end(channel, new Frame(channel.joinRef, channel.joinRef, channel.topic, "phx_error", emptyObject()));
        notifyLeave(channel, LeaveReason.CRASHED);
    }

    private void notifyLeave(Channel channel, LeaveReason reason) {
        try {
            handler.onLeave(channel, reason);
        } catch (RuntimeException e) {
            log.error("Connection {}: onLeave failed for {}", id, channel.topic, e);
        }
    }

    // ---- sending ------------------------------------------------------------------------------------------------

    /** Marks the channel ended and, if given, queues its last frame, so that nothing can be pushed after it. */
    private void end(Channel channel, Frame lastFrame) {
        synchronized (sendLock) {
            channel.joined = false;
            if (lastFrame != null) {
                send(lastFrame);
            }
        }
    }

    private boolean sendIfJoined(Channel channel, Frame frame) {
        synchronized (sendLock) {
            return channel.joined && send(frame);
        }
    }

    private boolean send(Frame frame) {
        Session current = session;
        if (current == null || !current.isOpen()) {
            return false;
        }
        String text = frame.encode();
        synchronized (sendLock) {
            // Recorded before it goes out, so a fast answer can never be logged ahead of its request.
            observe(FrameListener.Direction.OUT, frame);
            try {
                current.sendText(text, Callback.from(() -> {}, failure -> log.debug(
                        "Connection {}: could not send {} on {}: {}", id, frame.event(), frame.topic(), failure.toString())));
            } catch (RuntimeException e) {
                log.debug("Connection {}: could not queue {} on {}: {}", id, frame.event(), frame.topic(), e.toString());
                return false;
            }
        }
        if (log.isTraceEnabled()) {
            log.trace("Connection {} -> {} ({} chars)", id, describe(frame), text.length());
        }
        return true;
    }

    private void observe(FrameListener.Direction direction, Frame frame) {
        try {
            frameListener.onFrame(id, direction, frame);
        } catch (RuntimeException e) {
            log.warn("Connection {}: frame listener failed on {} {}", id, direction, frame.event(), e);
        }
    }

    private static String describe(Frame frame) {
        return "[" + frame.joinRef() + ", " + frame.ref() + ", " + frame.topic() + ", " + frame.event() + "]";
    }

    private static Frame closeFrame(Channel channel) {
        return new Frame(channel.joinRef, channel.joinRef, channel.topic, "phx_close", emptyObject());
    }

    private static Frame unmatchedTopic(Frame frame) {
        return Frame.reply(null, frame.ref(), frame.topic(), Reply.error("unmatched topic"));
    }

    private static ObjectNode emptyObject() {
        return JsonNodeFactory.instance.objectNode();
    }

    private static String abbreviate(String text) {
        return text.length() <= 200 ? text : text.substring(0, 200) + "… (" + text.length() + " chars)";
    }

    // ---- the channel handle -------------------------------------------------------------------------------------

    private final class Channel implements PhoenixChannel {
        private final String topic;
        private final String subtopic;
        private final String joinRef;
        /** Written under sendLock; read without it only by isJoined(). */
        private volatile boolean joined = true;

        Channel(String topic, String subtopic, String joinRef) {
            this.topic = topic;
            this.subtopic = subtopic;
            this.joinRef = joinRef;
        }

        @Override
        public String topic() {
            return topic;
        }

        @Override
        public String subtopic() {
            return subtopic;
        }

        @Override
        public String joinRef() {
            return joinRef;
        }

        @Override
        public SocketKind socketKind() {
            return kind;
        }

        @Override
        public String connectionId() {
            return id;
        }

        @Override
        public boolean isJoined() {
            return joined;
        }

        @Override
        public boolean push(String event, ObjectNode payload) {
            Objects.requireNonNull(event, "event");
            Objects.requireNonNull(payload, "payload");
            return sendIfJoined(this, new Frame(joinRef, null, topic, event, payload));
        }

        @Override
        public boolean reply(String ref, Reply reply) {
            if (reply.isNoReply()) {
                throw new IllegalArgumentException("reply() needs an ok or error reply, not noReply()");
            }
            return sendIfJoined(this, Frame.reply(joinRef, ref, topic, reply));
        }

        @Override
        public void close() {
            synchronized (stateLock) {
                if (!joined || channels.get(topic) != this) {
                    return;
                }
                channels.remove(topic);
                end(this, closeFrame(this));
                log.info("Connection {}: closed {} from the server side", id, topic);
                notifyLeave(this, LeaveReason.SERVER_CLOSED);
            }
        }

        @Override
        public String toString() {
            return "PhoenixChannel[" + topic + " join_ref=" + joinRef + " on " + id + (joined ? "" : ", ended") + "]";
        }
    }
}
