package dev.atomemo4j.runtime.internal.phoenix;

/** The states of phoenix.js {@code CHANNEL_STATES}. */
public enum ChannelState {
  /** Not joined yet, or closed for good (left, or {@code phx_close} from the server). */
  CLOSED,
  /** Lost: a rejoin follows once the socket is connected. */
  ERRORED,
  JOINED,
  JOINING,
  LEAVING
}
