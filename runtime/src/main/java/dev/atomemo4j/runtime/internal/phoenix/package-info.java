/**
 * A Phoenix Channels client (serializer V2) on an OkHttp WebSocket, ported from the state machines of phoenix.js
 * 1.8 ({@code socket.js}, {@code channel.js}, {@code push.js}, {@code timer.js}); see hub-protocol.md §2–6.
 *
 * <p>Internal: plugin authors never see these types. The Hub transport of the runtime is the only user.
 *
 * <h2>Threading</h2>
 *
 * All socket, channel and push state is owned by one serial executor per {@link PhoenixSocket} (the "loop"), which
 * also runs every timer. OkHttp callbacks only enqueue work onto it. Public methods may be called from any thread:
 * they enqueue their work (or run it inline when already on the loop). Every callback this package invokes
 * ({@link SocketListener}, {@link EventHandler}, {@link Push#receive} hooks) runs on the loop and must not block; hand
 * real work to another executor.
 */
package dev.atomemo4j.runtime.internal.phoenix;
