package dev.atomemo4j.examples.notes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.atomemo4j.runtime.OAuth2AuthorizeRequest;
import dev.atomemo4j.runtime.Secret;
import dev.atomemo4j.runtime.ToolException;
import java.util.Optional;
import java.util.OptionalLong;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.Test;

/** Building the sign-in URL and the service's endpoints from the stored values. */
class NotesAccountTest {
  private static final String REDIRECT = "http://127.0.0.1:4777/oauth2/callback";

  static NotesAccount account(String serviceUrl) {
    return new NotesAccount("notes-client", Secret.of("client-secret-value"), Optional.empty(), Optional.empty(),
        OptionalLong.empty(), Optional.ofNullable(serviceUrl));
  }

  @Test
  void theAuthorizeUrlCarriesClientIdRedirectUriScopeAndStateInThisOrder() throws Exception {
    String url = account("https://notes.acme.test").authorizeUrl(new OAuth2AuthorizeRequest(REDIRECT, "st-123"));

    assertThat(url).isEqualTo("https://notes.acme.test/oauth/authorize?response_type=code&client_id=notes-client"
        + "&redirect_uri=http%3A%2F%2F127.0.0.1%3A4777%2Foauth2%2Fcallback&scope=notes.read&state=st-123");
    HttpUrl parsed = HttpUrl.get(url);
    assertThat(parsed.queryParameterNames())
        .containsExactly("response_type", "client_id", "redirect_uri", "scope", "state");
  }

  @Test
  void valuesAreQueryEncodedSoTheyComeBackUnchanged() throws Exception {
    String redirect = "http://localhost:4777/oauth2/callback?x=1&y=a b";
    String state = "a+b/c=d&e f%";
    NotesAccount account = new NotesAccount("id with spaces&more", Secret.of("s"), Optional.empty(),
        Optional.empty(), OptionalLong.empty(), Optional.of("https://notes.acme.test"));

    HttpUrl url = HttpUrl.get(account.authorizeUrl(new OAuth2AuthorizeRequest(redirect, state)));

    assertThat(url.queryParameter("client_id")).isEqualTo("id with spaces&more");
    assertThat(url.queryParameter("redirect_uri")).isEqualTo(redirect);
    assertThat(url.queryParameter("state")).isEqualTo(state);
    assertThat(url.querySize()).isEqualTo(5);
  }

  @Test
  void withoutAServiceUrlTheDefaultServiceIsUsed() throws Exception {
    for (String none : new String[] {null, "", "   "}) {
      HttpUrl url = HttpUrl.get(account(none).authorizeUrl(new OAuth2AuthorizeRequest(REDIRECT, "s")));
      assertThat(url.scheme() + "://" + url.host()).isEqualTo(NotesAccount.DEFAULT_SERVICE_URL);
      assertThat(url.encodedPath()).isEqualTo("/oauth/authorize");
    }
  }

  @Test
  void aServiceUrlWithAPathPrefixKeepsIt() throws Exception {
    assertThat(account("http://localhost:8080/notes").endpoint("oauth/token").toString())
        .isEqualTo("http://localhost:8080/notes/oauth/token");
    assertThat(account("http://localhost:8080/notes/").endpoint("oauth/token").toString())
        .isEqualTo("http://localhost:8080/notes/oauth/token");
    assertThat(account(" http://localhost:8080/ ").endpoint("api/v1/notes").toString())
        .isEqualTo("http://localhost:8080/api/v1/notes");
    assertThat(account("http://localhost:8080/x?debug=1#top").endpoint("oauth/token").toString())
        .as("query and fragment of the service URL are dropped")
        .isEqualTo("http://localhost:8080/x/oauth/token");
  }

  @Test
  void aServiceUrlThatIsNotHttpIsAToolError() {
    for (String bad : new String[] {"notes.acme.test", "ftp://notes.acme.test", "http://"}) {
      assertThatThrownBy(() -> account(bad).authorizeUrl(new OAuth2AuthorizeRequest(REDIRECT, "s")))
          .isInstanceOfSatisfying(ToolException.class,
              e -> assertThat(e.code()).isEqualTo(NotesErrors.INVALID_SERVICE_URL));
    }
  }

  @Test
  void anUnauthorizedAccountHasNoAccessToken() {
    assertThatThrownBy(() -> account(null).requireAccessToken())
        .isInstanceOfSatisfying(ToolException.class, e -> assertThat(e.code()).isEqualTo(NotesErrors.NOT_AUTHORIZED));
  }

  @Test
  void secretsNeverShowInTheRecordsToString() {
    NotesAccount account = new NotesAccount("notes-client", Secret.of("client-secret-value"),
        Optional.of(Secret.of("access-token-value")), Optional.of(Secret.of("refresh-token-value")),
        OptionalLong.of(1_900_000_000L), Optional.empty());

    assertThat(account.toString()).contains("notes-client")
        .doesNotContain("client-secret-value", "access-token-value", "refresh-token-value");
  }
}
