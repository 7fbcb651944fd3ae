package dev.atomemo4j.examples.notes;

import dev.atomemo4j.annotations.Credential;
import dev.atomemo4j.annotations.OAuth2AuthorizeUrl;
import dev.atomemo4j.annotations.OAuth2GetToken;
import dev.atomemo4j.annotations.OAuth2RefreshToken;
import dev.atomemo4j.annotations.Param;
import dev.atomemo4j.runtime.OAuth2AuthorizeRequest;
import dev.atomemo4j.runtime.OAuth2TokenRequest;
import dev.atomemo4j.runtime.Secret;
import dev.atomemo4j.runtime.TokenPatch;
import dev.atomemo4j.runtime.ToolException;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import okhttp3.HttpUrl;

/**
 * A notes service account, signed in with OAuth2's authorization-code flow.
 *
 * <p>The user stores the OAuth app's {@code client_id} and {@code client_secret}; the Hub runs the flow and stores
 * what the three callbacks answer:
 *
 * <ol>
 *   <li>{@link #authorizeUrl} builds the URL the user opens to sign in (the Hub gives the {@code redirect_uri} and
 *       the {@code state} it will check when the provider redirects back);</li>
 *   <li>{@link #getToken} exchanges the {@code code} of that redirect for an access and a refresh token;</li>
 *   <li>{@link #refresh} trades the refresh token for a new access token before {@code expires_at}.</li>
 * </ol>
 *
 * <p>An OAuth2 credential must declare {@code client_id} (string, required), {@code client_secret}
 * ({@code encrypted_string}, required), {@code access_token} and {@code refresh_token} ({@code encrypted_string})
 * and {@code expires_at} (integer): the processor refuses the plugin otherwise ({@code oauth2-parameter}).
 * {@link Secret} components are written as {@code encrypted_string}, {@code Optional}s as not required.
 */
@Credential(
    name = "notes-oauth2",
    displayName = "Notes account",
    description = "Sign in to your notes service with OAuth2; the Hub keeps the access token fresh.",
    icon = "🔐",
    oauth2 = true,
    grantType = "authorization_code")
public record NotesAccount(
    @Param(displayName = "Client ID", hint = "The client ID of your OAuth app at the notes service",
        placeholder = "notes-app-1234", width = "full")
        String clientId,
    @Param(displayName = "Client secret", hint = "The client secret of your OAuth app at the notes service",
        width = "full")
        Secret clientSecret,
    @Param(displayName = "Access token", hint = "Filled in when you authorize; leave empty")
        Optional<Secret> accessToken,
    @Param(displayName = "Refresh token", hint = "Filled in when you authorize; leave empty")
        Optional<Secret> refreshToken,
    @Param(displayName = "Expires at", hint = "When the access token expires (Unix seconds); filled in when you "
        + "authorize")
        OptionalLong expiresAt,
    @Param(displayName = "Service URL", hint = "Where your notes service runs, if not at the default address",
        placeholder = DEFAULT_SERVICE_URL, width = "full", defaultValue = "\"" + DEFAULT_SERVICE_URL + "\"")
        Optional<String> serviceUrl) {

  /** The notes service the credential signs in to unless {@code service_url} says otherwise. */
  public static final String DEFAULT_SERVICE_URL = "https://notes.example.com";

  /** What the plugin asks for: reading notes is all its tool does. */
  public static final String SCOPE = "notes.read";

  /**
   * The sign-in URL: {@code <service>/oauth/authorize} with {@code response_type=code}, the client id, the Hub's
   * redirect URI, the scope and the Hub's state, each query-encoded.
   */
  @OAuth2AuthorizeUrl
  public String authorizeUrl(OAuth2AuthorizeRequest request) throws ToolException {
    return endpoint("oauth/authorize").newBuilder()
        .addQueryParameter("response_type", "code")
        .addQueryParameter("client_id", clientId)
        .addQueryParameter("redirect_uri", request.redirectUri())
        .addQueryParameter("scope", SCOPE)
        .addQueryParameter("state", request.state())
        .build()
        .toString();
  }

  /** Exchanges the authorization code; {@code expires_at} is now + the provider's {@code expires_in}. */
  @OAuth2GetToken
  public TokenPatch getToken(OAuth2TokenRequest request) throws ToolException {
    return TokenEndpoint.shared().exchangeCode(this, request);
  }

  /** A new access token for the stored refresh token (kept when the provider does not rotate it). */
  @OAuth2RefreshToken
  public TokenPatch refresh() throws ToolException {
    return TokenEndpoint.shared().refresh(this);
  }

  /**
   * {@code <service>/<path>}: the service URL (or the default) with {@code path} appended, so a service URL with a
   * path prefix ({@code https://example.com/notes/}) keeps it.
   */
  public HttpUrl endpoint(String path) throws ToolException {
    String configured = serviceUrl.map(String::trim).filter(s -> !s.isEmpty()).orElse(DEFAULT_SERVICE_URL);
    HttpUrl root = HttpUrl.parse(configured);
    if (root == null) {
      throw new ToolException(NotesErrors.INVALID_SERVICE_URL, "service_url \"" + configured + "\" is not an "
          + "http(s) URL; fix it in the credential", Map.of("service_url", configured), null);
    }
    return root.newBuilder().query(null).fragment(null).addPathSegments(path).build();
  }

  /** The stored access token, or an error telling the user to authorize the credential first. */
  public Secret requireAccessToken() throws ToolException {
    return accessToken.filter(t -> !t.isEmpty()).orElseThrow(() -> new ToolException(NotesErrors.NOT_AUTHORIZED,
        "the notes account is not authorized yet: authorize the credential in the Hub first"));
  }
}
