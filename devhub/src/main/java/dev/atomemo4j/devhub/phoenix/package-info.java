/**
 * The server side of Phoenix Channels (V2 JSON serializer) for the dev hub, on Jetty 12 WebSockets.
 *
 * <p>{@link dev.atomemo4j.devhub.phoenix.PhoenixServer} serves the debug and release sockets and does the Phoenix
 * socket's own work: upgrade checks ({@code vsn=2.0.0}, {@code api_key}), heartbeats, joins, leaves, duplicate joins,
 * stale {@code join_ref} filtering, {@code unmatched topic} replies and the idle timeout. Everything the Hub decides is
 * left to two plug-ins: a {@link dev.atomemo4j.devhub.phoenix.JoinAuthorizer} (may a join succeed?) and a
 * {@link dev.atomemo4j.devhub.phoenix.ChannelHandler} (what happens on join, on each client event, on leave). The
 * handler talks back through {@link dev.atomemo4j.devhub.phoenix.PhoenixChannel}.
 *
 * <p><b>Threads.</b> Jetty delivers each connection's frames on its own pool threads, one frame at a time. The
 * authorizer and all handler callbacks for one connection run under that connection's lock, so they never overlap and
 * arrive in wire order; different connections run in parallel. {@link dev.atomemo4j.devhub.phoenix.PhoenixChannel}
 * methods may be called from any thread; sending only queues the frame with Jetty.
 *
 * <p><b>Deliberate differences from Phoenix.</b> A malformed frame is logged and ignored rather than crashing the
 * socket, so a runtime under development keeps its connection. On a duplicate join the old channel's
 * {@code phx_close} is sent before the new join's reply (Phoenix queues it just after); clients drop it either way,
 * because its {@code join_ref} is stale. The idle timeout is Jetty's, which counts traffic in both directions, where
 * Phoenix counts only what it receives; with clients that heartbeat every 30 s the two behave alike.
 */
package dev.atomemo4j.devhub.phoenix;
