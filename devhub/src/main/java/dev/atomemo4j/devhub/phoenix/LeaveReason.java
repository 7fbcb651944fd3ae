package dev.atomemo4j.devhub.phoenix;

/** Why a joined channel ended; passed to {@link ChannelHandler#onLeave}. */
public enum LeaveReason {
    /** The client sent {@code phx_leave}; the server replied ok and sent {@code phx_close}. */
    LEFT,
    /** The client joined the same topic again on the same connection; the old channel got {@code phx_close}. */
    REJOINED,
    /** The WebSocket closed or failed (client close, idle timeout, network error, server stop). */
    CONNECTION_CLOSED,
    /** {@link PhoenixChannel#close()} was called; the client got {@code phx_close}. */
    SERVER_CLOSED,
    /** The handler threw while handling an event on this channel; the client got {@code phx_error}. */
    CRASHED
}
