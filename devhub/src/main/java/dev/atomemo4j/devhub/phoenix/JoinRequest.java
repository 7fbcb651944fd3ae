package dev.atomemo4j.devhub.phoenix;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A {@code phx_join} that this socket routes, as shown to a {@link JoinAuthorizer}.
 *
 * @param connectionId the id of the WebSocket connection, as in {@link PhoenixChannel#connectionId()}
 * @param socketKind which socket the join arrived on
 * @param topic the full topic, e.g. {@code debug_plugin:acme-echo}
 * @param subtopic the part after the socket's prefix: the plugin name (debug) or version slug (release)
 * @param payload the join payload; always {@code {}} from the official SDKs
 */
public record JoinRequest(
        String connectionId, SocketKind socketKind, String topic, String subtopic, ObjectNode payload) {}
