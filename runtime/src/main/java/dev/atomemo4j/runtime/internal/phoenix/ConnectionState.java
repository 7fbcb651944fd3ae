package dev.atomemo4j.runtime.internal.phoenix;

/** The socket's connection, as seen from the loop. */
public enum ConnectionState {
  /** No connection, and none being attempted (a reconnect may be scheduled). */
  CLOSED,
  /** Upgrade requested, not answered yet. */
  CONNECTING,
  OPEN
}
