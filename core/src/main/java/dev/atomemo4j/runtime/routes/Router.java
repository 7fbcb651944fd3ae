package dev.atomemo4j.runtime.routes;

/**
 * Where a {@code @Routes} method registers its handlers. Paths are relative to the plugin's prefix: {@code
 * "/events"} of plugin {@code webhook-receiver} answers {@code /plugins/webhook-receiver/events}. A path is
 * {@code "/"} or {@code /}-separated segments, each a literal ({@code events}) or a parameter ({@code {id}}, read
 * with {@link RouteRequest#pathParam}); a literal segment wins over a parameter where both match.
 *
 * <p>The host checks the registrations when it wires the plugin, after {@code @Initialize}: a bad path, a bad method,
 * or the same method and path twice make the plugin fail to wire (unhealthy, with every problem in the reason).
 */
public interface Router {

  /**
   * Registers {@code handler} for {@code method} (an HTTP method, any case) on {@code path}.
   *
   * @return this router, to chain registrations
   */
  Router route(String method, String path, RouteHandler handler);

  default Router get(String path, RouteHandler handler) {
    return route("GET", path, handler);
  }

  default Router post(String path, RouteHandler handler) {
    return route("POST", path, handler);
  }

  default Router put(String path, RouteHandler handler) {
    return route("PUT", path, handler);
  }

  default Router patch(String path, RouteHandler handler) {
    return route("PATCH", path, handler);
  }

  default Router delete(String path, RouteHandler handler) {
    return route("DELETE", path, handler);
  }
}
