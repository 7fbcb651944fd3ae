package dev.atomemo4j.runtime;

/** An {@code oauth2_get_token} request: exchange the authorization {@code code}. */
public record OAuth2TokenRequest(String code, String redirectUri) {}
