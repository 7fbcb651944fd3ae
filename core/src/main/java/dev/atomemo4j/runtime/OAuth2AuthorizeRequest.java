package dev.atomemo4j.runtime;

/** An {@code oauth2_build_authorize_url} request: put {@code state} into the URL unchanged. */
public record OAuth2AuthorizeRequest(String redirectUri, String state) {}
