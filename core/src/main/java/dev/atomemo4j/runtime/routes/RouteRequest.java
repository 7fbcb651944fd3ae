package dev.atomemo4j.runtime.routes;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One HTTP request to a plugin route, as the host received it. Immutable: the maps are unmodifiable copies and
 * {@link #body()} hands out a copy.
 *
 * @param method the HTTP method, upper case
 * @param path the path under the plugin's prefix, decoded ({@code /events/42} of {@code /plugins/<id>/events/42})
 * @param pathParams the values of the route's {@code {name}} segments, decoded
 * @param queryParams the query string's parameters, decoded, values in order
 * @param headers the headers, values in order; the map's keys are matched case-insensitively
 * @param body the body as received (empty when there is none)
 */
public record RouteRequest(String method, String path, Map<String, String> pathParams,
    Map<String, List<String>> queryParams, Map<String, List<String>> headers, byte[] body) {

  public RouteRequest {
    method = Objects.requireNonNull(method, "method").toUpperCase(Locale.ROOT);
    Objects.requireNonNull(path, "path");
    pathParams = Collections.unmodifiableMap(new LinkedHashMap<>(pathParams));
    queryParams = copy(queryParams, new LinkedHashMap<>());
    headers = copy(headers, new TreeMap<>(String.CASE_INSENSITIVE_ORDER));
    body = body == null ? new byte[0] : body.clone();
  }

  /** A request without parameters, headers or body: for tests that call a handler directly. */
  public static RouteRequest of(String method, String path) {
    return new RouteRequest(method, path, Map.of(), Map.of(), Map.of(), new byte[0]);
  }

  /** This request with one more header value. */
  public RouteRequest withHeader(String name, String value) {
    Map<String, List<String>> more = new LinkedHashMap<>(headers);
    List<String> values = new ArrayList<>(more.getOrDefault(name, List.of()));
    values.add(Objects.requireNonNull(value, "value"));
    more.put(name, values);
    return new RouteRequest(method, path, pathParams, queryParams, more, body);
  }

  /** This request with {@code text} as its body, encoded in UTF-8. */
  public RouteRequest withBody(String text) {
    return new RouteRequest(method, path, pathParams, queryParams, headers, text.getBytes(StandardCharsets.UTF_8));
  }

  /** A copy of the body. */
  @Override
  public byte[] body() {
    return body.clone();
  }

  /** The body decoded with the {@code Content-Type}'s charset, UTF-8 when it names none (or one unknown). */
  public String bodyText() {
    return new String(body, charset());
  }

  /**
   * The value of a {@code {name}} segment of the route.
   *
   * @throws IllegalArgumentException when the route has no such segment (a mistake in the plugin, not the caller's)
   */
  public String pathParam(String name) {
    String value = pathParams.get(name);
    if (value == null) {
      throw new IllegalArgumentException("the route has no path parameter {" + name + "}; it has "
          + pathParams.keySet());
    }
    return value;
  }

  /** The first value of a query parameter. */
  public Optional<String> query(String name) {
    List<String> values = queryParams.get(name);
    return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
  }

  /** The first value of a header, its name matched case-insensitively. */
  public Optional<String> header(String name) {
    List<String> values = headers.get(name);
    return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
  }

  private Charset charset() {
    String type = header("Content-Type").orElse("");
    for (String part : type.split(";")) {
      String p = part.strip();
      if (p.regionMatches(true, 0, "charset=", 0, 8)) {
        String name = p.substring(8).replace("\"", "").strip();
        try {
          return Charset.forName(name);
        } catch (IllegalArgumentException unknown) {
          return StandardCharsets.UTF_8;
        }
      }
    }
    return StandardCharsets.UTF_8;
  }

  private static Map<String, List<String>> copy(Map<String, List<String>> from, Map<String, List<String>> into) {
    from.forEach((name, values) -> {
      Objects.requireNonNull(name, "name");
      List<String> merged = new ArrayList<>(into.getOrDefault(name, List.of()));
      merged.addAll(values);
      into.put(name, List.copyOf(merged));
    });
    return Collections.unmodifiableMap(into);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof RouteRequest r && method.equals(r.method) && path.equals(r.path)
        && pathParams.equals(r.pathParams) && queryParams.equals(r.queryParams) && headers.equals(r.headers)
        && Arrays.equals(body, r.body);
  }

  @Override
  public int hashCode() {
    return Objects.hash(method, path, pathParams, queryParams, headers, Arrays.hashCode(body));
  }

  /** Method and path only: headers and bodies carry signatures and tokens, and requests end up in logs. */
  @Override
  public String toString() {
    return "RouteRequest[" + method + " " + path + "]";
  }
}
