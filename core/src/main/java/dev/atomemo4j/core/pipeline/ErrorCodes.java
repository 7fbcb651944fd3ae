package dev.atomemo4j.core.pipeline;

/**
 * The stable {@code code}s of the errors a plugin's requests are answered with, whichever front end serves them
 * (for the Hub, hub-protocol §11). They are part of every front end's contract: never rename one. Codes that only
 * one front end's protocol knows (the Hub's {@code sdk:unsupported_event}, its Hub-call failures) live with that
 * front end.
 */
public final class ErrorCodes {
  /** The request names no tool of the plugin. */
  public static final String TOOL_NOT_FOUND = "sdk:tool_not_found";
  /** The request names no credential of the plugin. */
  public static final String CREDENTIAL_NOT_FOUND = "sdk:credential_not_found";
  /** Parameters (or credential values) fail validation; the error lists {@code problems}. */
  public static final String INVALID_PARAMETER = "sdk:invalid_parameter";
  /** An exception thrown by the plugin's code. */
  public static final String EXCEPTION = "sdk:exception";
  /** The request took longer than its limit. */
  public static final String TIMEOUT = "sdk:timeout";
  /** A locator list or resource mapping method, or an OAuth2 callback, that the plugin does not implement. */
  public static final String METHOD_NOT_SUPPORTED = "sdk:method_not_supported";
  /** An auth-spec request for a credential without an {@code authenticate} implementation. */
  public static final String INVALID_CREDENTIAL_AUTHENTICATE = "sdk:invalid_credential_authenticate";
  /** Too many requests in flight; try again later. */
  public static final String OVERLOADED = "sdk:overloaded";
  /** The plugin is shutting down. */
  public static final String SHUTTING_DOWN = "sdk:shutting_down";
  /** The request itself is malformed: a required member is missing or has the wrong JSON type. */
  public static final String INVALID_REQUEST = "sdk:invalid_request";
  /** The plugin's code returned something that cannot be sent. */
  public static final String INVALID_RETURN = "sdk:invalid_return";
  /** The request names no action of the plugin. */
  public static final String ACTION_NOT_FOUND = "sdk:action_not_found";
  /** An action invocation that carries no approval for its stored request (or lost the race to claim it). */
  public static final String APPROVAL_REQUIRED = "sdk:approval_required";
  /** A credential the action requires was not supplied; lists {@code missing}. */
  public static final String CREDENTIAL_MISSING = "sdk:credential_missing";
  /** Uploading a file to storage failed ({@code ToolContext.Files}). */
  public static final String UPLOAD_FAILED = "transient:upload_failed";
  /** Downloading a file failed ({@code ToolContext.Files}). */
  public static final String DOWNLOAD_FAILED = "transient:download_failed";

  private ErrorCodes() {}
}
