package dev.atomemo4j.devhub.phoenix;

/**
 * The two Hub sockets (hub-protocol.md §1). Each one serves a single topic family: a debug socket only routes
 * {@code debug_plugin:<name>}, a release socket only routes {@code release_plugin:<slug>}.
 */
public enum SocketKind {
    /** {@code /debug_socket/websocket}: requires the configured {@code api_key}. */
    DEBUG("/debug_socket/websocket", "debug_plugin:"),
    /** {@code /release_socket/websocket}: no credential. */
    RELEASE("/release_socket/websocket", "release_plugin:");

    private final String path;
    private final String topicPrefix;

    SocketKind(String path, String topicPrefix) {
        this.path = path;
        this.topicPrefix = topicPrefix;
    }

    /** The WebSocket path, e.g. {@code /debug_socket/websocket}. */
    public String path() {
        return path;
    }

    /** The prefix of every topic this socket routes, e.g. {@code debug_plugin:}. */
    public String topicPrefix() {
        return topicPrefix;
    }

    /**
     * The part of {@code topic} after this socket's prefix, or {@code null} when this socket does not route the topic.
     * An empty remainder is not routed: no plugin has an empty name or slug.
     */
    String subtopicOf(String topic) {
        if (!topic.startsWith(topicPrefix) || topic.length() == topicPrefix.length()) {
            return null;
        }
        return topic.substring(topicPrefix.length());
    }

    static SocketKind forPath(String path) {
        for (SocketKind kind : values()) {
            if (kind.path.equals(path)) {
                return kind;
            }
        }
        return null;
    }
}
