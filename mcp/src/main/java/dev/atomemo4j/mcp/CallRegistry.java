package dev.atomemo4j.mcp;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The tool calls in flight, by their JSON-RPC identity (session and request id), so that a
 * {@code notifications/cancelled} reaches the call it names. The SDK's server does not act on cancellation
 * notifications, so {@link JsonRpcTap} reads them from the incoming stream and tags every {@code tools/call} with
 * its identity ({@link #META_KEY} in the request's {@code _meta}) for the call handler to register under.
 */
final class CallRegistry {

  /** The {@code _meta} member {@link JsonRpcTap} adds to a {@code tools/call}: its {@link #key}. */
  static final String META_KEY = "dev.atomemo4j/call";

  /** What a cancellation does to one call: flag its context, interrupt its thread. */
  interface Cancellable {
    void cancel(String reason);
  }

  private final Map<String, Cancellable> calls = new ConcurrentHashMap<>();
  /** Cancellations that arrived before their call registered (a race between the tap and the handler thread). */
  private final Map<String, String> early = new ConcurrentHashMap<>();

  /** The identity of request {@code id} (a JSON-RPC id as JSON text) of session {@code session} (may be null). */
  static String key(String session, String id) {
    return (session == null ? "" : session) + "#" + id;
  }

  /** Registers a call; it is cancelled at once if its cancellation already arrived. */
  void register(String key, Cancellable call) {
    calls.put(key, call);
    String reason = early.remove(key);
    if (reason != null) {
      call.cancel(reason);
    }
  }

  void unregister(String key) {
    calls.remove(key);
    early.remove(key);
  }

  /** The client cancelled request {@code key}. */
  void cancel(String key, String reason) {
    Cancellable call = calls.get(key);
    if (call != null) {
      call.cancel(reason);
    } else if (early.size() < 1024) { // bounded: a client cancelling unknown ids must not grow memory
      early.put(key, reason == null ? "" : reason);
    }
  }
}
