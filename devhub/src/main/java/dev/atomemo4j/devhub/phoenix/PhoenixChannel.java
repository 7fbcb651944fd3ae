package dev.atomemo4j.devhub.phoenix;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One joined channel: a topic joined on one WebSocket connection with one {@code join_ref}. A rejoin of the same
 * topic creates a new {@code PhoenixChannel}; the old one ends with {@link LeaveReason#REJOINED}.
 *
 * <p>All methods are thread-safe and never block on the network: frames are queued to Jetty in the order the calls
 * are made. Sending methods return {@code false} instead of throwing once the channel has ended or the connection
 * is closed, so the Hub logic can treat "the plugin went away" as data, not as an exception.
 */
public interface PhoenixChannel {
    /** The full topic, e.g. {@code debug_plugin:acme-echo}. */
    String topic();

    /** The part after the socket's topic prefix: the plugin name (debug) or version slug (release). */
    String subtopic();

    /** The {@code join_ref} of the {@code phx_join} that created this channel. */
    String joinRef();

    SocketKind socketKind();

    /** A server-chosen id of the WebSocket connection, unique for the server's lifetime (for logs, inspectors). */
    String connectionId();

    /** {@code true} until the channel ends (leave, rejoin, connection loss, {@link #close()}, crash). */
    boolean isJoined();

    /**
     * Sends a server push {@code [joinRef, null, topic, event, payload]}: every Hub-to-plugin request and every
     * {@code hub_call_response}/{@code hub_call_error} travels this way (hub-protocol.md §8.1, §9.1).
     *
     * @return {@code false} if the channel has ended or the frame could not be queued
     */
    boolean push(String event, ObjectNode payload);

    /**
     * Sends a late {@code phx_reply} to the client push with {@code ref}, for a handler that returned
     * {@link Reply#noReply()} and answers later. Phoenix allows at most one reply per push; this is not checked.
     *
     * @param reply an ok or error reply ({@link Reply#noReply()} is rejected)
     * @return {@code false} if the channel has ended or the frame could not be queued
     */
    boolean reply(String ref, Reply reply);

    /**
     * Ends the channel from the server side: sends {@code [joinRef, joinRef, topic, "phx_close", {}]} and then
     * notifies {@link ChannelHandler#onLeave} with {@link LeaveReason#SERVER_CLOSED}. Does nothing if already ended.
     * Waits while a handler callback of the same connection is running.
     */
    void close();
}
