package dev.atomemo4j.examples.notes;

/** The {@code ToolException} codes of the plugin: what the Hub shows the user when something goes wrong. */
public final class NotesErrors {
  private NotesErrors() {}

  /** The credential's {@code service_url} is not an http(s) URL. */
  public static final String INVALID_SERVICE_URL = "oauth2_notes:invalid_service_url";
  /** The token endpoint refused the request with an OAuth2 error ({@code invalid_grant}, …); see {@code details}. */
  public static final String TOKEN_REJECTED = "oauth2_notes:token_rejected";
  /** No refresh token is stored, so the credential must be authorized again. */
  public static final String NO_REFRESH_TOKEN = "oauth2_notes:no_refresh_token";
  /** The credential has no access token yet: it was created but never authorized. */
  public static final String NOT_AUTHORIZED = "oauth2_notes:not_authorized";
  /** The API refused the access token (HTTP 401): it expired or was revoked. */
  public static final String UNAUTHORIZED = "oauth2_notes:unauthorized";
  /** Any other non-2xx answer; {@code details.status} holds the HTTP status. */
  public static final String HTTP_ERROR = "oauth2_notes:http_error";
  /** An answer that is not the JSON the service documents. */
  public static final String INVALID_RESPONSE = "oauth2_notes:invalid_response";
  /** The service could not be reached (DNS, connection, timeout). */
  public static final String UNREACHABLE = "oauth2_notes:unreachable";
}
