package dev.atomemo4j.runtime.routes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What a handler reads from a request and builds as its response. */
class RouteValuesTest {

  @Test
  void headersAreFoundWhateverTheCaseOfTheirName() {
    RouteRequest request = RouteRequest.of("post", "/events").withHeader("X-Signature", "sha256=ab");

    assertThat(request.header("x-signature")).hasValue("sha256=ab");
    assertThat(request.headers().get("X-SIGNATURE")).containsExactly("sha256=ab");
    assertThat(request.method()).isEqualTo("POST");
  }

  @Test
  void headerNamesDifferingInCaseOnlyAreOneHeader() {
    RouteRequest request = new RouteRequest("GET", "/", Map.of(), Map.of(),
        new java.util.LinkedHashMap<>(Map.of("Accept", List.of("a"))), null).withHeader("accept", "b");

    assertThat(request.headers().get("ACCEPT")).containsExactly("a", "b");
  }

  @Test
  void theBodyIsDecodedInTheCharsetTheContentTypeNames() {
    byte[] latin1 = "café".getBytes(StandardCharsets.ISO_8859_1);
    RouteRequest request = new RouteRequest("POST", "/", Map.of(), Map.of(),
        Map.of("Content-Type", List.of("text/plain; charset=ISO-8859-1")), latin1);

    assertThat(request.bodyText()).isEqualTo("café");
  }

  @Test
  void theBodyCannotBeChangedThroughWhatTheRequestHandsOut() {
    RouteRequest request = RouteRequest.of("POST", "/").withBody("abc");
    request.body()[0] = 'X';

    assertThat(request.bodyText()).isEqualTo("abc");
  }

  @Test
  void aMissingPathParameterIsTheRoutesMistakeAndSaysWhichItHas() {
    RouteRequest request = new RouteRequest("GET", "/items/1", Map.of("id", "1"), Map.of(), Map.of(), null);

    assertThatThrownBy(() -> request.pathParam("key")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("{key}").hasMessageContaining("[id]");
  }

  @Test
  void aRequestPrintsNeitherItsHeadersNorItsBody() {
    RouteRequest request = RouteRequest.of("POST", "/events").withHeader("Authorization", "Bearer tok-123")
        .withBody("secret body");

    assertThat(request.toString()).isEqualTo("RouteRequest[POST /events]");
  }

  @Test
  void jsonWritesTheValueWithItsContentType() {
    RouteResponse response = RouteResponse.json(202, Map.of("accepted", true));

    assertThat(response.status()).isEqualTo(202);
    assertThat(response.header("content-type")).isEqualTo("application/json; charset=utf-8");
    assertThat(response.bodyText()).isEqualTo("{\"accepted\":true}");
  }

  @Test
  void unauthorizedUsesTheHostsErrorShape() {
    assertThat(RouteResponse.unauthorized("bad signature").bodyText())
        .isEqualTo("{\"code\":\"unauthorized\",\"message\":\"bad signature\"}");
  }

  @Test
  void aHeaderValueWithALineBreakIsRefusedSoRequestDataCannotStartAHeader() {
    assertThatThrownBy(() -> RouteResponse.ok("x").withHeader("X-Echo", "a\r\nSet-Cookie: y"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("line break");
  }

  @Test
  void aStatusOutsideHttpIsRefused() {
    assertThatThrownBy(() -> RouteResponse.status(42)).isInstanceOf(IllegalArgumentException.class);
  }
}
