package dev.atomemo4j.runtime.internal.hub;

/**
 * The stable error codes only the Hub protocol has (hub-protocol §8.9, §9.2); every front end's codes are in
 * {@link dev.atomemo4j.core.pipeline.ErrorCodes}. Part of the wire contract: never rename one.
 */
final class HubErrorCodes {
  /** An event the runtime does not handle (§8.9). */
  static final String UNSUPPORTED_EVENT = "sdk:unsupported_event";
  /** The Hub refused a Hub call's push with a {@code phx_reply} error (§9.2). */
  static final String HUB_CALL_FAILED = "sdk:hub_call_failed";
  /** A Hub call failed without saying why ([EX] uses {@code unknown}). */
  static final String UNKNOWN = "unknown";

  private HubErrorCodes() {}
}
