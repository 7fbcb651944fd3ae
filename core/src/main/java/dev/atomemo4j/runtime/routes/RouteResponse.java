package dev.atomemo4j.runtime.routes;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What a route handler answers: a status, headers (one value each, names matched case-insensitively) and a body.
 * Immutable; {@link #withHeader} returns a new response.
 *
 * <pre>{@code
 * return RouteResponse.ok("pong");                                    // 200 text/plain
 * return RouteResponse.json(Map.of("accepted", true));               // 200 application/json
 * return RouteResponse.unauthorized("bad signature");                // 401 {"code":"unauthorized","message":…}
 * return RouteResponse.status(204);                                   // no body
 * }</pre>
 */
public record RouteResponse(int status, Map<String, String> headers, byte[] body) {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String TEXT = "text/plain; charset=utf-8";
  private static final String JSON_TYPE = "application/json; charset=utf-8";

  public RouteResponse {
    if (status < 100 || status > 599) {
      throw new IllegalArgumentException("an HTTP status is between 100 and 599, got " + status);
    }
    Map<String, String> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    headers.forEach((name, value) -> copy.put(requireToken(name), requireValue(name, value)));
    headers = Collections.unmodifiableMap(copy);
    body = body == null ? new byte[0] : body.clone();
  }

  /** {@code 200} with {@code text} as {@code text/plain; charset=utf-8}. */
  public static RouteResponse ok(String text) {
    return text(200, text);
  }

  /** {@code status} with {@code text} as {@code text/plain; charset=utf-8}. */
  public static RouteResponse text(int status, String text) {
    return new RouteResponse(status, Map.of("Content-Type", TEXT), text.getBytes(StandardCharsets.UTF_8));
  }

  /** {@code 200} with {@code value} written as JSON by Jackson (a map, a list, a record, a {@code JsonNode}, …). */
  public static RouteResponse json(Object value) {
    return json(200, value);
  }

  /** {@code status} with {@code value} written as JSON. */
  public static RouteResponse json(int status, Object value) {
    try {
      return new RouteResponse(status, Map.of("Content-Type", JSON_TYPE), JSON.writeValueAsBytes(value));
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("cannot write a " + value.getClass().getName() + " as JSON: "
          + e.getOriginalMessage(), e);
    }
  }

  /** {@code status} and no body. */
  public static RouteResponse status(int status) {
    return new RouteResponse(status, Map.of(), new byte[0]);
  }

  /**
   * An error in the host's shape, {@code {"code": code, "message": message}}, so callers parse plugin and host errors
   * alike. The message is sent as is: never put a secret or a stack trace in it.
   */
  public static RouteResponse error(int status, String code, String message) {
    ObjectNode body = JSON.createObjectNode().put("code", code).put("message", message);
    return json(status, body);
  }

  /** {@code 401 {"code": "unauthorized", "message": message}}. */
  public static RouteResponse unauthorized(String message) {
    return error(401, "unauthorized", message);
  }

  /** {@code 400 {"code": "bad_request", "message": message}}. */
  public static RouteResponse badRequest(String message) {
    return error(400, "bad_request", message);
  }

  /** This response with one header set (replacing a value of the same name). */
  public RouteResponse withHeader(String name, String value) {
    Map<String, String> more = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    more.putAll(headers);
    more.put(name, value);
    return new RouteResponse(status, more, body);
  }

  /** A header's value, its name matched case-insensitively; null when absent. */
  public String header(String name) {
    return headers.get(name);
  }

  /** A copy of the body. */
  @Override
  public byte[] body() {
    return body.clone();
  }

  /** The body as UTF-8 text. */
  public String bodyText() {
    return new String(body, StandardCharsets.UTF_8);
  }

  private static String requireToken(String name) {
    Objects.requireNonNull(name, "header name");
    if (name.isEmpty() || !name.chars().allMatch(RouteResponse::isTokenChar)) {
      throw new IllegalArgumentException("\"" + name + "\" is not a header name");
    }
    return name;
  }

  private static String requireValue(String name, String value) {
    Objects.requireNonNull(value, "value of header " + name);
    // A line break would let a value written from request data start a header of its own (response splitting).
    if (value.indexOf('\r') >= 0 || value.indexOf('\n') >= 0) {
      throw new IllegalArgumentException("the value of header " + name + " contains a line break");
    }
    return value;
  }

  static boolean isTokenChar(int c) {
    return c > 32 && c < 127 && "()<>@,;:\\\"/[]?={}".indexOf(c) < 0;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof RouteResponse r && status == r.status && headers.equals(r.headers)
        && Arrays.equals(body, r.body);
  }

  @Override
  public int hashCode() {
    return Objects.hash(status, headers, Arrays.hashCode(body));
  }

  @Override
  public String toString() {
    return "RouteResponse[" + status + ", " + body.length + " bytes]";
  }
}
