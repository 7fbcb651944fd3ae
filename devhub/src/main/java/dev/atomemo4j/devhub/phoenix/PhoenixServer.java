package dev.atomemo4j.devhub.phoenix;

import java.io.IOException;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.eclipse.jetty.websocket.server.ServerWebSocketContainer;
import org.eclipse.jetty.websocket.server.WebSocketUpgradeHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The dev hub's Jetty server with the two Phoenix sockets, {@code /debug_socket/websocket} and
 * {@code /release_socket/websocket} (hub-protocol.md §2, §18).
 *
 * <p>Handler tree: {@code UpgradeGate} (vsn and api_key checks on the socket paths) → Jetty's
 * {@link WebSocketUpgradeHandler} (the two socket paths) → {@link #handlers()}, a {@link Handler.Sequence} that gets
 * every other request. Add the HTTP API and the inspector there, with {@link Builder#handler} before start or
 * {@code handlers().addHandler(…)} at any time; a request no handler takes gets Jetty's 404.
 *
 * <pre>{@code
 * try (PhoenixServer hub = PhoenixServer.builder().channelHandler(myHub).build()) {
 *     hub.start();
 *     URI debug = hub.websocketUri(SocketKind.DEBUG); // ws://127.0.0.1:<port>/debug_socket/websocket
 *     String key = hub.debugApiKey();
 * }
 * }</pre>
 */
public final class PhoenixServer implements AutoCloseable {
    /** Phoenix's default {@code :timeout} for a socket that receives nothing (hub-protocol.md §4). */
    public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofSeconds(60);

    /**
     * Jetty's default 64 KiB would refuse a large {@code register_plugin} definition; Phoenix has no such limit. 16 MiB
     * also matches the outgoing buffer limit of OkHttp, the Java runtime's WebSocket client.
     */
    static final int MAX_MESSAGE_BYTES = 16 * 1024 * 1024;

    /** How long {@link #close()} waits for clients to answer the close frame before it stops anyway. */
    static final Duration CLOSE_HANDSHAKE_WAIT = Duration.ofSeconds(2);

    /** RFC 6455 §7.4.1: the endpoint is going away, e.g. a server shutting down. */
    static final int GOING_AWAY = 1001;

    private static final Logger log = LoggerFactory.getLogger(PhoenixServer.class);

    private final String host;
    private final String debugApiKey;
    private final Server server;
    private final ServerConnector connector;
    private final Handler.Sequence handlers;
    private final Set<PhoenixConnection> openConnections = ConcurrentHashMap.newKeySet();

    private PhoenixServer(Builder builder) {
        this.host = builder.host;
        this.debugApiKey = builder.debugApiKey != null ? builder.debugApiKey : randomKey();

        QueuedThreadPool threads = new QueuedThreadPool();
        threads.setName("devhub");
        this.server = new Server(threads);
        this.connector = new ServerConnector(server);
        connector.setHost(host);
        connector.setPort(builder.port);
        server.addConnector(connector);

        this.handlers = new Handler.Sequence(builder.handlers);
        ChannelHandler channelHandler = builder.channelHandler;
        JoinAuthorizer joinAuthorizer = builder.joinAuthorizer;
        FrameListener frameListener = builder.frameListener;
        AtomicLong connectionIds = new AtomicLong();
        Set<PhoenixConnection> open = openConnections;
        WebSocketUpgradeHandler sockets = WebSocketUpgradeHandler.from(server, container -> {
            container.setIdleTimeout(builder.idleTimeout);
            container.setMaxTextMessageSize(MAX_MESSAGE_BYTES);
            container.setMaxFrameSize(MAX_MESSAGE_BYTES);
            for (SocketKind kind : SocketKind.values()) {
                container.addMapping(kind.path(), (request, response, callback) -> new PhoenixConnection(
                        "c" + connectionIds.incrementAndGet(), kind, channelHandler, joinAuthorizer, frameListener, open));
            }
        });
        sockets.setHandler(handlers);
        server.setHandler(new UpgradeGate(debugApiKey, sockets));
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Binds and starts serving.
     *
     * @throws IOException if the address cannot be bound
     */
    public void start() throws IOException {
        try {
            server.start();
        } catch (IOException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("cannot start the dev hub server", e);
        }
        log.info("Dev hub listening on http://{}:{} (debug socket {}, release socket {})",
                host, port(), SocketKind.DEBUG.path(), SocketKind.RELEASE.path());
    }

    /** The bound port; with port 0 the ephemeral port chosen at {@link #start()}. */
    public int port() {
        int port = connector.getLocalPort();
        if (port <= 0) {
            throw new IllegalStateException("not started");
        }
        return port;
    }

    public String host() {
        return host;
    }

    /** {@code ws://host:port/<socket path>}, without query parameters (clients add {@code api_key} and {@code vsn}). */
    public URI websocketUri(SocketKind kind) {
        return URI.create("ws://" + hostForUri() + ":" + port() + kind.path());
    }

    /** {@code http://host:port}, the base of the HTTP handlers. */
    public URI httpUri() {
        return URI.create("http://" + hostForUri() + ":" + port());
    }

    /** The key the debug socket requires as {@code api_key}: the configured one, or one generated at construction. */
    public String debugApiKey() {
        return debugApiKey;
    }

    /** Handlers for every request that is not a socket upgrade, consulted in order. */
    public Handler.Sequence handlers() {
        return handlers;
    }

    /**
     * Stops the server. Every open socket is first closed with a close frame, {@code 1001 going away} (so clients
     * reconnect, as they would to a restarting Hub, instead of seeing an abnormal 1006), and given up to
     * {@link #CLOSE_HANDSHAKE_WAIT} to answer it; every joined channel then gets
     * {@link LeaveReason#CONNECTION_CLOSED}.
     */
    @Override
    public void close() {
        List<PhoenixConnection> closing = new ArrayList<>(openConnections);
        closing.forEach(connection -> connection.closeSocket(GOING_AWAY, "dev hub shutting down"));
        awaitCloseHandshakes();
        try {
            server.stop();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            log.warn("Dev hub server did not stop cleanly", e);
        }
    }

    private void awaitCloseHandshakes() {
        long deadline = System.nanoTime() + CLOSE_HANDSHAKE_WAIT.toNanos();
        try {
            // Polling is fine here: it runs once per shutdown, and a peer usually answers within a millisecond.
            while (!openConnections.isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (!openConnections.isEmpty()) {
            log.debug("{} connection(s) did not answer the close frame; stopping anyway", openConnections.size());
        }
    }

    private String hostForUri() {
        return host.indexOf(':') >= 0 ? "[" + host + "]" : host;
    }

    private static String randomKey() {
        byte[] bytes = new byte[24];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    public static final class Builder {
        private String host = "127.0.0.1";
        private int port = 0;
        private String debugApiKey;
        private Duration idleTimeout = DEFAULT_IDLE_TIMEOUT;
        private ChannelHandler channelHandler = ChannelHandler.NO_REPLY;
        private JoinAuthorizer joinAuthorizer = JoinAuthorizer.ACCEPT_ALL;
        private FrameListener frameListener = FrameListener.NONE;
        private final List<Handler> handlers = new ArrayList<>();

        private Builder() {}

        /** Interface to bind; default {@code 127.0.0.1} so a dev hub is not reachable from the network. */
        public Builder host(String host) {
            this.host = Objects.requireNonNull(host, "host");
            return this;
        }

        /** Port to bind; default 0, an ephemeral port (read it back with {@link PhoenixServer#port()}). */
        public Builder port(int port) {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("port out of range: " + port);
            }
            this.port = port;
            return this;
        }

        /** The key the debug socket requires; default: a random key generated per server. */
        public Builder debugApiKey(String debugApiKey) {
            if (debugApiKey == null || debugApiKey.isEmpty()) {
                throw new IllegalArgumentException("debugApiKey must be non-empty");
            }
            this.debugApiKey = debugApiKey;
            return this;
        }

        /** Close a connection that has had no traffic for this long; default 60 s. */
        public Builder idleTimeout(Duration idleTimeout) {
            if (idleTimeout.isNegative() || idleTimeout.isZero()) {
                throw new IllegalArgumentException("idleTimeout must be positive");
            }
            this.idleTimeout = idleTimeout;
            return this;
        }

        public Builder channelHandler(ChannelHandler channelHandler) {
            this.channelHandler = Objects.requireNonNull(channelHandler, "channelHandler");
            return this;
        }

        public Builder joinAuthorizer(JoinAuthorizer joinAuthorizer) {
            this.joinAuthorizer = Objects.requireNonNull(joinAuthorizer, "joinAuthorizer");
            return this;
        }

        /** Observes every frame received and sent, on all connections; default {@link FrameListener#NONE}. */
        public Builder frameListener(FrameListener frameListener) {
            this.frameListener = Objects.requireNonNull(frameListener, "frameListener");
            return this;
        }

        /** Appends a handler for non-socket requests (HTTP API, inspector); see {@link PhoenixServer#handlers()}. */
        public Builder handler(Handler handler) {
            handlers.add(Objects.requireNonNull(handler, "handler"));
            return this;
        }

        public PhoenixServer build() {
            return new PhoenixServer(this);
        }
    }
}
