/**
 * What an interaction plugin's {@code @Routes} method works with (atlas-features.md §2.3): a {@link
 * dev.atomemo4j.runtime.routes.Router} to register handlers on, and the request and response values they exchange.
 * No server types: the host mounts the routes under {@code /plugins/<id>/} on its own HTTP server, and a test can call
 * a handler with a {@link dev.atomemo4j.runtime.routes.RouteRequest} it built.
 */
package dev.atomemo4j.runtime.routes;
