package dev.atomemo4j.examples.notes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.atomemo4j.runtime.OAuth2TokenRequest;
import dev.atomemo4j.runtime.Secret;
import dev.atomemo4j.runtime.TokenPatch;
import dev.atomemo4j.runtime.ToolException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The token endpoint calls against a MockWebServer playing the provider, with a fixed clock. */
class TokenEndpointTest {
  private static final Instant NOW = Instant.parse("2026-05-01T12:00:00Z");
  private static final String REDIRECT = "http://127.0.0.1:4777/oauth2/callback";

  private MockWebServer provider;
  private TokenEndpoint endpoint;

  @BeforeEach
  void start() throws Exception {
    provider = new MockWebServer();
    provider.start();
    endpoint = new TokenEndpoint(new OkHttpClient.Builder().callTimeout(Duration.ofSeconds(5)).build(),
        Clock.fixed(NOW, ZoneOffset.UTC));
  }

  @AfterEach
  void stop() {
    provider.close();
  }

  private NotesAccount account(String refreshToken) {
    return new NotesAccount("notes-client", Secret.of("client-secret-value"), Optional.of(Secret.of("old-access")),
        Optional.ofNullable(refreshToken).map(Secret::of), OptionalLong.of(NOW.getEpochSecond() - 10),
        Optional.of(provider.url("/").toString()));
  }

  private void answer(int code, String json) {
    provider.enqueue(new MockResponse.Builder().code(code).setHeader("Content-Type", "application/json")
        .body(json).build());
  }

  private RecordedRequest tokenRequest() throws InterruptedException {
    RecordedRequest r = provider.takeRequest(5, TimeUnit.SECONDS);
    assertThat(r).as("a request reached the provider").isNotNull();
    assertThat(r.getMethod()).isEqualTo("POST");
    assertThat(r.getUrl().encodedPath()).isEqualTo("/oauth/token");
    assertThat(r.getHeaders().get("Content-Type")).startsWith("application/x-www-form-urlencoded");
    assertThat(r.getHeaders().get("Accept")).isEqualTo("application/json");
    return r;
  }

  /** An {@code application/x-www-form-urlencoded} body, in order. */
  static Map<String, String> form(RecordedRequest r) {
    Map<String, String> out = new LinkedHashMap<>();
    String body = r.getBody() == null ? "" : r.getBody().utf8();
    for (String pair : body.split("&")) {
      int eq = pair.indexOf('=');
      out.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
          URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
    }
    return out;
  }

  @Test
  void theCodeIsExchangedWithTheClientCredentialsAndExpiresAtIsNowPlusExpiresIn() throws Exception {
    answer(200, "{\"access_token\": \"at-1\", \"token_type\": \"Bearer\", \"expires_in\": 3600, "
        + "\"refresh_token\": \"rt-1\", \"scope\": \"notes.read\"}");

    TokenPatch patch = endpoint.exchangeCode(account(null), new OAuth2TokenRequest("the-code", REDIRECT));

    assertThat(form(tokenRequest())).containsExactly(
        Map.entry("grant_type", "authorization_code"),
        Map.entry("code", "the-code"),
        Map.entry("redirect_uri", REDIRECT),
        Map.entry("client_id", "notes-client"),
        Map.entry("client_secret", "client-secret-value"));
    assertThat(patch).isEqualTo(TokenPatch.of(Secret.of("at-1"), Secret.of("rt-1"), NOW.getEpochSecond() + 3600));
    assertThat(patch.toParametersPatch()).containsExactly(Map.entry("access_token", "at-1"),
        Map.entry("refresh_token", "rt-1"), Map.entry("expires_at", NOW.getEpochSecond() + 3600));
  }

  @Test
  void withoutExpiresInNoExpiryIsStored() throws Exception {
    answer(200, "{\"access_token\": \"at-1\", \"token_type\": \"bearer\"}");

    TokenPatch patch = endpoint.exchangeCode(account(null), new OAuth2TokenRequest("c", REDIRECT));

    assertThat(patch.expiresAt()).isNull();
    assertThat(patch.refreshToken()).isNull();
    assertThat(patch.toParametersPatch()).containsOnlyKeys("access_token");
  }

  @Test
  void expiresInGivenAsAStringIsUnderstood() throws Exception {
    answer(200, "{\"access_token\": \"at-1\", \"expires_in\": \"120\"}");

    assertThat(endpoint.exchangeCode(account(null), new OAuth2TokenRequest("c", REDIRECT)).expiresAt())
        .isEqualTo(NOW.getEpochSecond() + 120);
  }

  @Test
  void refreshSendsTheRefreshTokenAndKeepsItWhenTheProviderDoesNotRotateIt() throws Exception {
    answer(200, "{\"access_token\": \"at-2\", \"token_type\": \"Bearer\", \"expires_in\": 7200}");

    TokenPatch patch = endpoint.refresh(account("rt-1"));

    assertThat(form(tokenRequest())).containsExactly(
        Map.entry("grant_type", "refresh_token"),
        Map.entry("refresh_token", "rt-1"),
        Map.entry("client_id", "notes-client"),
        Map.entry("client_secret", "client-secret-value"));
    assertThat(patch).isEqualTo(TokenPatch.of(Secret.of("at-2"), Secret.of("rt-1"), NOW.getEpochSecond() + 7200));
  }

  @Test
  void aRotatedRefreshTokenReplacesTheOldOne() throws Exception {
    answer(200, "{\"access_token\": \"at-2\", \"expires_in\": 60, \"refresh_token\": \"rt-2\"}");

    assertThat(endpoint.refresh(account("rt-1")).refreshToken()).isEqualTo(Secret.of("rt-2"));
  }

  @Test
  void refreshWithoutARefreshTokenAsksToAuthorizeAgainAndSendsNothing() {
    for (String none : new String[] {null, ""}) {
      assertThatThrownBy(() -> endpoint.refresh(account(none)))
          .isInstanceOfSatisfying(ToolException.class,
              e -> assertThat(e.code()).isEqualTo(NotesErrors.NO_REFRESH_TOKEN));
    }
    assertThat(provider.getRequestCount()).isZero();
  }

  @Test
  void anOAuth2ErrorIsAToolErrorWithTheProvidersErrorAndNoSecrets() {
    answer(400, "{\"error\": \"invalid_grant\", \"error_description\": \"the code was already used\"}");

    assertThatThrownBy(() -> endpoint.exchangeCode(account(null), new OAuth2TokenRequest("used", REDIRECT)))
        .isInstanceOfSatisfying(ToolException.class, e -> {
          assertThat(e.code()).isEqualTo(NotesErrors.TOKEN_REJECTED);
          assertThat(e.getMessage()).isEqualTo("the notes service refused the token request: invalid_grant (the "
              + "code was already used)");
          assertThat(e.details()).containsEntry("status", 400).containsEntry("error", "invalid_grant");
          assertThat(e.getMessage() + e.details()).doesNotContain("client-secret-value");
        });
  }

  @Test
  void anotherHttpErrorIsAToolErrorWithTheStatus() {
    provider.enqueue(new MockResponse.Builder().code(503).body("<html>busy</html>").build());

    assertThatThrownBy(() -> endpoint.refresh(account("rt-1")))
        .isInstanceOfSatisfying(ToolException.class, e -> {
          assertThat(e.code()).isEqualTo(NotesErrors.HTTP_ERROR);
          assertThat(e.details()).containsEntry("status", 503);
        });
  }

  @Test
  void anAnswerWithoutAnAccessTokenIsInvalid() {
    answer(200, "{\"token_type\": \"Bearer\"}");
    answer(200, "[]");
    answer(200, "not json");

    for (int i = 0; i < 3; i++) {
      assertThatThrownBy(() -> endpoint.exchangeCode(account(null), new OAuth2TokenRequest("c", REDIRECT)))
          .isInstanceOfSatisfying(ToolException.class,
              e -> assertThat(e.code()).isEqualTo(NotesErrors.INVALID_RESPONSE));
    }
  }

  @Test
  void aTokenThatIsNotABearerTokenIsRefused() {
    answer(200, "{\"access_token\": \"at\", \"token_type\": \"mac\"}");

    assertThatThrownBy(() -> endpoint.exchangeCode(account(null), new OAuth2TokenRequest("c", REDIRECT)))
        .isInstanceOfSatisfying(ToolException.class, e -> {
          assertThat(e.code()).isEqualTo(NotesErrors.INVALID_RESPONSE);
          assertThat(e.getMessage()).contains("\"mac\"");
        });
  }

  @Test
  void anUnreachableProviderIsAToolError() {
    NotesAccount account = account("rt-1");
    provider.close();

    assertThatThrownBy(() -> endpoint.refresh(account))
        .isInstanceOfSatisfying(ToolException.class, e -> assertThat(e.code()).isEqualTo(NotesErrors.UNREACHABLE));
  }
}
