package dev.atomemo4j.runtime;

import java.util.Optional;

/** An {@code oauth2_refresh_token} request; the stored values (with the refresh token) are the credential itself. */
public record OAuth2RefreshRequest(Optional<String> organizationId) {}
