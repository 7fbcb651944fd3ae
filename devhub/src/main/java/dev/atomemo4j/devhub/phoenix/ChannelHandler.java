package dev.atomemo4j.devhub.phoenix;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The Hub logic behind the sockets: told about joins, leaves and every client event on a joined channel, and deciding
 * how each event is answered.
 *
 * <p><b>Threads.</b> Every callback runs on a Jetty thread. For one connection the callbacks are serialized and follow
 * the wire order: they never overlap, {@link #onJoin} comes first for a channel, {@link #onLeave} comes last and exactly
 * once. Callbacks of different connections may run concurrently. A callback holds up the reading of its connection,
 * so it must not block for long; answer slow work later through {@link PhoenixChannel#push} or
 * {@link PhoenixChannel#reply} from another thread.
 *
 * <p><b>Failures.</b> If {@link #onEvent} throws (or returns {@code null}), the channel crashes the way a Phoenix
 * channel process does: the client gets {@code [joinRef, joinRef, topic, "phx_error", {}]}, and {@link #onLeave} is
 * called with {@link LeaveReason#CRASHED}. The connection stays up, so the client rejoins.
 */
public interface ChannelHandler {
    /** The default handler: ignores joins and leaves, and answers every event with {@link Reply#noReply()}. */
    ChannelHandler NO_REPLY = (channel, event, payload, ref) -> Reply.noReply();

    /**
     * The channel is joined: its ok reply has been queued to the client, and pushes on it are allowed from now on.
     */
    default void onJoin(PhoenixChannel channel) {}

    /**
     * A client push on a joined channel, other than {@code phx_join}/{@code phx_leave}. Pushes carrying a stale
     * {@code join_ref} never get here.
     *
     * @param event the event name, e.g. {@code register_plugin}, {@code invoke_tool_response}, {@code hub_call:get_file_url}
     * @param payload the push payload (always a JSON object)
     * @param ref the push's {@code ref}; keep it to {@link PhoenixChannel#reply reply} later
     * @return the reply to send; {@link Reply#noReply()} for the events the Hub never answers
     */
    Reply onEvent(PhoenixChannel channel, String event, ObjectNode payload, String ref);

    /** The channel has ended; it no longer accepts pushes. Called exactly once per joined channel. */
    default void onLeave(PhoenixChannel channel, LeaveReason reason) {}
}
