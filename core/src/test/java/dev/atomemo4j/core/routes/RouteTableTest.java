package dev.atomemo4j.core.routes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.atomemo4j.runtime.routes.RouteHandler;
import dev.atomemo4j.runtime.routes.RouteResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Registration checks and matching of one plugin's routes, without a server. */
class RouteTableTest {
  private static final RouteHandler OK = request -> RouteResponse.ok("ok");

  private static RouteTable.Found found(RouteTable table, String method, String... segments) {
    return (RouteTable.Found) table.match(method, List.of(segments));
  }

  @Test
  void aParameterSegmentMatchesAnyValueAndHandsItOver() {
    RouteTable.Builder router = RouteTable.builder();
    router.get("/items/{id}/notes/{note}", OK);

    RouteTable.Found found = found(router.build(), "GET", "items", "42", "notes", "a b");

    assertThat(found.template()).isEqualTo("/items/{id}/notes/{note}");
    assertThat(found.params()).isEqualTo(Map.of("id", "42", "note", "a b"));
  }

  @Test
  void aLiteralSegmentWinsOverAParameterWhereBothMatch() {
    RouteHandler latest = request -> RouteResponse.ok("latest");
    RouteTable.Builder router = RouteTable.builder();
    router.get("/items/{id}", OK).get("/items/latest", latest);

    assertThat(found(router.build(), "GET", "items", "latest").handler()).isSameAs(latest);
  }

  @Test
  void thePluginRootIsTheEmptyPath() {
    RouteTable.Builder router = RouteTable.builder();
    router.get("/", OK);

    assertThat(found(router.build(), "GET").template()).isEqualTo("/");
  }

  @Test
  void aPathMatchedOnlyByOtherMethodsListsThemAsAllowed() {
    RouteTable.Builder router = RouteTable.builder();
    router.post("/events", OK).put("/events", OK).get("/other", OK);

    assertThat(router.build().match("GET", List.of("events")))
        .isEqualTo(new RouteTable.WrongMethod(java.util.Set.of("POST", "PUT")));
  }

  @Test
  void aPathNoRouteMatchesIsNotFound() {
    RouteTable.Builder router = RouteTable.builder();
    router.get("/events", OK);

    assertThat(router.build().match("GET", List.of("events", "1"))).isSameAs(RouteTable.NOT_FOUND);
  }

  @Test
  void methodsAreMatchedInUpperCaseWhateverCaseTheyWereRegisteredIn() {
    RouteTable.Builder router = RouteTable.builder();
    router.route("post", "/events", OK);

    assertThat(found(router.build(), "POST", "events").method()).isEqualTo("POST");
  }

  @Test
  void theSameMethodAndPathTwiceIsAProblem() {
    RouteTable.Builder router = RouteTable.builder();
    router.post("/events", OK).post("/events", OK);

    assertThat(router.problems()).containsExactly("POST /events is registered twice");
  }

  @Test
  void twoTemplatesMatchingTheSamePathsAreADuplicateWhateverTheirParameterNames() {
    RouteTable.Builder router = RouteTable.builder();
    router.get("/items/{id}", OK).get("/items/{key}", OK);

    assertThat(router.problems()).containsExactly(
        "GET /items/{key} is registered twice (as /items/{id}, which matches the same paths)");
  }

  @Test
  void everyBadRegistrationIsKeptSoAllAreReportedTogether() {
    RouteTable.Builder router = RouteTable.builder();
    router.get("events", OK).get("/a//b", OK).get("/a/", OK).get("/x/{id}/{id}", OK).get("/x/pre{id}", OK)
        .get("/q?x=1", OK).route("G3T", "/y", OK).get("/z", null).get("/../etc", OK).get("/sp ace", OK);

    assertThat(router.problems()).hasSize(10);
    assertThat(String.join("\n", router.problems())).contains("must start with /", "empty segment",
        "trailing slash", "{id} twice", "is not a parameter", "query or fragment", "is not an HTTP method",
        "no handler", "contains a .. segment", "needs percent-encoding");
  }

  @Test
  void aTableWithProblemsIsNotBuilt() {
    RouteTable.Builder router = RouteTable.builder();
    router.get("nope", OK);

    assertThatThrownBy(router::build).isInstanceOf(IllegalStateException.class).hasMessageContaining("nope");
  }

  @Test
  void theRouterRefusesRegistrationsOnceTheTableIsBuilt() {
    RouteTable.Builder router = RouteTable.builder();
    router.build();

    assertThatThrownBy(() -> router.get("/late", OK)).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("@Routes method only");
  }
}
