package dev.atomemo4j.runtime.internal.hub;

/**
 * The stable {@code code}s of the error objects the runtime sends (hub-protocol §11). They are part of the wire
 * contract: never rename one.
 */
final class ErrorCodes {
  /** {@code tool_name} names no tool of the plugin. */
  static final String TOOL_NOT_FOUND = "sdk:tool_not_found";
  /** {@code credential_name} names no credential of the plugin. */
  static final String CREDENTIAL_NOT_FOUND = "sdk:credential_not_found";
  /** Parameters (or credential values) fail validation; the error lists {@code problems}. */
  static final String INVALID_PARAMETER = "sdk:invalid_parameter";
  /** An exception thrown by the plugin's code. */
  static final String EXCEPTION = "sdk:exception";
  /** The request took longer than its limit (§8.10). */
  static final String TIMEOUT = "sdk:timeout";
  /** A locator list or resource mapping method, or an OAuth2 callback, that the plugin does not implement. */
  static final String METHOD_NOT_SUPPORTED = "sdk:method_not_supported";
  /** {@code credential_auth_spec} for a credential without an {@code authenticate} implementation. */
  static final String INVALID_CREDENTIAL_AUTHENTICATE = "sdk:invalid_credential_authenticate";
  /** Too many requests in flight; try again later. */
  static final String OVERLOADED = "sdk:overloaded";
  /** The plugin is shutting down. */
  static final String SHUTTING_DOWN = "sdk:shutting_down";
  /** The request itself is malformed: a required member is missing or has the wrong JSON type. */
  static final String INVALID_REQUEST = "sdk:invalid_request";
  /** The plugin's code returned something that cannot be sent. */
  static final String INVALID_RETURN = "sdk:invalid_return";
  /** An event the runtime does not handle (§8.9). */
  static final String UNSUPPORTED_EVENT = "sdk:unsupported_event";
  /** Uploading to object storage failed (§9.4). */
  static final String UPLOAD_FAILED = "transient:upload_failed";
  /** Downloading a file failed. */
  static final String DOWNLOAD_FAILED = "transient:download_failed";
  /** The Hub refused a Hub call's push with a {@code phx_reply} error (§9.2). */
  static final String HUB_CALL_FAILED = "sdk:hub_call_failed";
  /** A Hub call failed without saying why ([EX] uses {@code unknown}). */
  static final String UNKNOWN = "unknown";

  private ErrorCodes() {}
}
