package dev.atomemo4j.examples.notes;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.atomemo4j.runtime.OAuth2TokenRequest;
import dev.atomemo4j.runtime.Secret;
import dev.atomemo4j.runtime.TokenPatch;
import dev.atomemo4j.runtime.ToolException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import okhttp3.FormBody;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * The service's OAuth2 token endpoint ({@code POST <service>/oauth/token}, RFC 6749 §4.1.3 and §6): a form body
 * with the grant and the client's id and secret ({@code client_secret_post}), a JSON answer. Errors become
 * {@link ToolException}s whose messages never contain a secret.
 */
final class TokenEndpoint {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final TokenEndpoint SHARED = new TokenEndpoint(Http.SHARED, Clock.systemUTC());

  private final OkHttpClient http;
  private final Clock clock;

  /** @param clock what "now" is when {@code expires_at} is computed from {@code expires_in} */
  TokenEndpoint(OkHttpClient http, Clock clock) {
    this.http = Objects.requireNonNull(http, "http");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  static TokenEndpoint shared() {
    return SHARED;
  }

  /** {@code grant_type=authorization_code}: the code and the same redirect URI the authorize URL carried. */
  TokenPatch exchangeCode(NotesAccount account, OAuth2TokenRequest request) throws ToolException {
    FormBody form = new FormBody.Builder()
        .add("grant_type", "authorization_code")
        .add("code", request.code())
        .add("redirect_uri", request.redirectUri())
        .add("client_id", account.clientId())
        .add("client_secret", account.clientSecret().reveal())
        .build();
    return patch(post(account.endpoint("oauth/token"), form), null);
  }

  /**
   * {@code grant_type=refresh_token}. A provider may answer a new refresh token (rotation) or none; with none, the
   * stored one stays valid and is handed back unchanged.
   */
  TokenPatch refresh(NotesAccount account) throws ToolException {
    Secret refreshToken = account.refreshToken().filter(t -> !t.isEmpty()).orElseThrow(() -> new ToolException(
        NotesErrors.NO_REFRESH_TOKEN, "the notes account has no refresh token: authorize the credential again"));
    FormBody form = new FormBody.Builder()
        .add("grant_type", "refresh_token")
        .add("refresh_token", refreshToken.reveal())
        .add("client_id", account.clientId())
        .add("client_secret", account.clientSecret().reveal())
        .build();
    return patch(post(account.endpoint("oauth/token"), form), refreshToken);
  }

  /**
   * The stored values to update: the access token, the refresh token (the new one, else {@code kept}), and
   * {@code expires_at} = now + {@code expires_in} when the provider says how long the token lives.
   */
  TokenPatch patch(JsonNode answer, Secret kept) throws ToolException {
    String accessToken = text(answer, "access_token");
    if (accessToken == null) {
      throw new ToolException(NotesErrors.INVALID_RESPONSE, "the token endpoint's answer has no access_token");
    }
    String tokenType = text(answer, "token_type");
    if (tokenType != null && !tokenType.equalsIgnoreCase("bearer")) {
      throw new ToolException(NotesErrors.INVALID_RESPONSE, "the token endpoint issued a \"" + tokenType
          + "\" token; only bearer tokens are supported");
    }
    String rotated = text(answer, "refresh_token");
    Secret refreshToken = rotated != null ? Secret.of(rotated) : kept;
    Long expiresIn = seconds(answer.get("expires_in"));
    Long expiresAt = expiresIn == null ? null : clock.instant().getEpochSecond() + expiresIn;
    return TokenPatch.of(Secret.of(accessToken), refreshToken, expiresAt);
  }

  private JsonNode post(HttpUrl url, FormBody form) throws ToolException {
    Request request = new Request.Builder().url(url).post(form).header("Accept", "application/json").build();
    try (Response response = http.newCall(request).execute()) {
      ResponseBody body = response.body();
      String text = body == null ? "" : body.string();
      JsonNode answer = parse(text);
      if (!response.isSuccessful()) {
        throw rejected(response.code(), answer);
      }
      if (answer == null || !answer.isObject()) {
        throw new ToolException(NotesErrors.INVALID_RESPONSE, "the token endpoint (" + url.encodedPath()
            + ") did not answer a JSON object");
      }
      return answer;
    } catch (InterruptedIOException e) {
      throw new ToolException(NotesErrors.UNREACHABLE, "the token endpoint did not answer in time (" + url.host()
          + ")", Map.of(), e);
    } catch (IOException e) {
      throw new ToolException(NotesErrors.UNREACHABLE, "the token endpoint is unreachable (" + url.host() + "): "
          + e.getMessage(), Map.of(), e);
    }
  }

  /** RFC 6749 §5.2: {@code {"error": "invalid_grant", "error_description": "…"}}, usually with HTTP 400. */
  private static ToolException rejected(int status, JsonNode answer) {
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("status", status);
    String error = answer == null ? null : text(answer, "error");
    if (error == null) {
      return new ToolException(NotesErrors.HTTP_ERROR, "the token endpoint answered HTTP " + status, details, null);
    }
    details.put("error", error);
    String description = text(answer, "error_description");
    return new ToolException(NotesErrors.TOKEN_REJECTED, "the notes service refused the token request: " + error
        + (description == null ? "" : " (" + description + ")"), details, null);
  }

  private static JsonNode parse(String text) {
    try {
      return text.isBlank() ? null : JSON.readTree(text);
    } catch (JacksonException e) {
      return null;
    }
  }

  /** A non-empty string member, else null. */
  private static String text(JsonNode node, String field) {
    JsonNode v = node.get(field);
    return v != null && v.isTextual() && !v.textValue().isEmpty() ? v.textValue() : null;
  }

  /** {@code expires_in} as a whole number of seconds; some providers send it as a string. */
  private static Long seconds(JsonNode v) {
    if (v == null) {
      return null;
    }
    if (v.isIntegralNumber() && v.canConvertToLong()) {
      return v.longValue();
    }
    if (v.isTextual()) {
      try {
        return Long.parseLong(v.textValue().trim());
      } catch (NumberFormatException e) {
        return null;
      }
    }
    return null;
  }
}
