package dev.atomemo4j.host.routes;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.ByteBuffer;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * The host's own answers on the plugin routes' path, in the admin API's error shape {@code {"code", "message"}}
 * (host/API.md). Messages name the plugin and the route, never request data beyond the method and path.
 */
final class RouteErrors {
  static final String UNKNOWN_PLUGIN = "host:unknown_plugin";
  static final String NOT_FOUND = "host:route_not_found";
  static final String METHOD_NOT_ALLOWED = "host:method_not_allowed";
  static final String UNAVAILABLE = "host:plugin_unavailable";
  static final String ROUTE_FAILED = "host:route_failed";
  static final String BODY_TOO_LARGE = "host:body_too_large";
  static final String BAD_REQUEST = "host:bad_request";

  private static final ObjectMapper JSON = new ObjectMapper();

  private RouteErrors() {}

  /** Writes {@code {"code", "message"}} with {@code status}; {@code allow} (or null) becomes the Allow header. */
  static void write(Response response, Callback callback, int status, String code, String message, String allow) {
    ObjectNode body = JSON.createObjectNode().put("code", code).put("message", message);
    byte[] bytes;
    try {
      bytes = JSON.writeValueAsBytes(body);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
    response.setStatus(status);
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json; charset=utf-8");
    response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
    if (allow != null) {
      response.getHeaders().put(HttpHeader.ALLOW, allow);
    }
    response.getHeaders().put(HttpHeader.CONTENT_LENGTH, bytes.length);
    response.write(true, ByteBuffer.wrap(bytes), callback);
  }
}
