package dev.atomemo4j.runtime.routes;

/**
 * Answers the requests of one route. Runs on one of the host's HTTP threads, so it may block (call a service, wait
 * for a database), and several requests may run it at once. An exception becomes a {@code 500} with the stable code
 * {@code host:route_failed}; its message is logged with the plugin's secrets masked and is never sent to the caller.
 */
@FunctionalInterface
public interface RouteHandler {
  RouteResponse handle(RouteRequest request) throws Exception;
}
