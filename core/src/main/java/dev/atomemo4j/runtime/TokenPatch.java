package dev.atomemo4j.runtime;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What an OAuth2 token exchange or refresh answers: values the Hub merges into the stored credential
 * ({@code parameters_patch}). {@code expiresAt} is a Unix time in seconds; the Hub refreshes before it.
 */
public record TokenPatch(Secret accessToken, Secret refreshToken, Long expiresAt, Map<String, Object> extra) {

  public TokenPatch {
    Objects.requireNonNull(accessToken, "accessToken");
    extra = extra == null ? Map.of() : Map.copyOf(extra);
  }

  public static TokenPatch of(Secret accessToken, Secret refreshToken, Long expiresAt) {
    return new TokenPatch(accessToken, refreshToken, expiresAt, Map.of());
  }

  /** The patch as the wire map; secrets revealed, since the Hub stores them encrypted. */
  public Map<String, Object> toParametersPatch() {
    Map<String, Object> m = new LinkedHashMap<>(extra);
    m.put("access_token", accessToken.reveal());
    if (refreshToken != null) {
      m.put("refresh_token", refreshToken.reveal());
    }
    if (expiresAt != null) {
      m.put("expires_at", expiresAt);
    }
    return m;
  }
}
