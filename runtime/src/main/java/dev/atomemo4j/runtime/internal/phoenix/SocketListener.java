package dev.atomemo4j.runtime.internal.phoenix;

/**
 * Connection lifecycle of a {@link PhoenixSocket}. Every connection attempt ends with exactly one of {@link #onClose}
 * or {@link #onUpgradeRefused}.
 *
 * <p>All methods run on the socket loop and must not block. Texts passed here have {@code api_key} redacted.
 */
public interface SocketListener {

  /**
   * The WebSocket is open; the send buffer has been flushed and the heartbeat armed. Errored channels rejoin right
   * after this returns.
   */
  default void onOpen() {}

  /**
   * The connection ended: server close frame, transport failure (code 1006), heartbeat timeout (1000, "heartbeat
   * timeout") or {@link PhoenixSocket#disconnect}. A reconnect is already scheduled when the protocol calls for one
   * (not after a client disconnect, and not after a close with code 1000).
   */
  default void onClose(int code, String reason) {}

  /** A transport error (connect failure, reset, bad handshake), always followed by {@link #onClose} with 1006. */
  default void onTransportError(String redactedMessage) {}

  /**
   * The server answered the upgrade with a non-101 HTTP status, for example 403 for a missing or expired api key.
   * This is final: nothing is retried. Call {@link PhoenixSocket#connect()} to try again deliberately.
   */
  default void onUpgradeRefused(int httpStatus) {}

  /**
   * The server's TLS certificate was not trusted (expired, self-signed, issued for another host). This is final:
   * nothing is retried. The text is redacted.
   */
  default void onCertificateRefused(String redactedMessage) {}

  /**
   * A frame too deeply nested to parse, whose top levels could be read: its topic, event and the payload's
   * {@code request_id} (null when it has none), raw as sent. Lets the receiver answer the request anyway.
   */
  default void onUnparsableFrame(String topic, String event, String requestId) {}
}
