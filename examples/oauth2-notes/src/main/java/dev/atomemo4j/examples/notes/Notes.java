package dev.atomemo4j.examples.notes;

import dev.atomemo4j.annotations.Plugin;

/**
 * An OAuth2 plugin: one credential that signs in to a notes service with the authorization-code flow (and keeps its
 * access token fresh with the refresh token), and one tool that lists the account's notes with that token.
 *
 * <p>The notes service is a small, conventional one (RFC 6749 endpoints, a bearer-token JSON API), so the example
 * shows the OAuth2 plumbing and nothing else:
 *
 * <ul>
 *   <li>{@code GET  <service>/oauth/authorize?response_type=code&client_id&redirect_uri&scope&state} — the user
 *       signs in and is sent back to the Hub's {@code redirect_uri} with {@code code} and {@code state};</li>
 *   <li>{@code POST <service>/oauth/token} (form) — {@code grant_type=authorization_code} or
 *       {@code grant_type=refresh_token}, client id and secret in the body; answers
 *       {@code {access_token, token_type, expires_in, refresh_token?}};</li>
 *   <li>{@code GET  <service>/api/v1/notes?q&limit} with {@code Authorization: Bearer <access token>} — answers
 *       {@code {notes: [{id, title, snippet?, updated_at?}]}}.</li>
 * </ul>
 *
 * <p>{@code <service>} is the credential's {@code service_url} ({@link NotesAccount#DEFAULT_SERVICE_URL} unless the
 * user points it at their own server; the tests point it at a MockWebServer).
 */
@Plugin(
    name = "oauth2-notes",
    displayName = "Notes (OAuth2)",
    description = "List the notes of a notes service account, signed in with OAuth2 (authorization code with "
        + "refresh).",
    icon = "📝",
    tools = NotesTools.class,
    credentials = NotesAccount.class)
public final class Notes {
  private Notes() {}
}
